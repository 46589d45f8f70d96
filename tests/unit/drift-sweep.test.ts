import { describe, expect, it } from 'vitest';
import { judgeVariant } from '../../harness/reporting/drift-sweep.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';

const record = (guideStep: string, kind: OutcomeRecord['kind']): OutcomeRecord => ({
  guideStep,
  kind,
  guideSays: 'the guide’s words',
  siteShowed: `the site at ${guideStep}`,
});
const scenario = (status: ScenarioStatus, records: OutcomeRecord[] = [], error?: string): ScenarioOutcome => ({
  scenario: { file: 'features/x.feature', line: 1, name: 'x' },
  status,
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
