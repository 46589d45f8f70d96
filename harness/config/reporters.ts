import type { ReporterDescription } from '@playwright/test';
import { cucumberReporter } from 'playwright-bdd';
import { reportPaths } from './reports-dir.ts';
import { SELECTION_ENV } from './run-kind.ts';

/**
 * Run after allure-playwright has read them: drops allure-playwright's "Allure Metadata" attachments, its way of
 * passing labels from the test, so the Playwright and Cucumber reports do not show them on every test.
 */
export const STRIP_ALLURE_METADATA: ReporterDescription = ['./harness/reporting/strip-allure-metadata.ts'];

/** The report files a run leaves behind; a sharded run gets them from `playwright merge-reports` instead. */
export function reportFileReporters(reportsDir?: string): ReporterDescription[] {
  const paths = reportPaths(reportsDir);
  return [
    [
      'html',
      {
        outputFolder: paths.playwrightHtml,
        open: 'never',
        // A selection says so at the top of the page (harness/config/run-kind.ts).
        ...(process.env[SELECTION_ENV] ? { title: process.env[SELECTION_ENV] } : {}),
      },
    ],
    ['json', { outputFile: paths.playwrightJson }],
    cucumberReporter('html', {
      outputFile: `${paths.cucumber}/report.html`,
      skipAttachments: ['video/webm', 'application/zip'],
    }),
    cucumberReporter('json', { outputFile: paths.cucumberJson }),
    cucumberReporter('junit', { outputFile: `${paths.cucumber}/report.xml`, suiteName: 'Guide verification' }),
    cucumberReporter('message', { outputFile: `${paths.cucumber}/messages.ndjson` }),
  ];
}
