// The main job: verify every guide against the site (the bundled mock unless GUIDE_BASE_URL is set), write the
// reports, and print a verdict per guide step, guide by guide. Selection as cucumber-js takes it: `<file>[:line]`,
// `--tags <expr>`; `--guide <slug>` runs one guide's features (and the supporting ones tagged with its steps); any
// other argument goes to `playwright test`. A selection writes its reports to reports/selection/ (or
// GUIDE_REPORTS_DIR), so the last full run's stakeholder reports in reports/ stay as they were.
import { mkdirSync } from 'node:fs';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { GUIDE_HELP, wantsHelp } from '../harness/config/guide-help.ts';
import { displayProblem } from '../harness/config/display.ts';
import { readScenarios } from '../harness/guide/features.ts';
import { compileSelection, countFromFeatures, countSelectedTests } from '../harness/config/feature-selection.ts';
import { splitGuideOption } from '../harness/config/guide-selection.ts';
import { clearRunReports, reportPaths, setRunReportsAside } from '../harness/config/reports-dir.ts';
import { reportsDirFor, runKindOf, SELECTION_ENV, selectionSentence } from '../harness/config/run-kind.ts';
import { checkSiteAnswers, siteSetting } from '../site/setting.ts';
import { speedOptions } from '../harness/config/speed-options.ts';
import { bin, run as runCommand } from '../commands/processes.ts';
import { draftsOfRun, printDrafts } from '../harness/config/draft-run.ts';

if (wantsHelp(process.argv.slice(2))) {
  console.log(GUIDE_HELP);
  process.exit(0);
}
// A window asked for where none can open is one sentence, before any browser starts or any report is cleared.
const noDisplay = displayProblem(process.argv.slice(2));
if (noDisplay) {
  console.error(noDisplay);
  process.exit(2);
}
if (!ensureBrowser()) process.exit(1);

// A site that is down, an accounts file that cannot work, or a speed option that is not one, is one sentence
// before any browser starts (and before the last run's reports are cleared).
try {
  speedOptions();
  await checkSiteAnswers(siteSetting());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const args = process.argv.slice(2);
const run = runKindOf(args);
const paths = reportPaths(reportsDirFor(run));
// guide:init's drafts (@draft) are in no run: a run names them and their steps to define, and fails only when it
// was asked for a drafted guide (harness/guide/drafts.ts).
const drafts = draftsOfRun(args);
if (drafts.onlyDrafts) {
  const typed = run.kind === 'selection' ? run.typed : '';
  const selection = `A selection: 0 of ${readScenarios().length} scenarios (${typed}): its guide's features are drafts`;
  clearRunReports(paths);
  // Allure's generator refuses a results folder that is not there; an empty one gives an empty report.
  mkdirSync(paths.allureResults, { recursive: true });
  const { slugs } = splitGuideOption(args);
  const { publishReports } = await import('../harness/reporting/publish-reports.ts');
  await publishReports({ paths, selection, guides: slugs });
  printDrafts(drafts);
  process.exit(1);
}
const playwrightArgs = compileSelection(args);
let selection: string | undefined;
if (run.kind === 'selection') {
  const scenarios = readScenarios();
  const selected = countFromFeatures(args, scenarios) ?? countSelectedTests(playwrightArgs);
  if (selected === 0) {
    console.error(`The selection ${run.typed} matches no scenario: nothing was run and no report was written.`);
    process.exit(2);
  }
  selection = selectionSentence({ typed: run.typed, selected, total: scenarios.length });
  console.log(`${selection}; its reports go to ${paths.dir}/, the last full run's stay in place.`);
}

// allure-playwright never clears its results (old ones would come back as retries), and no report of an earlier
// run may be left beside this run's: the last run's are set aside, and come back if this one gives no results.
const lastRun = setRunReportsAside(paths);
const testing = runCommand(bin('playwright'), ['test', ...playwrightArgs], {
  // playwright.config.ts and its reporters read where to write, and the selection's sentence, from these.
  // The compact terminal unless asked for Playwright's own (GUIDE_TERMINAL=full): harness/config/reporters.ts.
  env: {
    GUIDE_REPORTS_DIR: paths.dir,
    [SELECTION_ENV]: selection ?? '',
    GUIDE_TERMINAL: process.env.GUIDE_TERMINAL ?? 'compact',
  },
});
// Loaded while Playwright runs, not before it starts: the first verdict does not wait for the report writers.
const { publishedStatus, publishReports } = await import('../harness/reporting/publish-reports.ts');
const { exitCode: testStatus } = await testing;
const { readPlaywrightOutcomes } = await import('../harness/reporting/results.ts');
const results = readPlaywrightOutcomes(paths.playwrightJson)?.filter((o) => o.status !== 'not run') ?? [];
if (results.length === 0) {
  lastRun.restore();
  console.error(
    `The run gave no results (exit ${testStatus}): the last run's reports in ${paths.dir}/ are as they were.`,
  );
  process.exit(testStatus || 1);
}
lastRun.discard();
const { slugs } = splitGuideOption(args);
const published = await publishReports({ paths, selection, guides: slugs.length ? slugs : undefined });
printDrafts(drafts);
// The run fails when the guide drifted (a scenario failed), or when the site's findings fail it as its profile says.
process.exit(testStatus || publishedStatus(published) || (drafts.named ? 1 : 0));
