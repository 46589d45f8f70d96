import { scenarioOutcome } from '../support/scenario-outcomes.ts';
import { describe, expect, it } from 'vitest';
import { evidenceRunCap, EVIDENCE_RUN_CAP } from '../../harness/config/run-settings.ts';
import { EVIDENCE_RUN_PARAMETER, foldEvidenceRuns, type AllureResult } from '../../harness/reporting/allure-results.ts';
import { EvidenceBudget, evidenceTally, leftOutSentence, traceLines } from '../../harness/reporting/evidence-budget.ts';
import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';

describe('the cap on a run’s evidence runs', () => {
  it('gives the first failures their evidence run, and none after the cap', () => {
    const budget = new EvidenceBudget(2);
    expect([budget.claim(), budget.claim(), budget.claim(), budget.claim()]).toEqual([true, true, false, false]);
    expect(new EvidenceBudget(0).claim()).toBe(false);
  });

  it('is a number in the run settings, GUIDE_EVIDENCE_RUNS for one run', () => {
    expect(evidenceRunCap({})).toBe(EVIDENCE_RUN_CAP);
    expect(evidenceRunCap({ GUIDE_EVIDENCE_RUNS: '0' })).toBe(0);
    expect(evidenceRunCap({ GUIDE_EVIDENCE_RUNS: '25' })).toBe(25);
    expect(() => evidenceRunCap({ GUIDE_EVIDENCE_RUNS: 'all' })).toThrow(
      'GUIDE_EVIDENCE_RUNS=all is not a whole number of evidence runs (0 or more).',
    );
  });
});

describe('Allure’s results of a failure and its evidence run', () => {
  const attempt = (
    name: string,
    status: string,
    start: number,
    retry?: boolean,
  ): { file: string; result: AllureResult } => ({
    file: `${name}-${start}-result.json`,
    result: {
      name,
      status,
      start,
      historyId: `id-${name}`,
      labels: [],
      parameters: [{ name: 'Project', value: 'chromium' }, ...(retry ? [{ name: 'Retry', value: '1' }] : [])],
      ...(status === 'failed' && { statusDetails: { message: `${name} failed` } }),
    },
  });

  it('keeps one result per scenario, its first attempt’s, saying what the evidence run came to', () => {
    const folded = foldEvidenceRuns([
      attempt('flaky', 'passed', 30, true),
      attempt('twice', 'failed', 10),
      attempt('flaky', 'failed', 20),
      attempt('twice', 'failed', 15, true),
      attempt('green', 'passed', 5),
    ]);
    const byName = Object.fromEntries(folded.map((f) => [f.result.name, f]));
    expect(folded).toHaveLength(3);
    expect(byName.flaky?.file).toBe('flaky-20-result.json');
    expect(byName.flaky?.result.status).toBe('failed');
    expect(byName.flaky?.result.statusDetails).toEqual({ message: 'flaky failed', flaky: true });
    expect(byName.flaky?.result.parameters?.at(-1)).toEqual({
      name: EVIDENCE_RUN_PARAMETER,
      value: 'passed (flaky)',
      excluded: true,
    });
    expect(byName.twice?.file).toBe('twice-10-result.json');
    expect(byName.twice?.result.statusDetails).toEqual({ message: 'twice failed' });
    expect(byName.twice?.result.parameters?.at(-1)?.value).toBe('failed');
    expect(byName.green?.result).toEqual(attempt('green', 'passed', 5).result);
  });
});

describe('what the reports say of the traces', () => {
  const scenario = (status: ScenarioStatus, more: Partial<ScenarioOutcome> = {}): ScenarioOutcome => ({
    ...scenarioOutcome(1, status),
    ...more,
  });
  const trace = [{ name: 'trace', path: 'reports/test-results/x-retry1/trace.zip' }];

  it('counts the failures with a trace, those the cap left without, and those that passed on their evidence run', () => {
    const tally = evidenceTally([
      scenario('passed'),
      scenario('failed', { attachments: trace, evidenceRun: { ran: true, status: 'failed', records: [] } }),
      scenario('flaky', { attachments: trace, evidenceRun: { ran: true, status: 'passed', records: [] } }),
      scenario('failed', { evidenceRun: { ran: false, why: leftOutSentence(2) } }),
    ]);
    expect(tally).toEqual({ failed: 3, traced: 2, leftOut: 1, why: leftOutSentence(2), passedOnEvidence: 1 });
    expect(traceLines(tally, 'reports/test-results')).toEqual([
      '  Traces of failed scenarios: 2 of 3, from their evidence runs: reports/test-results/**/trace.zip     (npx playwright show-trace <file>)',
      `    1 without one. ${leftOutSentence(2)}`,
      '    1 passed on their evidence run: flaky, and failed as their first attempt did',
    ]);
  });

  it('says a green run traced nothing', () => {
    expect(traceLines(evidenceTally([scenario('passed')]), 'reports/test-results')).toEqual([
      '  Traces of failed scenarios: none failed, none traced (a failure is run again with a trace)',
    ]);
  });
});
