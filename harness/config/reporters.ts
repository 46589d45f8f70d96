import type { ReporterDescription } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { reportPaths } from './reports-dir.ts';
import { SELECTION_ENV } from './run-kind.ts';

/**
 * Run after allure-playwright has read them: drops allure-playwright's "Allure Metadata" attachments, its way of
 * passing labels from the test, so the Playwright and Cucumber reports do not show them on every test.
 */
export const STRIP_ALLURE_METADATA: ReporterDescription = [
  // From here, not from the config's folder: a test's config elsewhere lists it too.
  fileURLToPath(new URL('../reporting/strip-allure-metadata.ts', import.meta.url)),
];

/**
 * First of all: caps the run's evidence runs (harness/reporting/evidence-budget.ts) before any reporter sees whether
 * a failed scenario will run again.
 */
export const EVIDENCE_BUDGET: ReporterDescription = ['./harness/reporting/evidence-budget.ts'];

/** Before the HTML report: Gherkin steps point at their `.feature` line, not the generated spec (feature-locations.ts). */
export const FEATURE_LOCATIONS: ReporterDescription = ['./harness/reporting/feature-locations.ts'];

/**
 * What the Cucumber reports (for tools) leave out: each would embed every screenshot of every step of every scenario
 * (33 MB each for the whole guide). The pictures are in the Playwright report and test-results (full resolution, for
 * QA) and, one per guide step, in the illustrated guide and Allure (for stakeholders).
 */
export const LEFT_TO_OTHER_REPORTS = ['image/png', 'image/jpeg', 'video/webm', 'application/zip'];

/**
 * What the terminal shows. `npm run guide` asks for the compact one (GUIDE_TERMINAL=compact): progress and the failed
 * scenarios grouped by cause, the reports holding the rest. Anything else run through `playwright test` (a QA
 * engineer's run, the test suites) keeps Playwright's own: every scenario, and each failure with its whole error.
 */
export function terminalReporter(env: NodeJS.ProcessEnv = process.env, sharded = false): ReporterDescription {
  if (env.GUIDE_TERMINAL === 'compact') return ['./harness/reporting/compact-terminal.ts'];
  return [env.CI || sharded ? 'line' : 'list'];
}

/** The report files a run leaves behind; a sharded run gets them from `playwright merge-reports` instead. */
/** playwright-bdd's Cucumber reporter of a format, given each scenario's verdict only (cucumber-verdict.ts). */
function cucumberReporter(type: 'html' | 'json' | 'junit' | 'message', options: object): ReporterDescription {
  return ['./harness/reporting/cucumber-verdict.ts', { $type: type, ...options }];
}

export function reportFileReporters(reportsDir?: string): ReporterDescription[] {
  const paths = reportPaths(reportsDir);
  return [
    ['json', { outputFile: paths.playwrightJson }],
    cucumberReporter('html', { outputFile: `${paths.cucumber}/report.html`, skipAttachments: LEFT_TO_OTHER_REPORTS }),
    cucumberReporter('json', { outputFile: paths.cucumberJson, skipAttachments: LEFT_TO_OTHER_REPORTS }),
    cucumberReporter('junit', { outputFile: `${paths.cucumber}/report.xml`, suiteName: 'Guide verification' }),
    cucumberReporter('message', {
      outputFile: `${paths.cucumber}/messages.ndjson`,
      skipAttachments: LEFT_TO_OTHER_REPORTS,
    }),
    // After the reports that find steps by their place in the generated spec, right before the one that shows it.
    FEATURE_LOCATIONS,
    [
      'html',
      {
        outputFolder: paths.playwrightHtml,
        open: 'never',
        // A selection says so at the top of the page (harness/config/run-kind.ts).
        ...(process.env[SELECTION_ENV] ? { title: process.env[SELECTION_ENV] } : {}),
      },
    ],
  ];
}

/**
 * What a run writes after allure-playwright: the report files, or a shard's blob, merged into them afterwards. The
 * blob reporter sends a result's attachments as they come, counting those it has sent, so no reporter before it may
 * shorten the list: it would lose the last ones, the evidence run's trace. The merge leaves allure-playwright's
 * metadata out instead (MERGE_FIRST).
 */
export function resultReporters(blobDir: string | undefined, reportsDir: string): ReporterDescription[] {
  return blobDir ? shardReporters(blobDir) : [STRIP_ALLURE_METADATA, ...reportFileReporters(reportsDir)];
}

export const shardReporters = (blobDir: string): ReporterDescription[] => [['blob', { outputDir: blobDir }]];

/** The merge of the shards' blobs (merge.config.ts), before the report files it writes. */
export const MERGE_FIRST: ReporterDescription[] = [STRIP_ALLURE_METADATA];
