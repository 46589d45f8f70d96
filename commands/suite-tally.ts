// How `npm test` counts: every suite it ran comes to passed, failed and skipped, and the last line sums them.
import { tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';

export interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Why the tally holds a failure that is not one of its tests' (printed under its line). */
  note?: string;
}

/** A run's scenarios by the one rule of scenario-outcome.ts: a flaky scenario counts as failed, as the gate does. */
export function featureTally(suite: string, outcomes: ScenarioOutcome[]): Tally {
  const counts = tally(outcomes);
  return {
    suite,
    passed: counts.passed,
    failed: counts.failed + counts.flaky,
    skipped: counts.skipped + counts['not run'],
  };
}

/** A feature run's tally from its report (undefined: none written), held to the runner's exit status. */
export const featureRunTally = (suite: string, outcomes: ScenarioOutcome[] | undefined, exitStatus: number): Tally =>
  runnerTally(suite, outcomes && featureTally(suite, outcomes), exitStatus);

/** A check with no test count of its own counts as one test. */
export const check = (suite: string, status: number): Tally => ({
  suite,
  passed: status === 0 ? 1 : 0,
  failed: status === 0 ? 0 : 1,
  skipped: 0,
});

/**
 * A runner's tally from its report, held to its exit status, which the report alone cannot stand for: a runner that
 * exits non-zero after writing a report with no failure (a crash after the report, a reporter that failed, a teardown
 * that threw) adds one failure, and a suite that ran no test (nothing passed or failed) is one failure, not a green
 * line. With no report at all, the suite is one failure whatever the exit status.
 */
export function runnerTally(suite: string, counts: Omit<Tally, 'suite'> | undefined, exitStatus: number): Tally {
  if (!counts) return { ...check(suite, 1), note: `no report (exit status ${exitStatus})` };
  const tally: Tally = { suite, passed: counts.passed, failed: counts.failed, skipped: counts.skipped };
  if (tally.passed + tally.failed === 0) return { ...tally, failed: 1, note: 'ran no test' };
  if (exitStatus !== 0 && tally.failed === 0)
    return { ...tally, failed: 1, note: `exited ${exitStatus} after a report with no failure` };
  return tally;
}

/** The part of vitest's JSON report read here. */
export interface VitestReport {
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

export const VITEST_SUITES = [
  { folder: 'tests/unit/', suite: 'unit tests (vitest)' },
  { folder: 'tests/integration/', suite: 'integration tests (vitest)' },
] as const;

/**
 * One tally per kind of vitest test, told apart by folder, each held to the rules of `runnerTally`. A test file that
 * failed before any test ran (it did not load) counts as one failed test, or its failure would be in no count. One
 * vitest process runs both kinds, so a non-zero exit that neither kind's tests explain is one failure, on the first.
 */
export function vitestTallies(report: VitestReport | undefined, exitStatus: number): Tally[] {
  const tallies = VITEST_SUITES.map(({ folder, suite }) => {
    if (!report) return runnerTally(suite, undefined, exitStatus);
    const files = report.testResults.filter((file) => file.name.replaceAll('\\', '/').includes(`/${folder}`));
    const statuses = files.flatMap((file) => file.assertionResults.map((test) => test.status));
    const unloaded = files.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    const count = (...wanted: string[]) => statuses.filter((s) => wanted.includes(s)).length;
    const counts = {
      passed: count('passed'),
      failed: count('failed') + unloaded,
      skipped: count('skipped', 'pending', 'todo', 'disabled'),
    };
    return runnerTally(suite, counts, 0);
  });
  if (!report || exitStatus === 0 || tallies.some((t) => t.failed > 0)) return tallies;
  const [first, ...rest] = tallies;
  return [runnerTally(first!.suite, first, exitStatus), ...rest];
}

/** The table of suites, then the one line CI reads; the exit status fails on any failure. */
export function summarize(tallies: Tally[]): { lines: string[]; exitCode: number } {
  const total = (key: 'passed' | 'failed' | 'skipped') => tallies.reduce((sum, t) => sum + t[key], 0);
  return {
    lines: [
      'Suites:',
      ...tallies.flatMap((t) => [
        `  ${t.suite.padEnd(28)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`,
        ...(t.note ? [`    ↳ ${t.note}`] : []),
      ]),
      `${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`,
    ],
    exitCode: total('failed') > 0 ? 1 : 0,
  };
}
