// How `npm test` counts: every suite it ran comes to passed, failed and skipped, and the last line sums them.
import { tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';

export interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
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

/** A check with no test count of its own counts as one test. */
export const check = (suite: string, status: number): Tally => ({
  suite,
  passed: status === 0 ? 1 : 0,
  failed: status === 0 ? 0 : 1,
  skipped: 0,
});

/** The part of vitest's JSON report read here. */
export interface VitestReport {
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

export const VITEST_SUITES = [
  { folder: 'tests/unit/', suite: 'unit tests (vitest)' },
  { folder: 'tests/integration/', suite: 'integration tests (vitest)' },
] as const;

/**
 * One tally per kind of vitest test, told apart by folder. A test file that failed before any test ran (it did not
 * load) counts as one failed test, or its failure would be in no count. No report at all: each suite one failure.
 */
export function vitestTallies(report: VitestReport | undefined, exitStatus: number): Tally[] {
  return VITEST_SUITES.map(({ folder, suite }) => {
    if (!report) return check(suite, exitStatus || 1);
    const files = report.testResults.filter((file) => file.name.replaceAll('\\', '/').includes(`/${folder}`));
    const statuses = files.flatMap((file) => file.assertionResults.map((test) => test.status));
    const unloaded = files.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    const count = (...wanted: string[]) => statuses.filter((s) => wanted.includes(s)).length;
    return {
      suite,
      passed: count('passed'),
      failed: count('failed') + unloaded,
      skipped: count('skipped', 'pending', 'todo', 'disabled'),
    };
  });
}

/** The table of suites, then the one line CI reads; the exit status fails on any failure. */
export function summarize(tallies: Tally[]): { lines: string[]; exitCode: number } {
  const total = (key: 'passed' | 'failed' | 'skipped') => tallies.reduce((sum, t) => sum + t[key], 0);
  return {
    lines: [
      'Suites:',
      ...tallies.map((t) => `  ${t.suite.padEnd(28)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`),
      `${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`,
    ],
    exitCode: total('failed') > 0 ? 1 : 0,
  };
}
