// `npm test`: static checks, unit and integration tests, and every feature under both runners and every rendition.
// It runs every suite even when one fails, and ends with the line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { publishReports } from '../harness/reporting/publish-reports.ts';
import { clearRunReports, reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import type { ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import { bin, status, tsx } from './processes.ts';
import { check, featureTally, summarize, vitestTallies, type Tally, type VitestReport } from './suite-tally.ts';

const WORKFLOWS = ['.github/workflows/nightly.yml', '.github/workflows/bench.yml'];

const readJson = <T>(path: string): T | undefined =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;

/** A feature run's tally from its report, or one failure when it wrote none. */
const features = (suite: string, outcomes: ScenarioOutcome[] | undefined, exitStatus: number): Tally =>
  outcomes ? featureTally(suite, outcomes) : check(suite, exitStatus || 1);

export async function testCommand(): Promise<number> {
  if (!ensureBrowser()) return 1;
  const paths = reportPaths();
  const tallies: Tally[] = [];

  tallies.push(check('type check (tsc, strict)', await status(bin('tsc'), ['-p', '.'])));
  tallies.push(check('lint (eslint)', await status(bin('eslint'), ['.'])));
  let workflowStatus = 0;
  // action-validator checks one file per call.
  for (const workflow of WORKFLOWS) workflowStatus ||= await status(bin('action-validator'), [workflow]);
  tallies.push(check('workflow lint (action-validator)', workflowStatus));
  tallies.push(check('format (prettier)', await status(bin('prettier'), ['--check', '.', '--log-level', 'warn'])));

  rmSync(paths.unitResults, { force: true });
  const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${paths.unitResults}`];
  const vitestStatus = await status(bin('vitest'), vitestArgs);
  tallies.push(...vitestTallies(readJson<VitestReport>(paths.unitResults), vitestStatus));

  // Every feature is a full run: it writes every report of reports/ (the Allure report and the illustrated guide
  // too), after clearing the earlier run's, so no page of two runs is read as one.
  clearRunReports(paths);
  const featureStatus = (await status(bin('bddgen'), ['test'])) || (await status(bin('playwright'), ['test']));
  tallies.push(check('reports (Allure, illustrated guide)', await publishReports({ paths })));
  const playwright = readPlaywrightOutcomes(paths.playwrightJson);
  tallies.push(features('features (playwright-bdd)', playwright, featureStatus));

  // The same features under cucumber-js, compared scenario by scenario with the Playwright run just written.
  const parityStatus = await status(...tsx('scripts/parity.ts'));
  tallies.push(features('features (cucumber-js)', readCucumberOutcomes(paths.cucumberJsJson), parityStatus));
  tallies.push(check('runner parity', parityStatus));

  // After the features, so its matrix shows their latest results.
  tallies.push(check('guide coverage gate', await status(...tsx('scripts/guide-coverage.ts'))));

  // Every feature again against the other renditions of the bundled mock: classic (plain forms, its own paths, markup
  // and words) and components (the same written with web components: a shadow root, a <details> menu). The harness
  // must pass on any site that follows the guide, not only on our mock.
  for (const rendition of ['classic', 'components'] as const) {
    const dir = `${paths.dir}/${rendition}`;
    const renditionPaths = reportPaths(dir);
    clearRunReports(renditionPaths);
    const renditionStatus = await status(bin('playwright'), ['test'], {
      env: { MOCK_SITE: rendition, GUIDE_REPORTS_DIR: dir },
    });
    const outcomes = readPlaywrightOutcomes(renditionPaths.playwrightJson);
    tallies.push(features(`features, ${rendition} rendition`, outcomes, renditionStatus));
  }

  const { lines, exitCode } = summarize(tallies);
  console.log(`\n${lines.join('\n')}`);
  return exitCode;
}
