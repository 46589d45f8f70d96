// The browser and run settings every runner and script shares: playwright.config.ts, merge.config.ts, the cucumber-js
// world and hooks, and the benchmark's floor spread these, so a check meets the same browser under each of them.
import type { Browser, BrowserContext, LaunchOptions } from 'playwright';
import { CHROMIUM_ARGS, type BrowserChoice } from './browser.ts';
import { NOT_A_DRAFT } from '../guide/draft-tag.ts';

/** The window every device of a scenario has; "the right-upper corner" is measured in it. */
export const VIEWPORT = { width: 1280, height: 720 };

export const TIMEOUTS = {
  /** A whole Playwright scenario. */
  scenarioMs: 60_000,
  /** One cucumber-js step: it may wait on the site's password hashing and on retrying assertions. */
  cucumberStepMs: 30_000,
  /** A retrying assertion. */
  expectMs: 5_000,
  /** A click, a fill, a wait for an element. */
  actionMs: 10_000,
  /** A page load. */
  navigationMs: 15_000,
} as const;

/** playwright-bdd's config: the test config generates from it, and merge-reports must declare the same. */
export const BDD_CONFIG = {
  features: 'features/**/*.feature',
  // guide:init's drafts have steps with no definition yet: no run generates them (harness/guide/drafts.ts).
  tags: NOT_A_DRAFT,
  steps: ['steps/fixtures.ts', 'steps/**/*.steps.ts'],
  outputDir: '.features-gen',
};

export function launchOptions(browser: BrowserChoice): LaunchOptions {
  return { executablePath: browser.executablePath, args: CHROMIUM_ARGS };
}

/** Playwright Test's `use` for the browser, its window and its waits. */
export function browserUse(browser: BrowserChoice) {
  return {
    viewport: VIEWPORT,
    actionTimeout: TIMEOUTS.actionMs,
    navigationTimeout: TIMEOUTS.navigationMs,
    launchOptions: launchOptions(browser),
  };
}

/** A new device (browser context) with the same window and waits as Playwright Test gives its own page. */
export async function newDeviceContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL });
  context.setDefaultTimeout(TIMEOUTS.actionMs);
  context.setDefaultNavigationTimeout(TIMEOUTS.navigationMs);
  return context;
}
