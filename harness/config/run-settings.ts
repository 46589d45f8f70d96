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

/**
 * The timeouts of a run whose site may take `slowestAnswerSeconds` for one answer (site/profile.ts), against the
 * default of `defaultSeconds`: every ceiling above is stretched alike, never shortened, since a scenario, a step,
 * an action and a page load each wait on the site's answers.
 */
export type RunTimeouts = Record<keyof typeof TIMEOUTS, number>;

export function timeoutsFor(slowestAnswerSeconds: number, defaultSeconds: number): RunTimeouts {
  const stretch = Math.max(1, slowestAnswerSeconds / defaultSeconds);
  const stretched = Object.entries(TIMEOUTS).map(([name, ms]) => [name, Math.round(ms * stretch)]);
  return Object.fromEntries(stretched) as RunTimeouts;
}

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
export function browserUse(browser: BrowserChoice, timeouts: RunTimeouts = TIMEOUTS) {
  return {
    viewport: VIEWPORT,
    actionTimeout: timeouts.actionMs,
    navigationTimeout: timeouts.navigationMs,
    launchOptions: launchOptions(browser),
  };
}

/** A new device (browser context) with the same window and waits as Playwright Test gives its own page. */
export async function newDeviceContext(
  browser: Browser,
  baseURL: string,
  timeouts: RunTimeouts = TIMEOUTS,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL });
  context.setDefaultTimeout(timeouts.actionMs);
  context.setDefaultNavigationTimeout(timeouts.navigationMs);
  return context;
}

/**
 * How many failed scenarios of one run (one shard) are run once more with a trace, their evidence runs
 * (harness/reporting/evidence-budget.ts): a run where most scenarios fail (a site that changed a lot) would otherwise
 * run them all twice. The first failures get one; the others keep their screenshot, and the reports say why they
 * have no trace. GUIDE_EVIDENCE_RUNS sets another cap for one run; 0 runs none.
 */
export const EVIDENCE_RUN_CAP = 10;

export function evidenceRunCap(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.GUIDE_EVIDENCE_RUNS;
  if (value === undefined || value === '') return EVIDENCE_RUN_CAP;
  const cap = Number(value);
  if (!Number.isInteger(cap) || cap < 0) {
    throw new Error(`GUIDE_EVIDENCE_RUNS=${value} is not a whole number of evidence runs (0 or more).`);
  }
  return cap;
}
