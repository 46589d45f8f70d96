import { defineConfig } from '@playwright/test';
import { defineBddConfig } from 'playwright-bdd';
import { canRecordVideo, requireChromium } from './harness/config/browser.ts';
import { EVIDENCE_BUDGET, resultReporters, terminalReporter } from './harness/config/reporters.ts';
import { REPORTS_DIR } from './harness/config/reports-dir.ts';
import { BDD_CONFIG, browserUse, timeoutsFor } from './harness/config/run-settings.ts';
import { evidenceSettings, speedOptions } from './harness/config/speed-options.ts';
import { DEFAULT_SLOWEST_ANSWER_SECONDS, siteProfile, slowestAnswerSeconds } from './site/profile.ts';

const testDir = defineBddConfig(BDD_CONFIG);

const browser = requireChromium();

// A site allowed to be slower than the default (GUIDE_SLOWEST_ANSWER_SECONDS, the profile's slowestAnswerSeconds)
// gets every ceiling stretched alike.
const timeouts = timeoutsFor(slowestAnswerSeconds(siteProfile()), DEFAULT_SLOWEST_ANSWER_SECONDS);

// A shard of a sharded run (scripts/guide-sharded.ts, the nightly workflow) writes a blob, merged afterwards.
const blobDir = process.env.GUIDE_BLOB_DIR;

// No trace while scenarios pass; a failed scenario runs once more, traced: its evidence run. Its first attempt stays
// the verdict in every report, and one whose evidence run passes is flaky, which fails the run as a failure does.
const evidence = evidenceSettings(speedOptions().traces);

export default defineConfig({
  testDir,
  outputDir: `${REPORTS_DIR}/test-results`,
  fullyParallel: true,
  workers: Number(process.env.GUIDE_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  // A green run means every scenario passed the first time: the only retry is a failure's evidence run.
  retries: evidence.retries,
  failOnFlakyTests: true,
  // An evidence run follows its failure at once (not 'isolated', one by one on one worker after the rest): it uses
  // every worker, and a run stopped by --max-failures (the drift sweep) still has its failure's trace.
  retryStrategy: 'immediate',
  timeout: timeouts.scenarioMs,
  expect: { timeout: timeouts.expectMs },
  reporter: [
    EVIDENCE_BUDGET,
    terminalReporter(process.env, Boolean(blobDir)),
    // First, so the reporters after it can drop allure-playwright's metadata attachments before the others see them.
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
    ...resultReporters(blobDir, REPORTS_DIR),
  ],
  use: {
    ...browserUse(browser, timeouts),
    trace: evidence.trace,
    screenshot: 'only-on-failure',
    video: canRecordVideo() ? evidence.video : 'off',
  },
  projects: [{ name: 'chromium' }],
});
