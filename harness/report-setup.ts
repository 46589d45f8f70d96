import { spawnSync } from 'node:child_process';
import { browserVersion, type BrowserChoice } from './browser.ts';

/** What a stakeholder needs to know about the run, shown on Allure's environment panel. */
export function runEnvironment(browser: BrowserChoice): Record<string, string> {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
  return {
    'Site under test': process.env.GUIDE_BASE_URL ?? 'bundled mock (one per worker, on loopback)',
    'Mock variant': process.env.GUIDE_BASE_URL ? 'n/a' : (process.env.MOCK_DRIFT ?? 'clean'),
    Accounts: process.env.GUIDE_ACCOUNTS_FILE
      ? `pre-made, from ${process.env.GUIDE_ACCOUNTS_FILE} (scenarios needing the test-control API are skipped)`
      : 'one per scenario, through the test-control API',
    Browser: `${browserVersion(browser)} (${browser.source === 'playwright' ? "Playwright's own" : browser.executablePath})`,
    Commit: commit || 'unknown',
    Node: process.version,
  };
}

const ANY = '[\\s\\S]*';

/** How Allure sorts failures, first match wins: what a failure means for the guide, in a stakeholder's words. */
export const FAILURE_CATEGORIES = [
  { name: 'Flaky (passed on retry)', matchedStatuses: ['passed', 'failed', 'broken'], flaky: true },
  {
    name: 'Site defect (error page or 5xx)',
    matchedStatuses: ['failed', 'broken'],
    messageRegex: `${ANY}(Something went wrong on our side|\\b5\\d\\d\\b|net::ERR_|Page not found)${ANY}`,
  },
  {
    name: 'Guide drift (the site no longer matches a documented step)',
    matchedStatuses: ['failed', 'broken'],
    messageRegex: `${ANY}Guide step ${ANY}`,
  },
  { name: 'Harness error (set-up, timeout or a defect in our own code)', matchedStatuses: ['failed', 'broken'] },
];
