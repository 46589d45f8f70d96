import { describe, expect, it } from 'vitest';
import { judgeVariant, traceCell, traceCount } from '../../harness/reporting/drift-sweep.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';
import { finding } from '../support/findings.ts';

const record = (guideStep: string, kind: OutcomeRecord['kind']): OutcomeRecord => ({
  guideStep,
  kind,
  guideSays: 'the guide’s words',
  siteShowed: `the site at ${guideStep}`,
});
const scenario = (status: ScenarioStatus, records: OutcomeRecord[] = [], error?: string): ScenarioOutcome => ({
  scenario: { file: 'features/x.feature', line: 1, name: 'x' },
  status,
  findings: [],
  tags: [],
  guideSteps: [],
  records,
  error,
  attachments: [],
});
const variant = { caughtBy: ['account.5', 'account.6'], kind: 'renamed' as const };

describe('the drift sweep’s verdict on a variant', () => {
  it('is caught when a record names an expected guide step with the expected kind', () => {
    const judged = judgeVariant(variant, [
      scenario('failed', [record('sign-in.4', 'behaviour'), record('account.6', 'renamed')]),
    ]);
    expect(judged.verdict).toBe('caught');
    expect(judged.message).toBe('Drift (renamed): the site at account.6');
    expect(judged.guideSteps).toEqual(['sign-in.4', 'account.6']);
  });

  it('is caught by the wrong kind when the expected step names another kind', () => {
    expect(judgeVariant(variant, [scenario('failed', [record('account.5', 'missing')])]).verdict).toBe(
      'caught by the wrong kind',
    );
  });

  it('is caught by the wrong step when only other steps have records, even of the right kind', () => {
    const judged = judgeVariant(variant, [scenario('failed', [record('phone.1', 'renamed')])]);
    expect(judged.verdict).toBe('caught by the wrong step');
    expect(judged.message).toBe('phone.1: Drift (renamed): the site at phone.1');
  });

  it('counts a flaky scenario’s records, and no passing one', () => {
    expect(judgeVariant(variant, [scenario('flaky', [record('account.5', 'renamed')])]).verdict).toBe('caught');
    expect(judgeVariant(variant, [scenario('passed'), scenario('skipped')]).verdict).toBe('survived');
  });

  it('says when the failure named no drift at all', () => {
    const judged = judgeVariant(variant, [scenario('failed', [], 'Timeout 10000ms exceeded.\nCall log: …')]);
    expect(judged).toMatchObject({ verdict: 'failed without naming a drift', message: 'Timeout 10000ms exceeded.' });
  });
});

describe('the drift sweep’s verdict on a defect of the site that leaves the guide true', () => {
  const contrast = { caughtBy: ['phone.5'], kind: 'unusable' as const, finding: 'accessibility' as const };
  const met = (status: ScenarioStatus, ...findings: ReturnType<typeof finding>[]) => ({
    ...scenario(status),
    findings,
  });

  it('is caught by a finding of its class at an expected step, even in passing scenarios', () => {
    const judged = judgeVariant(contrast, [met('passed', finding({ guideStep: 'phone.5', subject: 'Save' }))]);
    expect(judged.verdict).toBe('caught');
    expect(judged.guideSteps).toEqual(['phone.5']);
    expect(judged.message).toMatch(/^Site finding \(accessibility\): /);
  });

  it('is “reported as a drift” when a guide step was said to drift, even with the finding there', () => {
    const judged = judgeVariant(contrast, [
      met('passed', finding({ guideStep: 'phone.5' })),
      scenario('failed', [record('phone.5', 'unusable')]),
    ]);
    expect(judged.verdict).toBe('reported as a drift');
    expect(judged.message).toBe('phone.5: Drift (unusable): the site at phone.5');
  });

  it('is caught by the wrong step, or survives, otherwise', () => {
    expect(judgeVariant(contrast, [met('passed', finding({ guideStep: 'phone.1' }))]).verdict).toBe(
      'caught by the wrong step',
    );
    expect(judgeVariant(contrast, [met('passed', finding({ class: 'security', guideStep: 'phone.5' }))]).verdict).toBe(
      'survived',
    );
  });

  it('is caught when a broken security promise failed its scenario on the finding alone', () => {
    const lock = { caughtBy: ['sign-in.4'], kind: 'behaviour' as const, finding: 'security' as const };
    const judged = judgeVariant(lock, [met('failed', finding({ class: 'security', guideStep: 'sign-in.4' }))]);
    expect(judged.verdict).toBe('caught');
  });
});

// Each of these fails when the sweep's rule is broken in one small way (docs/mutation-testing.md).
describe('the drift sweep’s verdict, held to each of its conditions', () => {
  const findingVariant = { caughtBy: ['phone.5'], kind: 'behaviour' as const, finding: 'security' as const };

  it('calls a finding variant survived when nothing failed and no finding of its class was met', () => {
    const elsewhere = { ...scenario('passed'), findings: [finding({ class: 'accessibility', guideStep: 'phone.5' })] };
    expect(judgeVariant(findingVariant, [scenario('passed'), elsewhere])).toMatchObject({
      verdict: 'survived',
      message: '',
    });
  });

  it('does not call a finding variant survived when a scenario failed without naming anything', () => {
    expect(judgeVariant(findingVariant, [scenario('failed', [], 'Timeout')]).verdict).toBe(
      'failed without naming a drift',
    );
  });

  it('says where a finding variant’s finding was met, when at the wrong step', () => {
    const wrong = finding({ class: 'security', guideStep: 'sign-in.3', says: 'It named the email.' });
    expect(judgeVariant(findingVariant, [{ ...scenario('failed'), findings: [wrong] }])).toMatchObject({
      verdict: 'caught by the wrong step',
      guideSteps: ['sign-in.3'],
      message: 'sign-in.3: Site finding (security): It named the email.',
    });
  });

  it('calls a variant survived with no message when every scenario passed', () => {
    expect(judgeVariant(variant, [scenario('passed')])).toMatchObject({ verdict: 'survived', message: '' });
  });

  it('shows the first line of the first failure that has a message', () => {
    const judged = judgeVariant(variant, [scenario('failed'), scenario('failed', [], '\n  Target closed\n  at x')]);
    expect(judged).toMatchObject({ verdict: 'failed without naming a drift', message: 'Target closed' });
    expect(judgeVariant(variant, [scenario('failed')]).message).toBe('no message');
  });
});

describe('the drift sweep’s count of traces', () => {
  const traced = (status: ScenarioStatus): ScenarioOutcome => ({
    ...scenario(status),
    attachments: [{ name: 'trace', path: 'test-results/x-retry1/trace.zip' }],
  });

  it('counts every failed or flaky scenario, and those whose evidence run left a trace', () => {
    const outcomes = [traced('failed'), scenario('failed'), traced('flaky'), scenario('passed'), scenario('skipped')];
    expect(traceCount(outcomes)).toEqual({ failed: 3, traced: 2 });
    expect(judgeVariant(variant, outcomes).traces).toEqual({ failed: 3, traced: 2 });
  });

  it('reads yes when every failure has a trace, no with the count otherwise, — when nothing failed', () => {
    expect(traceCell({ failed: 2, traced: 2 })).toBe('yes');
    expect(traceCell({ failed: 2, traced: 1 })).toBe('no (1 of 2)');
    expect(traceCell({ failed: 0, traced: 0 })).toBe('—');
  });
});
