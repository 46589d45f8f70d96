import { writeFile } from 'node:fs/promises';
import * as allure from 'allure-js-commons';
import { expect, type TestInfo } from '@playwright/test';
import { createBdd, test as bddTest } from 'playwright-bdd';
import { guideStepIdsOf, readScenarios } from '../harness/guide/features.ts';
import { featuresDirOf, guideOfStep, guideStep, loadGuides } from '../harness/guide/guide.ts';
import { siteProfile, unmetNeed } from '../site/profile.ts';
import {
  DRIFT_LABEL,
  DRIFT_STEP_LABEL,
  OUTCOME_ATTACHMENT,
  OUTCOME_MEDIA_TYPE,
  outcomeBody,
} from '../harness/scenario/outcome.ts';
import {
  ACCESSIBILITY_ATTACHMENT,
  ACCESSIBILITY_MEDIA_TYPE,
  accessibilityBody,
  loadAccessibilityScanner,
} from '../harness/scenario/accessibility.ts';
import {
  FINDING_ATTACHMENT,
  FINDING_LABEL,
  FINDING_MEDIA_TYPE,
  findingBody,
  findingLine,
} from '../harness/scenario/finding.ts';
import { NOTE_ATTACHMENT, NOTE_LABEL, NOTE_MEDIA_TYPE, noteBody } from '../harness/scenario/note.ts';
import { STEPS_HELD_ATTACHMENT, STEPS_HELD_MEDIA_TYPE, stepsHeldBody } from '../harness/scenario/steps-held.ts';
import {
  STEP_TIMES_ATTACHMENT,
  STEP_TIMES_MEDIA_TYPE,
  stepTimesBody,
  stepTimesWanted,
} from '../harness/scenario/step-times.ts';
import { GAP_LABEL, gapNote, isGap } from '../harness/reporting/guide-gaps.ts';
import { PICTURE_FORMAT, type StepPictures } from '../harness/scenario/step-pictures.ts';
import {
  LOOK_ATTACHMENT,
  LOOK_DIFF_PREFIX,
  LOOK_MEDIA_TYPE,
  LOOK_PICTURE_PREFIX,
  lookBody,
  lookStepsOf,
} from '../harness/reporting/guide-looks.ts';
import { openSiteUnderTest, type SiteUnderTest } from '../site/open.ts';
import { stepPicturesOfWorker } from './support/guide-step.ts';
import { skipper } from './support/skipping.ts';
import { ScenarioWorld } from './support/world.ts';

const GUIDES = loadGuides();

/**
 * A Then step's failed check as Playwright's soft failure: recorded inside the Gherkin step playwright-bdd runs as a
 * test.step, it marks that step failed in the HTML report, Allure and the JSON report, and the test goes on. The words
 * are the guide step's and what changed, already said; the matcher adds none.
 */
const guideCheck = expect.extend({
  checkOfTheGuideFailed(said: string) {
    return { pass: false, name: 'checkOfTheGuideFailed', message: () => said };
  },
});

function failStepSoftly(testInfo: TestInfo, message: string): void {
  const [heading = message, ...rest] = message.split('\n');
  guideCheck.soft(rest.join('\n').trim(), heading).checkOfTheGuideFailed();
  // The failure is the guide's step, not a line of the harness: no code frame of ours (its stack names none).
  const recorded = testInfo.errors.at(-1);
  if (recorded) delete recorded.stack;
}

interface WorkerFixtures {
  site: SiteUnderTest;
  siteOpening: Promise<SiteUnderTest>;
  stepPictures: StepPictures;
  writtenScenarios: ReturnType<typeof readScenarios>;
}

