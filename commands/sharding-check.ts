// `npm run guide:sharding-check [-- <selection>]`: proves that `npm run guide:sharded -- 2` reports what a single
// run reports: the same scenarios with the same outcomes, in Playwright's JSON and in the Cucumber JSON. It runs the
// selection (by default features/strengthening-account-security/choose-profile.feature) once each way, each into its own folder under
// reports/sharding-check/ (GUIDE_REPORTS_DIR), so it overwrites no other run's reports.
import { rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { compareOutcomes, scenarioKey, tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import { run, tsx } from './processes.ts';

const SHARDS = '2';

export interface RunReports {
  name: string;
  playwright: ScenarioOutcome[];
  cucumber: ScenarioOutcome[];
}

/** Where the sharded run's reports differ from the single run's; empty when they agree. */
export function shardingProblems(single: RunReports, sharded: RunReports): string[] {
  return [
    ...[single, sharded].flatMap((o) => (o.playwright.length ? [] : [`the ${o.name} reported no scenario`])),
    ...compareOutcomes([single.name, single.playwright], [sharded.name, sharded.playwright]).map(
      (p) => `Playwright JSON: ${p}`,
    ),
    ...compareOutcomes([single.name, single.cucumber], [sharded.name, sharded.cucumber]).map(
      (p) => `Cucumber JSON: ${p}`,
    ),
  ];
}

/** The two runs side by side, a line per scenario of the single run. */
export function shardingTable(single: RunReports, sharded: RunReports): string[] {
  const summary = (list: ScenarioOutcome[]) =>
    Object.entries(tally(list))
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ') || 'nothing';
  return [
    'Scenario outcomes, single run vs. sharded:',
    ...single.playwright.map((o) => {
      const other = sharded.playwright.find((s) => scenarioKey(s) === scenarioKey(o))?.status ?? 'missing';
      return `  ${o.status === other ? '=' : '≠'} ${o.status.padEnd(8)} ${other.padEnd(8)} ${scenarioKey(o)}`;
    }),
    `Single run: ${summary(single.playwright)}; ${SHARDS} shards: ${summary(sharded.playwright)}.`,
  ];
}

export async function shardingCheck(argv: string[]): Promise<number> {
  const out = `${reportPaths().dir}/sharding-check`;
  const selection = argv.length ? argv : ['features/strengthening-account-security/choose-profile.feature'];
  const runs = [
    { name: 'single run', dir: `${out}/single`, script: 'scripts/guide.ts', args: selection },
    {
      name: `${SHARDS} shards`,
      dir: `${out}/sharded`,
      script: 'scripts/guide-sharded.ts',
      args: [SHARDS, ...selection],
    },
  ];
  rmSync(out, { recursive: true, force: true });
  const reports: RunReports[] = [];
  for (const { name, dir, script, args } of runs) {
    console.log(`\n▶ ${name}: ${['node', script, ...args].join(' ')}  (reports in ${dir}/)`);
    // One worker, as each shard has: the check compares outcomes, not speed.
    const finished = await run(...tsx(script, ...args), { env: { GUIDE_REPORTS_DIR: dir, GUIDE_WORKERS: '1' } });
    console.log(`  ${name} finished with exit status ${finished.exitCode} in ${Math.round(finished.seconds)} s`);
    const paths = reportPaths(dir);
    reports.push({
      name,
      playwright: readPlaywrightOutcomes(paths.playwrightJson) ?? [],
      cucumber: readCucumberOutcomes(paths.cucumberJson) ?? [],
    });
  }
  const [single, sharded] = reports as [RunReports, RunReports];
  console.log(`\n${shardingTable(single, sharded).join('\n')}`);
  const problems = shardingProblems(single, sharded);
  if (problems.length) {
    console.error(`Sharding check FAILED: ${problems.length} difference(s).`);
    for (const problem of problems) console.error(`  ✘ ${problem}`);
    return 1;
  }
  console.log('Sharding check passed: the sharded run reports the same scenarios with the same outcomes.');
  return 0;
}
