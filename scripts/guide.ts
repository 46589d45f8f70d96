// The main job: verify the guide against the site (the bundled mock unless GUIDE_BASE_URL is set), write the
// reports, and print a verdict per guide step. Selection as cucumber-js takes it: `<file>[:line]`, `--tags <expr>`;
// any other argument goes to `playwright test`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { publishReports } from '../harness/publish-reports.ts';
import { TestControlClient } from '../mock-server/index.ts';
import { splitGuideArgs, toGeneratedSpecs } from '../harness/feature-selection.ts';
import { readScenarios } from '../harness/features.ts';

const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (command: string, args: string[], quiet = false) =>
  spawnSync(command, args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit' }).status ?? 1;

if (run(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']) !== 0) process.exit(1);

// allure-playwright never clears its results: old ones would come back as retries.
rmSync('reports/allure-results', { recursive: true, force: true });
rmSync('reports/playwright-results.json', { force: true });

const givenSite = process.env.GUIDE_BASE_URL;
if (givenSite) {
  try {
    await new TestControlClient(givenSite).health();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const { tags, rest } = splitGuideArgs(process.argv.slice(2));
if (run(bin('bddgen'), ['test', ...(tags ? ['--tags', tags] : [])]) !== 0) process.exit(1);
let playwrightArgs: string[];
try {
  playwrightArgs = toGeneratedSpecs(rest, readScenarios());
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const testStatus = run(bin('playwright'), ['test', ...playwrightArgs]);
const allureStatus = publishReports();
process.exit(testStatus || allureStatus);
