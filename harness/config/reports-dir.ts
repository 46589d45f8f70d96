import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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
    /** Allure's trend between full runs (allurerc.mjs historyPath): kept, not a run's report. */
    allureHistory: join(dir, 'allure-history.jsonl'),
    guide: join(dir, 'guide'),
    drift: join(dir, 'drift'),
    driftJson: join(dir, 'drift', 'drift.json'),
    unitResults: join(dir, 'unit-results.json'),
    bench: join(dir, 'bench'),
  };
}

export type ReportPaths = ReturnType<typeof reportPaths>;

const runReports = ({
  playwrightJson,
  playwrightHtml,
  testResults,
  cucumber,
  allureResults,
  allureReport,
  guide,
}: ReportPaths) => [playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide];

/** The report files a run writes: cleared before it, so no page of an earlier run is left beside the new ones. */
export function clearRunReports(paths: ReportPaths): void {
  for (const path of runReports(paths)) rmSync(path, { recursive: true, force: true });
}

/** The last run's reports, moved aside while a run writes its own in their place. */
export interface ReportsAside {
  /** The run gave results: the last run's reports go. */
  discard(): void;
  /** The run gave none (it stopped before any scenario ended): the last run's reports come back as they were. */
  restore(): void;
}

/**
 * Moves the last run's reports aside (a rename, within reports/): no page of them is left beside the new run's, and
 * none is lost when the run gives no results. They stay at their own paths afterwards, so links into them still work.
 */
export function setRunReportsAside(paths: ReportPaths): ReportsAside {
  const aside = join(paths.dir, '.last-run');
  rmSync(aside, { recursive: true, force: true });
  const moved: [from: string, to: string][] = [];
  for (const path of runReports(paths)) {
    if (!existsSync(path)) continue;
    const within = relative(paths.dir, path);
    // A report kept elsewhere than under the reports folder is cleared, as before.
    if (within.startsWith('..')) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    const to = join(aside, within);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(path, to);
    moved.push([path, to]);
  }
  return {
    discard: () => rmSync(aside, { recursive: true, force: true }),
    restore: () => {
      clearRunReports(paths);
      for (const [from, to] of moved) renameSync(to, from);
      rmSync(aside, { recursive: true, force: true });
    },
  };
}
