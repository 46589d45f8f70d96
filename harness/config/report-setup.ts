import { spawnSync } from 'node:child_process';
import { describeSite, siteSetting } from '../../site/setting.ts';
import { browserVersion, type BrowserChoice } from './browser.ts';

/** What a stakeholder needs to know about the run, shown on Allure's environment panel. */
export function runEnvironment(browser: BrowserChoice): Record<string, string> {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout?.trim();
  return {
    ...describeSite(siteSetting()),
    Browser: `${browserVersion(browser)} (${browser.source === 'playwright' ? "Playwright's own" : browser.executablePath})`,
    Commit: commit || 'unknown',
    Node: process.version,
  };
}
