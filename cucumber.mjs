// cucumber-js over the same features and step files as playwright-bdd. Run it with `npm run cucumber -- <args>`,
// which loads TypeScript through tsx (NODE_OPTIONS): the `loader` option here does not work with tsx.
import { rmSync } from 'node:fs';
import { cucumberSelectionProblem } from './harness/config/cucumber-selection.ts';
import { readScenarios } from './harness/guide/features.ts';
import { NOT_A_DRAFT } from './harness/guide/draft-tag.ts';

process.env.GUIDE_RUNNER = 'cucumber';

// Before any report file is opened: a selection that matches nothing, or a tag expression that is not one, is one
// sentence and a failure, not "0 scenarios" and success.
const problem = cucumberSelectionProblem(process.argv.slice(2), readScenarios());
if (problem) {
  console.error(problem);
  process.exit(2);
}
// GUIDE_REPORTS_DIR: see harness/config/reports-dir.ts (reportPaths().cucumberJsJson).
const reports = `${(process.env.GUIDE_REPORTS_DIR || 'reports').replace(/\/$/, '')}/cucumber-js`;
// The screenshots the reports link to (steps/support/cucumber-world.ts): this run's only. cucumber-js reads this file
// more than once in a run (and its workers inherit the environment): only the first reading clears.
if (!process.env.GUIDE_CUCUMBER_EVIDENCE_CLEARED) {
  rmSync(`${reports}/evidence`, { recursive: true, force: true });
  process.env.GUIDE_CUCUMBER_EVIDENCE_CLEARED = '1';
}

export default {
  // No `paths`: cucumber-js's default is features/, and paths given here would be added to those on the command line.
  import: ['steps/**/*.steps.ts', 'steps/support/cucumber-hooks.ts'],
  // guide:init's drafts (harness/guide/drafts.ts) are in no run; cucumber-js joins a --tags of the command line to this.
  tags: NOT_A_DRAFT,
  format: [`html:${reports}/report.html`, `json:${reports}/report.json`, `junit:${reports}/report.xml`],
  // tsx's compiler service would otherwise keep the process alive after the run.
  forceExit: true,
  formatOptions: { snippetInterface: 'async-await', junit: { suiteName: 'Guide verification (cucumber-js)' } },
};
