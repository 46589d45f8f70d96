// `npm run guide:sharded -- <N> [selection]`: what the nightly workflow does on N machines, on this one: N shard
// processes, each writing a blob, then `reports:merge` into the same reports a single run writes, then the gate.
import { rmSync } from 'node:fs';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { compileSelection, countSelectedTests } from '../harness/config/feature-selection.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { checkSiteAnswers, siteSetting } from '../site/setting.ts';
import { mergeReports } from './merge-reports.ts';
import { bin, pool, status } from './processes.ts';
import { qualityGate } from './quality-gate.ts';

export interface ShardPlan {
  shards: number;
  /** How many shards run at once. */
  atOnce: number;
  /** `npm run guide`'s selection: `<file>[:line]`, `--tags <expr>`, other `playwright test` arguments. */
  selection: string[];
}

/** The shard count (2 when not given) and GUIDE_PARALLEL_SHARDS, the cap for a machine with few cores. */
export function planShards(argv: string[], parallelShards?: string): ShardPlan | { error: string } {
  const [shardArg, ...selection] = argv;
  const shards = Number(shardArg ?? 2);
  if (!Number.isInteger(shards) || shards < 1) {
    return {
      error: `Give the number of shards as a whole number, e.g. "npm run guide:sharded -- 2" (got "${shardArg}").`,
    };
  }
  return { shards, atOnce: Math.max(1, Math.min(shards, Number(parallelShards) || shards)), selection };
}

/** "Shards: 1/2 passed, 2/2 FAILED". */
export const shardsLine = (statuses: number[]) =>
  `Shards: ${statuses.map((s, i) => `${i + 1}/${statuses.length} ${s === 0 ? 'passed' : 'FAILED'}`).join(', ')}`;

export async function shardedRun(argv: string[]): Promise<number> {
  const plan = planShards(argv, process.env.GUIDE_PARALLEL_SHARDS);
  if ('error' in plan) {
    console.error(plan.error);
    return 2;
  }
  if (!ensureBrowser()) return 1;
  try {
    await checkSiteAnswers(siteSetting());
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const paths = reportPaths();
  for (const path of [paths.allureResults, paths.blobs, paths.playwrightJson]) {
    rmSync(path, { recursive: true, force: true });
  }

  const playwrightArgs = compileSelection(plan.selection);
  const shardDir = (index: number) => `${paths.blobs}/shard-${index}`;
  const indexes = Array.from({ length: plan.shards }, (_, i) => i + 1);
  const statuses = await pool(indexes, plan.atOnce, (index) =>
    status(
      bin('playwright'),
      // Each shard its own output folder: Playwright empties it when a run starts.
      ['test', `--shard=${index}/${plan.shards}`, '--output', `${paths.testResults}/shard-${index}`, ...playwrightArgs],
      { echo: false, env: { GUIDE_BLOB_DIR: `${shardDir(index)}/blob`, GUIDE_WORKERS: '1' } },
    ),
  );

  const mergeStatus = await mergeReports(indexes.map(shardDir), paths);
  // A selection is held to the scenarios it selects; a whole run to every scenario written in the feature files.
  const gateStatus = qualityGate(plan.selection.length ? countSelectedTests(playwrightArgs) : undefined, paths);
  console.log(`\n${shardsLine(statuses)}`);
  return statuses.find((s) => s !== 0) ?? (mergeStatus || gateStatus);
}