export const test = bddTest.extend<{ world: ScenarioWorld; reportLabels: void }, WorkerFixtures>({
  // Read when a worker's first scenario starts, not at import: cucumber-js imports this file before it parses the
  // features, and a malformed feature file must be reported by the runner, not as a crash of this module.
  writtenScenarios: [
    async ({}, use) => {
      await use(readScenarios());
    },
    { scope: 'worker' },
  ],

  // Groups the Allure report as a stakeholder reads it: the guide, then the feature, then the scenario.
  reportLabels: [
    async ({ $uri, $bddTestData, writtenScenarios }, use, testInfo) => {
      const [, featureTitle = '', scenarioTitle = testInfo.title] = testInfo.titlePath;
      const ids = guideStepIdsOf({ tags: testInfo.tags.map((tag) => tag.replace(/^@/, '')) });
      // A parent level per guide: the guide of the feature's folder, else of the steps it verifies.
      const guide =
        GUIDES.find((g) => $uri.replaceAll('\\', '/').includes(featuresDirOf(g.slug))) ??
        ids.map((id) => guideOfStep(id, GUIDES)).find(Boolean) ??
        GUIDES[0];
      if (guide) await allure.epic(guide.title);
      await allure.feature(featureTitle);
      await allure.story(scenarioTitle);
      const written = writtenScenarios.find((s) => $uri.endsWith(s.file) && s.line === $bddTestData?.pickleLine);
      for (const [name, value] of Object.entries(written?.parameters ?? {})) await allure.parameter(name, value);
      // What the guide leaves out: the note as a label, and a link to the illustrated guide's section of them.
      if (written && isGap(written)) {
        const note = gapNote(written);
        await allure.label(GAP_LABEL, note);
        const gapsPage = `../guide/${guide?.slug ?? ''}/index.html#gaps`;
        await allure.link(gapsPage, `What the guide doesn't tell the reader: ${note}`);
      }
      for (const id of ids) {
        const page = `../guide/${guideOfStep(id, GUIDES)?.slug ?? ''}/index.html#step-${id}`;
        await allure.link(page, `Guide step ${id}: ${guideStep(id, GUIDES).text}`);
      }
      await use();
    },
    { auto: true },
  ],

  // One site per worker, so parallel workers never wait on each other's server. Opened by an automatic fixture, set
  // up before any other, and awaited only when a scenario needs it: the mock (and the accessibility scanner) load
  // while Chromium starts.
  siteOpening: [
    async ({}, use) => {
      const opening = openSiteUnderTest();
      void loadAccessibilityScanner().catch(() => undefined);
      // Its failure is the `site` fixture's to report, when a scenario awaits it.
      opening.catch(() => undefined);
      await use(opening);
      const site = await opening.catch(() => undefined);
      await site?.close();
    },
    { scope: 'worker', auto: true },
  ],
  // Asks for the browser first: Chromium launches while the site is still opening, instead of after it.
  site: [
    async ({ siteOpening, browser: _launched }, use) => {
      await use(await siteOpening);
    },
    { scope: 'worker' },
  ],

  // Which guide steps this worker has pictured already: elsewhere than on the guide's path, once is enough.
  stepPictures: [
    async ({}, use) => {
      await use(stepPicturesOfWorker());
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ site }, use) => {
    await use(site.url);
  },

  world: async ({ page, browser, baseURL, viewport, site, stepPictures }, use, testInfo) => {
    // A scenario needing what the site profile says the site lacks is skipped, with the reason, before it starts.
    const need = unmetNeed(siteProfile(), testInfo.tags);
    testInfo.skip(need !== undefined, need ?? '');
    let firstDeviceTaken = false;
    let evidenceCount = 0;
    let recordCount = 0;
    let findingCount = 0;
    const extraContexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    const world = new ScenarioWorld({
      control: site.controlFor({
        ...parallelSlot(testInfo),
        // Playwright's own skip: the reason becomes the test's annotation, in the HTML, JSON and Allure reports.
        skip: skipper((reason) => testInfo.skip(true, reason)),
      }),
      // Written to a file, so the JSON results name a path instead of carrying the image.
      attachScreenshot: async (name, picture) => {
        const path = testInfo.outputPath(`evidence-${++evidenceCount}${PICTURE_FORMAT.extension}`);
        await writeFile(path, picture);
        await testInfo.attach(name, { path, contentType: PICTURE_FORMAT.mediaType });
      },
      attachOutcome: async (record) => {
        await testInfo.attach(OUTCOME_ATTACHMENT, { body: outcomeBody(record), contentType: OUTCOME_MEDIA_TYPE });
        // Allure's categories (allurerc.mjs) sort a failure by the kind of its first cause.
        if (++recordCount === 1) {
          await allure.label(DRIFT_LABEL, record.kind);
          await allure.label(DRIFT_STEP_LABEL, record.guideStep);
        }
      },
      // Beside the outcome records, never among them; the HTML report shows it at the top of the test as well.
      attachFinding: async (finding) => {
        await testInfo.attach(FINDING_ATTACHMENT, { body: findingBody(finding), contentType: FINDING_MEDIA_TYPE });
        testInfo.annotations.push({ type: FINDING_LABEL, description: findingLine(finding) });
        if (++findingCount === 1) await allure.label(FINDING_LABEL, finding.class);
      },
      failStepSoftly: (message) => failStepSoftly(testInfo, message),
      // Inside the Gherkin step that ran, beside it in every report; the HTML report shows it at the top of the test too.
      attachNote: async (note) => {
        await testInfo.attach(NOTE_ATTACHMENT, { body: noteBody(note), contentType: NOTE_MEDIA_TYPE });
        testInfo.annotations.push({ type: NOTE_LABEL, description: `${note.guideStep}: ${note.says}` });
      },
      // Inside the Gherkin step that ran, so Allure shows the violations under that step.
      attachAccessibility: async (record) => {
        await testInfo.attach(ACCESSIBILITY_ATTACHMENT, {
          body: accessibilityBody(record),
          // Its own media type: Cucumber JSON keeps no attachment names, and its reader takes JSON as outcome records.
          contentType: ACCESSIBILITY_MEDIA_TYPE,
        });
      },
      // Files, as screenshots are: `npm run guide:accept-pictures` copies the fresh ones from the run's JSON report.
      attachLook: async (record, picture, diff) => {
        const step = record.guideStep;
        const path = testInfo.outputPath(`look-${step}.png`);
        await writeFile(path, picture);
        await testInfo.attach(`${LOOK_PICTURE_PREFIX}${step}`, { path, contentType: 'image/png' });
        if (diff) {
          const diffPath = testInfo.outputPath(`look-${step}-difference.png`);
          await writeFile(diffPath, diff);
          await testInfo.attach(`${LOOK_DIFF_PREFIX}${step}`, { path: diffPath, contentType: 'image/png' });
        }
        await testInfo.attach(LOOK_ATTACHMENT, { body: lookBody(record), contentType: LOOK_MEDIA_TYPE });
      },
      scenarioKey:
        `${testInfo.testId}-r${testInfo.repeatEachIndex}-t${testInfo.retry}-${Date.now().toString(36)}`.toLowerCase(),
      // Device A is Playwright's own page, so traces, screenshots and video follow it; others are new contexts.
      openDevicePage: async () => {
        if (!firstDeviceTaken) {
          firstDeviceTaken = true;
          return page;
        }
        const context = await browser.newContext({ baseURL, viewport });
        extraContexts.push(context);
        return context.newPage();
      },
    });
    world.checksPromiseOf(testInfo.tags, testInfo.title);
    world.takePictures(stepPictures.forScenario(testInfo.tags));
    world.pictureLooksOf(lookStepsOf(testInfo.tags));
    await use(world);
    // First: putting a pre-made account back opens browsers of its own, closed with the others.
    await world.cleanUp();
    await Promise.all(extraContexts.map((context) => context.close()));
    if (world.guideStepsHeld.length) {
      await testInfo.attach(STEPS_HELD_ATTACHMENT, {
        body: stepsHeldBody(world.guideStepsHeld),
        contentType: STEPS_HELD_MEDIA_TYPE,
      });
    }
    if (stepTimesWanted() && world.guideStepTimes.length) {
      await testInfo.attach(STEP_TIMES_ATTACHMENT, {
        body: stepTimesBody(world.guideStepTimes),
        contentType: STEP_TIMES_MEDIA_TYPE,
      });
    }
    // Then steps' failed checks failed their own steps as they ran (failStepSoftly): the test has failed already.
    const softFailure = world.softFailure();
    if (softFailure && testInfo.status === 'passed') throw softFailure;
  },
});

export const { Given, When, Then } = createBdd(test, { worldFixture: 'world' });

/**
 * The scenario's place among all that may run at once: its worker's, counted over every shard, since the shards of
 * a sharded run (guide:sharded, the nightly workflow) run side by side against the same site.
 */
function parallelSlot({ parallelIndex, config }: TestInfo): { slot: number; slots: number } {
  const shard = config.shard ?? { current: 1, total: 1 };
  return { slot: (shard.current - 1) * config.workers + parallelIndex, slots: shard.total * config.workers };
}
