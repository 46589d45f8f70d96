// The main job: verify the guide against the site (the bundled mock unless GUIDE_BASE_URL is set), write the
// reports, and print a verdict per guide step. Selection as cucumber-js takes it: `<file>[:line]`, `--tags <expr>`;
// any other argument goes to `playwright test`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureBrowser } from '../harness/ensure-browser.ts';
import { publishReports } from '../harness/publish-reports.ts';
import { compileSelection } from '../harness/feature-selection.ts';
import { reportPaths } from '../harness/reports-dir.ts';
import { checkSiteAnswers, siteSetting } from '../harness/site-under-test.ts';
import { speedOptions } from '../harness/speed-options.ts';

const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (command: string, args: string[], quiet = false) =>
  spawnSync(command, args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit' }).status ?? 1;

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

// allure-playwright never clears its results: old ones would come back as retries.
rmSync(reportPaths().allureResults, { recursive: true, force: true });
rmSync(reportPaths().playwrightJson, { force: true });

const playwrightArgs = compileSelection(process.argv.slice(2));
const testStatus = run(bin('playwright'), ['test', ...playwrightArgs]);
const allureStatus = publishReports();
process.exit(testStatus || allureStatus);
