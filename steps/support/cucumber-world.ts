import { randomUUID } from 'node:crypto';
import { type IWorldOptions } from '@cucumber/cucumber';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '../../harness/browser.ts';
import { OUTCOME_ATTACHMENT, OUTCOME_MEDIA_TYPE, outcomeBody } from '../../harness/outcome.ts';
import { ACCESSIBILITY_ATTACHMENT, ACCESSIBILITY_MEDIA_TYPE, accessibilityBody } from '../../harness/accessibility.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { openSiteUnderTest, type SiteUnderTest } from '../../site/open.ts';
import { skipper } from './skipping.ts';
import { ScenarioWorld } from './world.ts';

interface Run {
  browser: Browser;
  site: SiteUnderTest;
}

// cucumber-js builds worlds after BeforeAll and gives them only a structured clone of its world parameters, which
// cannot carry a browser: the run's browser and site have to live in this module, started and stopped by the hooks.
let run: Run | undefined;

/** One browser and one site per cucumber-js run, as Playwright has one per worker. */
export async function startRun(): Promise<void> {
  const site = await openSiteUnderTest();
  const { executablePath } = requireChromium();
  run = { site, browser: await chromium.launch({ executablePath, args: CHROMIUM_ARGS }) };
}

export async function stopRun(): Promise<void> {
  await run?.browser.close();
  await run?.site.close();
  run = undefined;
}

/** The same settings playwright.config.ts gives every Playwright context. */
export const CONTEXT_SETTINGS = { viewport: { width: 1280, height: 720 } };
const ACTION_TIMEOUT_MS = 10_000;
const NAVIGATION_TIMEOUT_MS = 15_000;

/**
 * The world cucumber-js builds for each scenario: the same ScenarioWorld the Playwright fixtures build, with every
 * device a new context of the run's browser and screenshots attached through cucumber's own `attach`.
 */
export class CucumberWorld extends ScenarioWorld {
  readonly #contexts: BrowserContext[] = [];
  readonly #log: IWorldOptions['log'];

  constructor({ attach, log }: IWorldOptions) {
    // A dry run builds worlds but runs no hooks, so there may be no run: nothing is opened until a step needs it.
    const siteUrl = run?.site.url ?? 'http://site-not-started.invalid';
    const contexts: BrowserContext[] = [];
    // cucumber-js sets these in each worker of a --parallel run; otherwise one scenario runs at a time.
    const slot = {
      slot: Number(process.env.CUCUMBER_WORKER_ID ?? 0),
      slots: Number(process.env.CUCUMBER_TOTAL_WORKERS ?? 1),
    };
    super({
      control: run?.site.controlFor({ ...slot, skip: skipper() }) ?? new TestControlClient(siteUrl),
      scenarioKey: `cucumber-${randomUUID().slice(0, 8)}-${Date.now().toString(36)}`,
      // cucumber-js's attach of a buffer or string is synchronous; the world's interface allows either.
      attachScreenshot: (name, png) => {
        attach(png, { mediaType: 'image/png', fileName: `${name}.png` });
        return Promise.resolve();
      },
      attachOutcome: (record) => {
        attach(outcomeBody(record), { mediaType: OUTCOME_MEDIA_TYPE, fileName: `${OUTCOME_ATTACHMENT}.json` });
        return Promise.resolve();
      },
      attachAccessibility: (record) => {
        // Its own media type: Cucumber JSON keeps no attachment names, and its reader takes JSON as outcome records.
        attach(accessibilityBody(record), {
          mediaType: ACCESSIBILITY_MEDIA_TYPE,
          fileName: `${ACCESSIBILITY_ATTACHMENT}.json`,
        });
        return Promise.resolve();
      },
      openDevicePage: async (): Promise<Page> => {
        if (!run) throw new Error('No browser: the cucumber-js hooks (steps/support/cucumber-hooks.ts) start it.');
        const context = await run.browser.newContext({ ...CONTEXT_SETTINGS, baseURL: siteUrl });
        context.setDefaultTimeout(ACTION_TIMEOUT_MS);
        context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
        contexts.push(context);
        return context.newPage();
      },
    });
    this.#contexts = contexts;
    this.#log = log;
  }

  /** cucumber-js has no reason on a skipped step: the reason goes in the scenario's log, which its reports show. */
  noteSkipped(reason: string): void {
    this.#log(`Skipped: ${reason}`);
  }

  /** Deletes the scenario's account, then closes every device. */
  async tearDown(): Promise<void> {
    await this.cleanUp();
    await Promise.all(this.#contexts.map((context) => context.close()));
  }
}
