import type { ReporterDescription } from '@playwright/test';
import { cucumberReporter } from 'playwright-bdd';
import { reportPaths } from './reports-dir.ts';

/** The report files a run leaves behind; a sharded run gets them from `playwright merge-reports` instead. */
export function reportFileReporters(reportsDir?: string): ReporterDescription[] {
  const paths = reportPaths(reportsDir);
  return [
    ['html', { outputFolder: paths.playwrightHtml, open: 'never' }],
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
