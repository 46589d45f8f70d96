// `npm test`: static checks, unit and integration tests, and every feature under both runners and every rendition.
// It runs every suite even when one fails, and ends with the line CI reads: "N passed, N failed, N skipped".
import { SITE_RENDITIONS } from '../mock-server/index.ts';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readCucumberOutcomes } from '../harness/reporting/cucumber-json.ts';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { publishedStatus, publishReports } from '../harness/reporting/publish-reports.ts';
import { clearRunReports, reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { compareRunners, runCucumber } from './parity.ts';
import { bin, status, tsx } from './processes.ts';
import { check, featureRunTally, summarize, vitestTallies, type Tally, type VitestReport } from './suite-tally.ts';

const WORKFLOWS = ['.github/workflows/nightly.yml', '.github/workflows/bench.yml', '.github/workflows/mutation.yml'];

const readJson = <T>(path: string): T | undefined =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;

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
  tallies.push(check('reports (Allure, illustrated guide)', publishedStatus(await publishReports({ paths }))));
  const playwright = readPlaywrightOutcomes(paths.playwrightJson);
  tallies.push(featureRunTally('features (playwright-bdd)', playwright, featureStatus));

  // The same features under cucumber-js, compared scenario by scenario with the Playwright run just written.
  // cucumber-js's own exit status is held against its tally; the comparison is a check of its own.
  const cucumberStatus = await runCucumber();
  tallies.push(featureRunTally('features (cucumber-js)', readCucumberOutcomes(paths.cucumberJsJson), cucumberStatus));
  tallies.push(check('runner parity', compareRunners(cucumberStatus)));

  // After the features, so its matrix shows their latest results.
  tallies.push(check('guide coverage gate', await status(...tsx('scripts/guide-coverage.ts'))));

  // Every feature again against the other renditions of the bundled mock: classic (plain forms, its own paths, markup
  // and words) and components (the same written with web components: a shadow root, a <details> menu). The harness
  // must pass on any site that follows the guide, not only on our mock.
  for (const rendition of SITE_RENDITIONS.filter((r) => r !== SITE_RENDITIONS[0])) {
    const dir = `${paths.dir}/${rendition}`;
    const renditionPaths = reportPaths(dir);
    clearRunReports(renditionPaths);
    const renditionStatus = await status(bin('playwright'), ['test'], {
      env: { MOCK_SITE: rendition, GUIDE_REPORTS_DIR: dir },
    });
    const outcomes = readPlaywrightOutcomes(renditionPaths.playwrightJson);
    tallies.push(featureRunTally(`features, ${rendition} rendition`, outcomes, renditionStatus));
  }

  const { lines, exitCode } = summarize(tallies);
  console.log(`\n${lines.join('\n')}`);
  return exitCode;
}
