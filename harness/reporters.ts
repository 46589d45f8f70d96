import type { ReporterDescription } from '@playwright/test';
import { cucumberReporter } from 'playwright-bdd';

/** The report files a run leaves behind; a sharded run gets them from `playwright merge-reports` instead. */
export function reportFileReporters(reportsDir = 'reports'): ReporterDescription[] {
  return [
    ['html', { outputFolder: `${reportsDir}/playwright-html`, open: 'never' }],
    ['json', { outputFile: `${reportsDir}/playwright-results.json` }],
    cucumberReporter('html', {
      outputFile: `${reportsDir}/cucumber/report.html`,
      skipAttachments: ['video/webm', 'application/zip'],
    }),
    cucumberReporter('json', { outputFile: `${reportsDir}/cucumber/report.json` }),
    cucumberReporter('junit', { outputFile: `${reportsDir}/cucumber/report.xml`, suiteName: 'Guide verification' }),
    cucumberReporter('message', { outputFile: `${reportsDir}/cucumber/messages.ndjson` }),
  ];
}
