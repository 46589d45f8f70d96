import { defineConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
import { canRecordVideo, requireChromium } from './harness/config/browser.ts';
import { reportFileReporters, STRIP_ALLURE_METADATA, terminalReporter } from './harness/config/reporters.ts';
import { REPORTS_DIR } from './harness/config/reports-dir.ts';
import { BDD_CONFIG, browserUse, timeoutsFor } from './harness/config/run-settings.ts';
import { speedOptions, traceSetting } from './harness/config/speed-options.ts';
import { DEFAULT_SLOWEST_ANSWER_SECONDS, siteProfile, slowestAnswerSeconds } from './site/profile.ts';

const testDir = defineBddConfig(BDD_CONFIG);

const browser = requireChromium();

// A site allowed to be slower than the default (GUIDE_SLOWEST_ANSWER_SECONDS, the profile's slowestAnswerSeconds)
// gets every ceiling stretched alike.
const timeouts = timeoutsFor(slowestAnswerSeconds(siteProfile()), DEFAULT_SLOWEST_ANSWER_SECONDS);

// A shard of a sharded run (scripts/guide-sharded.ts, the nightly workflow) writes a blob, merged afterwards.
const blobDir = process.env.GUIDE_BLOB_DIR;

export default defineConfig({
  testDir,
  outputDir: `${REPORTS_DIR}/test-results`,
  fullyParallel: true,
  workers: Number(process.env.GUIDE_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  // No retries: a green run means every scenario passed the first time.
  retries: 0,
  timeout: timeouts.scenarioMs,
  expect: { timeout: timeouts.expectMs },
  reporter: [
    terminalReporter(process.env, Boolean(blobDir)),
    // First, so the reporter after it can drop allure-playwright's metadata attachments before the others see them.
    [
      'allure-playwright',
      {
        resultsDir: `${REPORTS_DIR}/allure-results`,
        detail: false,
        suiteTitle: false,
        // The environment panel's facts are written by harness/reporting/publish-reports.ts after the run.
        // Allure's categories are in allurerc.mjs, sorted by the outcome records' kinds.
      },
    ],
    STRIP_ALLURE_METADATA,
    ...(blobDir ? [['blob', { outputDir: blobDir }] as const] : reportFileReporters(REPORTS_DIR)),
  ],
  use: {
    ...browserUse(browser, timeouts),
    trace: traceSetting(speedOptions().traces),
    screenshot: 'only-on-failure',
    video: canRecordVideo() ? 'retain-on-failure' : 'off',
  },
  projects: [{ name: 'chromium' }],
});
