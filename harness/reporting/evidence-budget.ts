import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { evidenceRunCap } from '../config/run-settings.ts';
import { failed, hasTrace, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * The annotation of a failed scenario that was not run again for its trace: the run's evidence runs were all taken.
 * The reports show its description; the readers know it by its type (harness/reporting/results.ts).
 */
export const EVIDENCE_LEFT_OUT = 'evidence-run-left-out';

export const leftOutSentence = (cap: number) =>
  `No evidence run, so no trace: this run's ${cap} evidence run(s) went to earlier failures (GUIDE_EVIDENCE_RUNS).`;

/** The evidence runs one run may still make: the first failures take them. */
export class EvidenceBudget {
  readonly cap: number;
  #taken = 0;

  constructor(cap: number) {
    this.cap = cap;
  }

  /** Whether a failure gets its evidence run; each yes takes one. */
  claim(): boolean {
    if (this.#taken >= this.cap) return false;
    this.#taken += 1;
    return true;
  }
}

/**
 * The cap on a run's evidence runs (harness/config/speed-options.ts `evidenceSettings`). Playwright has no cap on
 * retries of its own: it decides whether to retry a failed test after its reporters have seen the test end, from
 * the test's `retries`, the same object the reporters get. So this reporter, listed first, sets a failed first
 * attempt's `retries` to 0 when the cap is reached and says why on the result, before any other reporter sees it:
 * the reports show one failed attempt with that note, never a skipped retry. tests/integration/evidence-runs.test.ts
 * holds Playwright to it.
 */
export default class EvidenceBudgetReporter implements Reporter {
  readonly #budget = new EvidenceBudget(evidenceRunCap());

  onTestEnd(test: TestCase, result: TestResult): void {
    const failed = result.status !== 'skipped' && result.status !== test.expectedStatus;
    if (!failed || result.retry > 0 || test.retries === 0 || this.#budget.claim()) return;
    (test as { retries: number }).retries = 0;
    result.annotations.push({ type: EVIDENCE_LEFT_OUT, description: leftOutSentence(this.#budget.cap) });
  }

  printsToStdio(): boolean {
    return false;
  }
}

/** What the run's evidence runs left, in the terms of its scenarios (read from the runner's report). */
export interface EvidenceTally {
  failed: number;
  /** Failed scenarios whose evidence run left a trace. */
  traced: number;
  /** Failed scenarios the cap left without an evidence run, with the runner's reason. */
  leftOut: number;
  why: string | undefined;
  /** Evidence runs that passed: their scenarios are flaky. */
  passedOnEvidence: number;
}

export function evidenceTally(outcomes: readonly ScenarioOutcome[]): EvidenceTally {
  const failures = outcomes.filter(failed);
  const leftOut = failures.flatMap((o) => (o.evidenceRun?.ran === false ? [o.evidenceRun.why] : []));
  return {
    failed: failures.length,
    traced: failures.filter(hasTrace).length,
    leftOut: leftOut.length,
    why: leftOut[0],
    passedOnEvidence: failures.filter((o) => o.evidenceRun?.ran === true && o.evidenceRun.status === 'passed').length,
  };
}

/** The reports' line on traces: how many failed scenarios have one, where, and why any has none. */
export function traceLines(tally: EvidenceTally, testResults: string): string[] {
  if (tally.failed === 0)
    return ['  Traces of failed scenarios: none failed, none traced (a failure is run again with a trace)'];
  const where = tally.traced ? `: ${testResults}/**/trace.zip     (npx playwright show-trace <file>)` : '';
  return [
    `  Traces of failed scenarios: ${tally.traced} of ${tally.failed}, from their evidence runs${where}`,
    ...(tally.leftOut ? [`    ${tally.leftOut} without one. ${tally.why ?? ''}`] : []),
    ...(tally.passedOnEvidence
      ? [`    ${tally.passedOnEvidence} passed on their evidence run: flaky, and failed as their first attempt did`]
      : []),
  ];
}
