// `npm run guide:sharding-check [-- <selection>]`: proves that `npm run guide:sharded -- 2` reports what a single
// run reports: the same scenarios with the same outcomes, in Playwright's JSON and in the Cucumber JSON. It runs the
// selection (by default features/strengthening-account-security/choose-profile.feature, 6 scenarios) once as `npm run guide` and once as
// `npm run guide:sharded -- 2`, each into its own folder under reports/sharding-check/ (GUIDE_REPORTS_DIR), so it
// overwrites no other run's reports. Minutes, not seconds: it is not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { compareOutcomes, scenarioKey, tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';

const OUT = `${reportPaths().dir}/sharding-check`;
const SHARDS = '2';
const selection = process.argv.slice(2);
if (selection.length === 0) selection.push('features/strengthening-account-security/choose-profile.feature');

interface Run {
  name: string;
  script: string;
  args: string[];
}
const runs: Run[] = [
  { name: 'single run', script: 'scripts/guide.ts', args: selection },
  { name: `${SHARDS} shards`, script: 'scripts/guide-sharded.ts', args: [SHARDS, ...selection] },
];

rmSync(OUT, { recursive: true, force: true });
const outcomes = runs.map(({ name, script, args }, index) => {
  const dir = `${OUT}/${index === 0 ? 'single' : 'sharded'}`;
  console.log(`\n▶ ${name}: ${['node', script, ...args].join(' ')}  (reports in ${dir}/)`);
  const started = Date.now();
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // One worker, as each shard has: the check compares outcomes, not speed.
    env: { ...process.env, GUIDE_REPORTS_DIR: dir, GUIDE_WORKERS: '1' },
  });
  console.log(`  ${name} finished with exit status ${status} in ${Math.round((Date.now() - started) / 1000)} s`);
  return {
    name,
    playwright: readPlaywrightOutcomes(reportPaths(dir).playwrightJson) ?? [],
    cucumber: readCucumberOutcomes(reportPaths(dir).cucumberJson) ?? [],
  };
});

const [single, sharded] = outcomes as [(typeof outcomes)[0], (typeof outcomes)[0]];
const problems = [
  ...outcomes.flatMap((o) => (o.playwright.length ? [] : [`the ${o.name} reported no scenario`])),
  ...compareOutcomes([single.name, single.playwright], [sharded.name, sharded.playwright]).map(
    (p) => `Playwright JSON: ${p}`,
  ),
  ...compareOutcomes([single.name, single.cucumber], [sharded.name, sharded.cucumber]).map(
    (p) => `Cucumber JSON: ${p}`,
  ),
];

const summary = (list: ScenarioOutcome[]) =>
  Object.entries(tally(list))
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ') || 'nothing';
console.log('\nScenario outcomes, single run vs. sharded:');
for (const o of single.playwright) {
  const other = sharded.playwright.find((s) => scenarioKey(s) === scenarioKey(o))?.status ?? 'missing';
  console.log(`  ${o.status === other ? '=' : '≠'} ${o.status.padEnd(8)} ${other.padEnd(8)} ${scenarioKey(o)}`);
}
console.log(`Single run: ${summary(single.playwright)}; ${SHARDS} shards: ${summary(sharded.playwright)}.`);
if (problems.length) {
  console.error(`Sharding check FAILED: ${problems.length} difference(s).`);
  for (const problem of problems) console.error(`  ✘ ${problem}`);
  process.exit(1);
}
console.log('Sharding check passed: the sharded run reports the same scenarios with the same outcomes.');
