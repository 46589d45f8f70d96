import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a run writes its reports: `reports/`, or GUIDE_REPORTS_DIR for a run that must not overwrite another's
 * (scripts/sharding-check.ts runs the same selection twice, side by side with whatever else is running).
 * allurerc.mjs and cucumber.mjs are read without TypeScript, so they read GUIDE_REPORTS_DIR themselves, the same way.
 */
export const REPORTS_DIR = (process.env.GUIDE_REPORTS_DIR || 'reports').replace(/\/$/, '');

/** Every report file and folder of a run, under one reports folder. */
export function reportPaths(dir: string = REPORTS_DIR) {
  return {
    dir,
    /** Playwright's JSON reporter, also what `playwright merge-reports` writes from a sharded run's blobs. */
    playwrightJson: join(dir, 'playwright-results.json'),
    playwrightHtml: join(dir, 'playwright-html'),
    testResults: join(dir, 'test-results'),
    blobs: join(dir, 'blob'),
    /** The Cucumber reports playwright-bdd writes of a Playwright run. */
    cucumber: join(dir, 'cucumber'),
    cucumberJson: join(dir, 'cucumber', 'report.json'),
    /** cucumber-js's own reports (cucumber.mjs). */
    cucumberJsJson: join(dir, 'cucumber-js', 'report.json'),
    allureResults: join(dir, 'allure-results'),
    allureReport: join(dir, 'allure-report'),
    guide: join(dir, 'guide'),
    drift: join(dir, 'drift'),
    driftJson: join(dir, 'drift', 'drift.json'),
    unitResults: join(dir, 'unit-results.json'),
    bench: join(dir, 'bench'),
  };
}

export type ReportPaths = ReturnType<typeof reportPaths>;

/** The report files a run writes: cleared before it, so no page of an earlier run is left beside the new ones. */
export function clearRunReports(paths: ReportPaths): void {
  const { playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide } = paths;
  for (const path of [playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide])
    rmSync(path, { recursive: true, force: true });
}
