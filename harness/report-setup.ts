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
