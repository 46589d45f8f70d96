// The main job: verify the guide against the site (the bundled mock unless GUIDE_BASE_URL is set), write the
// reports, and print a verdict per guide step. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { publishReports } from '../harness/publish-reports.ts';
import { TestControlClient } from '../mock-server/index.ts';

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

if (run(bin('bddgen'), ['test']) !== 0) process.exit(1);
const testStatus = run(bin('playwright'), ['test', ...process.argv.slice(2)]);
const allureStatus = publishReports();
process.exit(testStatus || allureStatus);
