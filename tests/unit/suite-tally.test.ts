import { describe, expect, it } from 'vitest';
import {
  check,
  featureRunTally,
  featureTally,
  runnerTally,
  summarize,
  vitestTallies,
  type VitestReport,
} from '../../commands/suite-tally.ts';
import { parityProblems } from '../../commands/parity.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';

const scenario = scenarioOutcome;

const file = (name: string, status: string, tests: string[]) => ({
  name,
  status,
  assertionResults: tests.map((s) => ({ status: s })),
});

describe('npm test’s tally', () => {
  it('counts a flaky scenario as failed and a scenario not run as skipped', () => {
    const outcomes = (['passed', 'passed', 'flaky', 'failed', 'skipped', 'not run'] as const).map((s, i) =>
      scenario(i, s),
    );
    expect(featureTally('features', outcomes)).toEqual({ suite: 'features', passed: 2, failed: 2, skipped: 2 });
  });

  it('counts a check without tests of its own as one test', () => {
    expect(check('lint', 0)).toEqual({ suite: 'lint', passed: 1, failed: 0, skipped: 0 });
    expect(check('lint', 2)).toEqual({ suite: 'lint', passed: 0, failed: 1, skipped: 0 });
  });

  it('tells unit from integration tests by folder, and counts a file that did not load as a failure', () => {
    const report: VitestReport = {
      testResults: [
        file('/repo/tests/unit/a.test.ts', 'passed', ['passed', 'passed', 'skipped', 'todo']),
        file('/repo/tests/unit/b.test.ts', 'failed', []),
        file('/repo/tests/integration/c.test.ts', 'failed', ['passed', 'failed', 'pending']),
      ],
    };
    expect(vitestTallies(report, 1)).toEqual([
      { suite: 'unit tests (vitest)', passed: 2, failed: 1, skipped: 2 },
      { suite: 'integration tests (vitest)', passed: 1, failed: 1, skipped: 1 },
    ]);
  });

  it('fails a runner that exits non-zero after writing a report with no failure, and says so under its line', () => {
    const good = [scenario(1, 'passed'), scenario(2, 'passed'), scenario(3, 'skipped')];
    expect(featureRunTally('features', good, 0)).toEqual({ suite: 'features', passed: 2, failed: 0, skipped: 1 });
    const crashed = featureRunTally('features', good, 1);
    expect(crashed).toEqual({
      suite: 'features',
      passed: 2,
      failed: 1,
      skipped: 1,
      note: 'exited 1 after a report with no failure',
    });
    const { lines, exitCode } = summarize([crashed]);
    expect(exitCode).toBe(1);
    expect(lines).toContain('    ↳ exited 1 after a report with no failure');
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped');
  });

  it('adds nothing to a report whose failures already explain the exit status', () => {
    const outcomes = [scenario(1, 'passed'), scenario(2, 'failed')];
    expect(featureRunTally('features', outcomes, 1)).toEqual({ suite: 'features', passed: 1, failed: 1, skipped: 0 });
  });

  it('fails a suite that ran no test, whatever its exit status', () => {
    expect(featureRunTally('features', [], 0)).toMatchObject({ passed: 0, failed: 1, note: 'ran no test' });
    const allSkipped = [scenario(1, 'skipped'), scenario(2, 'not run')];
    expect(featureRunTally('features', allSkipped, 0)).toMatchObject({ failed: 1, skipped: 2, note: 'ran no test' });
    expect(runnerTally('x', { passed: 0, failed: 0, skipped: 0 }, 1)).toMatchObject({ failed: 1 });
    expect(summarize([check('lint', 0), featureRunTally('features', [], 0)]).exitCode).toBe(1);
  });

  it('fails a feature run that wrote no report, even if it exited 0', () => {
    expect(featureRunTally('features', undefined, 0)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('fails vitest once when it exits non-zero after a report with no failure', () => {
    const report: VitestReport = {
      testResults: [
        file('/repo/tests/unit/a.test.ts', 'passed', ['passed']),
        file('/repo/tests/integration/c.test.ts', 'passed', ['passed', 'passed']),
      ],
    };
    expect(vitestTallies(report, 0).map((t) => t.failed)).toEqual([0, 0]);
    expect(vitestTallies(report, 1).map((t) => t.failed)).toEqual([1, 0]);
    expect(summarize(vitestTallies(report, 1)).lines.at(-1)).toBe('3 passed, 1 failed, 0 skipped');
  });

  it('fails a vitest suite whose folder ran no test', () => {
    const report: VitestReport = { testResults: [file('/repo/tests/unit/a.test.ts', 'passed', ['passed'])] };
    expect(vitestTallies(report, 0)).toEqual([
      { suite: 'unit tests (vitest)', passed: 1, failed: 0, skipped: 0 },
      { suite: 'integration tests (vitest)', passed: 0, failed: 1, skipped: 0, note: 'ran no test' },
    ]);
  });

  it('fails both vitest suites when vitest wrote no report, even if it exited 0', () => {
    expect(vitestTallies(undefined, 0).map((t) => t.failed)).toEqual([1, 1]);
  });

  it('ends with one line summing every suite, and fails on any failure', () => {
    const { lines, exitCode } = summarize([
      { suite: 'a', passed: 3, failed: 0, skipped: 1 },
      { suite: 'b', passed: 2, failed: 1, skipped: 0 },
    ]);
    expect(lines.at(-1)).toBe('5 passed, 1 failed, 1 skipped');
    expect(exitCode).toBe(1);
    expect(summarize([check('a', 0)])).toMatchObject({
      exitCode: 0,
      lines: ['Suites:', expect.any(String), '1 passed, 0 failed, 0 skipped'],
    });
  });
});

describe('runner parity', () => {
  it('finds nothing when both runners passed the same scenarios', () => {
    const both = [scenario(1, 'passed'), scenario(2, 'passed')];
    expect(parityProblems(both, [...both].reverse())).toEqual([]);
  });

  it('names a scenario one runner lacks, a different result, and a scenario failed under both, once each', () => {
    const playwright = [scenario(1, 'failed'), scenario(2, 'passed'), scenario(3, 'passed')];
    const cucumber = [scenario(1, 'failed'), scenario(2, 'skipped')];
    expect(parityProblems(playwright, cucumber)).toEqual([
      'features/a.feature:2 s2: passed under Playwright, skipped under cucumber-js',
      'only Playwright has features/a.feature:3 s3',
      'features/a.feature:1 s1: failed under Playwright',
      'features/a.feature:1 s1: failed under cucumber-js',
      'features/a.feature:2 s2: skipped under cucumber-js',
    ]);
  });
});

// Each of these fails when npm test's tally is broken in one small way (docs/mutation-testing.md).
describe('npm test’s tally, held to the exit status of each runner', () => {
  it('adds no failure to the unit tests when vitest’s non-zero exit is explained by the integration tests', () => {
    const report: VitestReport = {
      testResults: [
        file('/repo/tests/unit/a.test.ts', 'passed', ['passed']),
        file('/repo/tests/integration/c.test.ts', 'failed', ['failed']),
      ],
    };
    expect(vitestTallies(report, 1)).toEqual([
      { suite: 'unit tests (vitest)', passed: 1, failed: 0, skipped: 0 },
      { suite: 'integration tests (vitest)', passed: 0, failed: 1, skipped: 0 },
    ]);
  });

  it('says under each vitest suite that there was no report, with the exit status', () => {
    expect(vitestTallies(undefined, 3).map((t) => t.note)).toEqual([
      'no report (exit status 3)',
      'no report (exit status 3)',
    ]);
  });

  it('counts a file that loaded and ran no test as no failure, and a disabled test as skipped', () => {
    const report: VitestReport = {
      testResults: [
        file('/repo/tests/unit/a.test.ts', 'passed', ['passed', 'disabled']),
        file('/repo/tests/unit/empty.test.ts', 'passed', []),
        file('/repo/tests/integration/c.test.ts', 'passed', ['passed']),
      ],
    };
    expect(vitestTallies(report, 0)[0]).toEqual({ suite: 'unit tests (vitest)', passed: 1, failed: 0, skipped: 1 });
  });

  it('prints a suite’s line with its name in a column', () => {
    expect(summarize([{ suite: 'lint (eslint)', passed: 1, failed: 0, skipped: 0 }]).lines[1]).toBe(
      `  ${'lint (eslint)'.padEnd(28)} 1 passed, 0 failed, 0 skipped`,
    );
  });
});
