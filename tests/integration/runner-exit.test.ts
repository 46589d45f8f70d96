// `npm test` holds every runner to its exit status and to having run something (commands/suite-tally.ts), here
// with real child processes: a runner that writes a good report and then exits 1, and a vitest run of no test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, run } from '../../commands/processes.ts';
import { summarize, vitestTallies, type VitestReport } from '../../commands/suite-tally.ts';

const dir = mkdtempSync(join(tmpdir(), 'runner-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as VitestReport;

describe('npm test’s tally of a runner', () => {
  it('fails a runner that writes a report of passed tests and then exits 1', async () => {
    const reportFile = join(dir, 'good-report.json');
    const report: VitestReport = {
      testResults: [
        { name: '/repo/tests/unit/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: '/repo/tests/integration/b.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    };
    const script = `require('node:fs').writeFileSync(${JSON.stringify(reportFile)}, ${JSON.stringify(JSON.stringify(report))}); process.exit(1);`;
    const { exitCode } = await run(process.execPath, ['-e', script], { output: 'quiet' });
    expect(exitCode).toBe(1);
    const { lines, exitCode: testExit } = summarize(vitestTallies(readReport(reportFile), exitCode));
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 0 skipped');
    expect(testExit).toBe(1);
  });

  it('fails a vitest run that ran no test, though vitest itself exits 0', async () => {
    const reportFile = join(dir, 'empty-report.json');
    const { exitCode } = await run(
      bin('vitest'),
      ['run', 'no-such-test-file', '--passWithNoTests', '--reporter=json', `--outputFile.json=${reportFile}`],
      { output: 'quiet' },
    );
    expect(exitCode).toBe(0);
    const tallies = vitestTallies(readReport(reportFile), exitCode);
    expect(tallies.map((t) => [t.failed, t.note])).toEqual([
      [1, 'ran no test'],
      [1, 'ran no test'],
    ]);
    expect(summarize(tallies)).toMatchObject({ exitCode: 1 });
  });
});
