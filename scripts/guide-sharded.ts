// `npm run guide:sharded -- <N> [selection]`: what the nightly workflow does on N machines, on this one: N shard
// processes, each writing a blob, then one merge into the same reports a single run writes, then the quality gate.
// The selection is `npm run guide`'s: `<file>[:line]`, `--tags <expr>`; other arguments go to `playwright test`.
// GUIDE_REPORTS_DIR writes the reports elsewhere than reports/ (harness/config/reports-dir.ts).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileSelection, countSelectedTests } from '../harness/config/feature-selection.ts';
import { publishReports } from '../harness/reporting/publish-reports.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { checkSiteAnswers, siteSetting } from '../site/setting.ts';

const [shardArg, ...selection] = process.argv.slice(2);
const shards = Number(shardArg ?? 2);
if (!Number.isInteger(shards) || shards < 1) {
  console.error(`Give the number of shards as a whole number, e.g. "npm run guide:sharded -- 2" (got "${shardArg}").`);
  process.exit(2);
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const runSync = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (runSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']) !== 0) process.exit(1);
try {
  await checkSiteAnswers(siteSetting());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const paths = reportPaths();
const blobs = paths.blobs;
for (const path of [paths.allureResults, blobs, paths.playwrightJson]) {
  rmSync(path, { recursive: true, force: true });
}

const playwrightArgs = compileSelection(selection);

const runShard = (index: number) =>
  new Promise<number>((resolve) => {
    const child = spawn(
      bin('playwright'),
      // Each shard its own output folder: Playwright empties it when a run starts.
      ['test', `--shard=${index}/${shards}`, '--output', `${paths.testResults}/shard-${index}`, ...playwrightArgs],
      { stdio: 'inherit', env: { ...process.env, GUIDE_BLOB_DIR: `${blobs}/shard-${index}`, GUIDE_WORKERS: '1' } },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
// GUIDE_PARALLEL_SHARDS caps how many shards run at once (all of them by default), for a machine with few cores.
const atOnce = Math.max(1, Math.min(shards, Number(process.env.GUIDE_PARALLEL_SHARDS) || shards));
const statuses: number[] = [];
let next = 1;
await Promise.all(
  Array.from({ length: atOnce }, async () => {
    for (let index = next++; index <= shards; index = next++) statuses[index - 1] = await runShard(index);
  }),
);

const merged = `${blobs}/all`;
mkdirSync(merged, { recursive: true });
for (let index = 1; index <= shards; index++) {
  const dir = `${blobs}/shard-${index}`;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')))
    copyFileSync(join(dir, file), join(merged, `shard-${index}-${file}`));
}
const mergeStatus = runSync(bin('playwright'), ['merge-reports', '--config', 'merge.config.ts', merged]);
const allureStatus = await publishReports();
// A selection is held to the scenarios it selects; a whole run to every scenario written in the feature files.
const gateArgs = selection.length ? ['--expected', String(countSelectedTests(playwrightArgs))] : [];
const gateStatus = runSync(process.execPath, ['--import', 'tsx', 'scripts/quality-gate.ts', ...gateArgs]);
console.log(`\nShards: ${statuses.map((s, i) => `${i + 1}/${shards} ${s === 0 ? 'passed' : 'FAILED'}`).join(', ')}`);
process.exit(statuses.find((s) => s !== 0) ?? (mergeStatus || allureStatus || gateStatus));
