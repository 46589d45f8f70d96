// The cap on a run's evidence runs leans on how Playwright decides to retry (harness/reporting/evidence-budget.ts):
// after its reporters have seen a failed attempt end, from that test's `retries`. A real Playwright run holds it to
// that: three failing tests, a cap of two, one retry each.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, run } from '../../commands/processes.ts';
import { tinyPlaywrightProject } from '../support/tiny-playwright-project.ts';
import { EVIDENCE_LEFT_OUT } from '../../harness/reporting/evidence-budget.ts';

const project = tinyPlaywrightProject('evidence-runs-test', {
  options: 'failOnFlakyTests: true,',
  reporter: `[[${JSON.stringify(resolve('harness/reporting/evidence-budget.ts'))}], ['json', { outputFile: 'results.json' }]]`,
});
const { dir } = project;
afterAll(project.remove);

interface JsonResult {
  status: string;
  retry: number;
  annotations: { type: string; description?: string }[];
  attachments: { name: string }[];
}
interface JsonReport {
  suites: { specs: { title: string; tests: { status: string; results: JsonResult[] }[] }[] }[];
}

describe('a run’s evidence runs', () => {
  it('runs the first failures once more with a trace, up to the cap, and says why the others have none', async () => {
    writeFileSync(
      join(dir, 'cap.spec.ts'),
      `import { expect, test } from '@playwright/test';
test('first failure', () => { expect(1).toBe(2); });
test('second failure, passes on its evidence run', ({}, testInfo) => { expect(testInfo.retry).toBe(1); });
test('third failure', () => { expect(1).toBe(2); });
test('a pass', () => { expect(1).toBe(1); });
`,
    );
    const { exitCode } = await run(bin('playwright'), ['test', '--config', join(dir, 'playwright.config.ts')], {
      output: 'quiet',
      env: { GUIDE_EVIDENCE_RUNS: '2' },
    });
    expect(exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as JsonReport;
    const tests = Object.fromEntries(report.suites.flatMap((s) => s.specs).map((s) => [s.title, s.tests[0]!]));
    const attempts = (title: string) =>
      tests[title]!.results.map((r) => ({
        status: r.status,
        trace: r.attachments.some((a) => a.name === 'trace'),
        leftOut: r.annotations.some((a) => a.type === EVIDENCE_LEFT_OUT),
      }));

    expect(attempts('first failure')).toEqual([
      { status: 'failed', trace: false, leftOut: false },
      { status: 'failed', trace: true, leftOut: false },
    ]);
    expect(attempts('second failure, passes on its evidence run')).toEqual([
      { status: 'failed', trace: false, leftOut: false },
      { status: 'passed', trace: true, leftOut: false },
    ]);
    expect(tests['second failure, passes on its evidence run']!.status).toBe('flaky');
    expect(attempts('third failure')).toEqual([{ status: 'failed', trace: false, leftOut: true }]);
    expect(attempts('a pass')).toEqual([{ status: 'passed', trace: false, leftOut: false }]);
  }, 120_000);
});
