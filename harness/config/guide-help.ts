/**
 * `npm run guide -- --help`: the harness's own help. It runs nothing and touches no report: a request for help is not a
 * run (playwright's own `--help` would have been passed through, after the last run's reports were cleared).
 */
export function wantsHelp(args: readonly string[]): boolean {
  return args.some((arg) => arg === '--help' || arg === '-h');
}

export const GUIDE_HELP = `npm run guide [-- <selection>] [-- <playwright test options>]

Verifies every guide against the site (the bundled mock unless GUIDE_BASE_URL is set), writes the reports, and prints
a verdict per guide step, then the site's findings and the run's two answers.

Selections (as cucumber-js takes them); a selection writes its reports to reports/selection/, the last full run's stay:
  features/<slug>/<file>.feature[:<line>]   one feature file, or the scenario (or example row) at that line
  --tags "<expression>"                     a tag expression: --tags "@sign-in and not @guide:sign-in.4"
  --guide <slug>                            one guide's features, and the supporting ones tagged with its steps
  --grep <text>                             scenarios whose name has the text (playwright test's own)
Any other option goes to playwright test (--headed, --workers 1, --debug, …); --headed, --debug and --ui need a
display (on Linux, DISPLAY or WAYLAND_DISPLAY; else run under xvfb-run). A feature file that is not there is named,
with the closest ones, before anything runs.

Settings (environment variables; README.md, "Settings", says more):
  GUIDE_BASE_URL        verify another deployment instead of the bundled mock
  GUIDE_ACCOUNTS_FILE   with GUIDE_BASE_URL: accounts made beforehand, for a site without the test-control API
  GUIDE_SITE_PROFILE    what the site says where the guide is silent, which findings fail the run, its pictures
  GUIDE_WORKERS         parallel workers (default 2)
  GUIDE_EVIDENCE, GUIDE_TRACES, GUIDE_A11Y   how much evidence a run keeps (docs/benchmark.md)
  GUIDE_EVIDENCE_RUNS   how many failed scenarios run once more with a trace (default 10)
  GUIDE_REPORTS_DIR     write this run's reports somewhere other than reports/
  MOCK_SITE, MOCK_DRIFT the bundled mock's rendition (classic), or one of its drift variants
  CHROMIUM_PATH         the Chromium binary to use

Reports (under reports/, or reports/selection/ for a selection):
  guide/index.html          the illustrated guides: each sentence with today's verdict and picture
  allure-report/index.html  for stakeholders
  playwright-html/          for QA, with the trace of every failed scenario (from its evidence run)
  cucumber/                 Cucumber HTML, JSON and JUnit XML, for tools

Exit status: 0 when the guide holds and no site finding fails the run (as the site profile says), 1 otherwise.`;
