import { FINDING_ATTACHMENT, FINDING_MEDIA_TYPE, findingBody } from '../../harness/scenario/finding.ts';
import { NOTE_ATTACHMENT, NOTE_MEDIA_TYPE, noteBody } from '../../harness/scenario/note.ts';
import { STEPS_HELD_ATTACHMENT, STEPS_HELD_MEDIA_TYPE, stepsHeldBody } from '../../harness/scenario/steps-held.ts';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type IWorldOptions } from '@cucumber/cucumber';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { requireChromium } from '../../harness/config/browser.ts';
import { launchOptions, newDeviceContext, timeoutsFor } from '../../harness/config/run-settings.ts';
import { DEFAULT_SLOWEST_ANSWER_SECONDS, siteProfile, slowestAnswerSeconds } from '../../site/profile.ts';
import { reportPaths } from '../../harness/config/reports-dir.ts';
import { OUTCOME_ATTACHMENT, OUTCOME_MEDIA_TYPE, outcomeBody } from '../../harness/scenario/outcome.ts';
import {
  ACCESSIBILITY_ATTACHMENT,
  ACCESSIBILITY_MEDIA_TYPE,
  accessibilityBody,
} from '../../harness/scenario/accessibility.ts';
import {
  LOOK_DIFF_PREFIX,
  LOOK_MEDIA_TYPE,
  LOOK_PICTURE_PREFIX,
  lookBody,
} from '../../harness/reporting/guide-looks.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { openSiteUnderTest, type SiteUnderTest } from '../../site/open.ts';
import { PICTURE_FORMAT, type StepPictures } from '../../harness/scenario/step-pictures.ts';
import { stepPicturesOfWorker } from './guide-step.ts';
import { skipper } from './skipping.ts';
import { ScenarioWorld } from './world.ts';

/** The run's ceilings, stretched for a site allowed to be slow, as playwright.config.ts stretches Playwright's. */
export function cucumberTimeouts() {
  return timeoutsFor(slowestAnswerSeconds(siteProfile()), DEFAULT_SLOWEST_ANSWER_SECONDS);
}

/** One browser and one site per cucumber-js run, as Playwright has one per worker. */
export interface Run {
  browser: Browser;
  site: SiteUnderTest;
  /** The guide steps the run has pictured already (harness/scenario/step-pictures.ts). */
  pictures: StepPictures;
}

export async function startRun(): Promise<Run> {
  const site = await openSiteUnderTest();
  return {
    site,
    browser: await chromium.launch(launchOptions(requireChromium())),
    pictures: stepPicturesOfWorker(),
  };
}

export async function stopRun(run: Run | undefined): Promise<void> {
  await run?.browser.close();
  await run?.site.close();
}

/** Beside the cucumber-js reports, which link to each screenshot by this relative path (cleared by cucumber.mjs). */
export const EVIDENCE_FOLDER = 'evidence';
const EVIDENCE_DIR = join(dirname(reportPaths().cucumberJsJson), EVIDENCE_FOLDER);

/**
 * The world cucumber-js builds for each scenario: the same ScenarioWorld the Playwright fixtures build, with every
 * device a new context of the run's browser and screenshots attached through cucumber's own `attach`. The run is
 * given by the hooks that start and stop it (cucumber-hooks.ts); a dry run starts none.
 */
export class CucumberWorld extends ScenarioWorld {
  readonly #contexts: BrowserContext[] = [];
  readonly #log: IWorldOptions['log'];
  readonly #attach: IWorldOptions['attach'];
  readonly #runPictures: StepPictures | undefined;

  constructor({ attach, log }: IWorldOptions, run: Run | undefined) {
    // A dry run builds worlds but runs no hooks, so there may be no run: nothing is opened until a step needs it.
    const siteUrl = run?.site.url ?? 'http://site-not-started.invalid';
    const contexts: BrowserContext[] = [];
    const scenarioKey = `cucumber-${randomUUID().slice(0, 8)}-${Date.now().toString(36)}`;
    let screenshots = 0;
    // cucumber-js sets these in each worker of a --parallel run; otherwise one scenario runs at a time.
    const slot = {
      slot: Number(process.env.CUCUMBER_WORKER_ID ?? 0),
      slots: Number(process.env.CUCUMBER_TOTAL_WORKERS ?? 1),
    };
    super({
      control: run?.site.controlFor({ ...slot, skip: skipper() }) ?? new TestControlClient(siteUrl),
      scenarioKey,
      // cucumber-js's attach of a buffer or string is synchronous; the world's interface allows either.
      // By reference: embedded, every screenshot of every step would make each cucumber-js report tens of MB.
      attachScreenshot: (name, picture) => {
        const file = `${scenarioKey}-${++screenshots}${PICTURE_FORMAT.extension}`;
        mkdirSync(EVIDENCE_DIR, { recursive: true });
        writeFileSync(join(EVIDENCE_DIR, file), picture);
        attach(`${EVIDENCE_FOLDER}/${file}`, { mediaType: 'text/uri-list', fileName: name });
        return Promise.resolve();
      },
      attachOutcome: (record) => {
        attach(outcomeBody(record), { mediaType: OUTCOME_MEDIA_TYPE, fileName: `${OUTCOME_ATTACHMENT}.json` });
        return Promise.resolve();
      },
      attachFinding: (finding) => {
        attach(findingBody(finding), { mediaType: FINDING_MEDIA_TYPE, fileName: `${FINDING_ATTACHMENT}.json` });
        return Promise.resolve();
      },
      attachNote: (note) => {
        attach(noteBody(note), { mediaType: NOTE_MEDIA_TYPE, fileName: `${NOTE_ATTACHMENT}.json` });
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
      attachLook: (record, picture, diff) => {
        attach(picture, { mediaType: 'image/png', fileName: `${LOOK_PICTURE_PREFIX}${record.guideStep}.png` });
        if (diff) attach(diff, { mediaType: 'image/png', fileName: `${LOOK_DIFF_PREFIX}${record.guideStep}.png` });
        attach(lookBody(record), { mediaType: LOOK_MEDIA_TYPE, fileName: `${record.guideStep}.json` });
        return Promise.resolve();
      },
      openDevicePage: async (): Promise<Page> => {
        if (!run) throw new Error('No browser: the cucumber-js hooks (steps/support/cucumber-hooks.ts) start it.');
        const context = await newDeviceContext(run.browser, siteUrl, cucumberTimeouts());
        contexts.push(context);
        // tsx compiles with esbuild's keepNames: a function the page objects run in the page calls `__name(fn, "name")`
        // for its inner functions, which the page does not have. Playwright's own transform does not: only here.
        await context.addInitScript(() => {
          (globalThis as { __name?: unknown }).__name ??= (target: unknown) => target;
        });
        return context.newPage();
      },
    });
    this.#contexts = contexts;
    this.#log = log;
    this.#attach = attach;
    this.#runPictures = run?.pictures;
  }

  /** The scenario's tags decide which guide-step pictures it takes, with the run's memory of those taken. */
  picturesFor(tags: readonly string[]): void {
    if (this.#runPictures) this.takePictures(this.#runPictures.forScenario(tags));
  }

  /** The guide steps this scenario found true, stored once with its result (harness/scenario/steps-held.ts). */
  attachStepsHeld(): void {
    if (this.guideStepsHeld.length === 0) return;
    this.#attach(stepsHeldBody(this.guideStepsHeld), {
      mediaType: STEPS_HELD_MEDIA_TYPE,
      fileName: `${STEPS_HELD_ATTACHMENT}.json`,
    });
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
