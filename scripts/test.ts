// The one command that proves the repository green: static checks, unit tests, and every feature.
// It runs every suite even when one fails, and ends with the line CI reads: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { clearRunReports, publishReports } from '../harness/reporting/publish-reports.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  console.log(`\n▶ ${[command.replace('node_modules/.bin/', ''), ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
};
const readJson = <T>(path: string): T | undefined =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;

const paths = reportPaths();
const CLASSIC_REPORTS_DIR = `${paths.dir}/classic`;

/** A run's scenarios by the one rule of scenario-outcome.ts: a flaky scenario counts as failed, as the gate does. */
const featureTally = (suite: string, outcomes: ScenarioOutcome[]): Tally => {
  const counts = tally(outcomes);
  return {
    suite,
    passed: counts.passed,
    failed: counts.failed + counts.flaky,
    skipped: counts.skipped + counts['not run'],
  };
};

/** A check with no test count of its own counts as one test. */
const check = (suite: string, status: number): Tally => ({
  suite,
  passed: status === 0 ? 1 : 0,
  failed: status === 0 ? 0 : 1,
  skipped: 0,
});

const tallies: Tally[] = [];

if (run(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']) !== 0) process.exit(1);

tallies.push(check('type check (tsc, strict)', run(bin('tsc'), ['-p', '.'])));
tallies.push(check('lint (eslint)', run(bin('eslint'), ['.'])));
// action-validator checks one file per call.
const WORKFLOWS = ['.github/workflows/nightly.yml', '.github/workflows/bench.yml'];
tallies.push(
  check(
    'workflow lint (action-validator)',
    WORKFLOWS.map((workflow) => run(bin('action-validator'), [workflow])).find((status) => status !== 0) ?? 0,
  ),
);
tallies.push(check('format (prettier)', run(bin('prettier'), ['--check', '.', '--log-level', 'warn'])));

const UNIT_RESULTS = paths.unitResults;
rmSync(UNIT_RESULTS, { force: true });
const unitStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${UNIT_RESULTS}`,
]);
const unit = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(UNIT_RESULTS);
tallies.push(
  unit
    ? {
        suite: 'unit tests (vitest)',
        passed: unit.numPassedTests,
        failed: unit.numFailedTests,
        skipped: unit.numPendingTests + unit.numTodoTests,
      }
    : check('unit tests (vitest)', unitStatus || 1),
);

// Every feature is a full run: it writes every report of reports/ (the Allure report and the illustrated guide
// too), after clearing the earlier run's, so no page of two runs is read as one.
clearRunReports(paths);
const featureStatus = run(bin('bddgen'), ['test']) || run(bin('playwright'), ['test']);
const publishStatus = await publishReports({ paths });
tallies.push(check('reports (Allure, illustrated guide)', publishStatus));
const features = readPlaywrightOutcomes(paths.playwrightJson);
tallies.push(
  features
    ? featureTally('features (playwright-bdd)', features)
    : check('features (playwright-bdd)', featureStatus || 1),
);

// The same features under cucumber-js: scripts/parity.ts runs them and compares each scenario's result with the
// Playwright run's Cucumber JSON just written.
const parityStatus = run(process.execPath, ['--import', 'tsx', 'scripts/parity.ts']);
const cucumberJs = readCucumberOutcomes(paths.cucumberJsJson);
tallies.push(
  cucumberJs ? featureTally('features (cucumber-js)', cucumberJs) : check('features (cucumber-js)', parityStatus || 1),
);
tallies.push(check('runner parity', parityStatus));

// After the features, so its matrix shows their latest results.
tallies.push(check('guide coverage gate', run(process.execPath, ['--import', 'tsx', 'scripts/guide-coverage.ts'])));

// Every feature again against the classic rendition of the bundled mock (plain forms, its own paths, markup and
// words, site/profile.ts): the harness must pass on any site that follows the guide, not only on our mock.
const classicPaths = reportPaths(CLASSIC_REPORTS_DIR);
clearRunReports(classicPaths);
const classicStatus = run(bin('playwright'), ['test'], {
  MOCK_SITE: 'classic',
  GUIDE_REPORTS_DIR: CLASSIC_REPORTS_DIR,
});
const classic = readPlaywrightOutcomes(classicPaths.playwrightJson);
tallies.push(
  classic
    ? featureTally('features, classic rendition', classic)
    : check('features, classic rendition', classicStatus || 1),
);

console.log('\nSuites:');
for (const t of tallies)
  console.log(`  ${t.suite.padEnd(28)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const total = (key: 'passed' | 'failed' | 'skipped') => tallies.reduce((sum, t) => sum + t[key], 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(total('failed') > 0 ? 1 : 0);
