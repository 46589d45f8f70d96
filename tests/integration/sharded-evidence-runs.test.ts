// A shard writes a blob instead of the report files, and `playwright merge-reports` makes them afterwards
// (commands/merge-reports.ts). The blob reporter sends a result's attachments as they come, counting those it has
// sent: a reporter before it that shortens the list (STRIP_ALLURE_METADATA) makes it lose the last ones, the evidence
// run's trace. A real shard and merge hold the reporters' order to it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, run } from '../../commands/processes.ts';
import { tinyPlaywrightProject } from '../support/tiny-playwright-project.ts';

const project = tinyPlaywrightProject('sharded-evidence-runs-test', {
  imports: `import { shardReporters } from ${JSON.stringify(resolve('harness/config/reporters.ts'))};`,
  reporter: `shardReporters('blob')`,
});
const { dir } = project;
afterAll(project.remove);

interface JsonResult {
  retry: number;
  status: string;
  attachments: { name: string }[];
}
interface JsonReport {
  suites: { specs: { title: string; tests: { results: JsonResult[] }[] }[] }[];
}

describe('a shard’s evidence runs, merged', () => {
  it('keep the evidence run’s trace, and the merge drops allure-playwright’s metadata', async () => {
    writeFileSync(
      join(dir, 'merge.config.ts'),
      `import { defineConfig } from '@playwright/test';
import { MERGE_FIRST } from ${JSON.stringify(resolve('harness/config/reporters.ts'))};
export default defineConfig({ reporter: [...MERGE_FIRST, ['json', { outputFile: ${JSON.stringify(join(dir, 'merged.json'))} }]] });
`,
    );
    // As allure-playwright passes a label: an attachment inside a step, which the reports then leave out.
    writeFileSync(
      join(dir, 'evidence.spec.ts'),
      `import { expect, test } from '@playwright/test';
test('a failure', async () => {
  await test.step('labelled', async () => {
    await test.info().attach('Allure Metadata', { body: '{}', contentType: 'application/vnd.allure.metadata+json' });
  });
  expect(1).toBe(2);
});
`,
    );
    const shard = await run(bin('playwright'), ['test', '--config', join(dir, 'playwright.config.ts')], {
      output: 'quiet',
    });
    expect(shard.exitCode).toBe(1);
    await run(bin('playwright'), ['merge-reports', '--config', join(dir, 'merge.config.ts'), join(dir, 'blob')], {
      output: 'quiet',
    });

    const report = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as JsonReport;
    const [results] = report.suites.flatMap((s) => s.specs).map((s) => s.tests[0]!.results);
    const attempts = results!.map((r) => {
      const names = r.attachments.map((a) => a.name);
      return {
        retry: r.retry,
        status: r.status,
        trace: names.includes('trace'),
        metadata: names.includes('Allure Metadata'),
      };
    });
    expect(attempts).toEqual([
      { retry: 0, status: 'failed', trace: false, metadata: false },
      { retry: 1, status: 'failed', trace: true, metadata: false },
    ]);
  }, 120_000);
});
