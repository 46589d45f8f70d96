import { describe, expect, it } from 'vitest';
import { expect as playwrightExpect } from '@playwright/test';
import {
  CATEGORY_RULES,
  DRIFT_CATEGORY_KINDS,
  DRIFT_LABEL as ALLURE_DRIFT_LABEL,
  DRIFT_STEP_LABEL as ALLURE_DRIFT_STEP_LABEL,
} from '../../harness/reporting/allure-categories.mjs';
import {
  DRIFT_KINDS,
  DRIFT_LABEL,
  DRIFT_STEP_LABEL,
  driftLine,
  outcomeBody,
  outcomeRecordSchema,
  readOutcomeBody,
  type DriftKind,
  type OutcomeRecord,
} from '../../harness/scenario/outcome.ts';
import { DRIFT_VARIANTS, type DriftKind as MockDriftKind } from '../../mock-server/index.ts';
import { GuideDrift } from '../../pages/support/drift.ts';
import { recordOf } from '../../harness/scenario/failed-check.ts';

const record: OutcomeRecord = {
  guideStep: 'account.2',
  kind: 'renamed',
  guideSays: 'You will get to see a pop-up menu, and you should click on “Your Account” there.',
  siteShowed: 'The profile’s pop-up menu has no “Your Account”; the closest is “Account”.',
};
const step = { id: record.guideStep, text: record.guideSays };

// Fails to compile when the mock's kinds and the harness's differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mockKindsAgree: Same<MockDriftKind, DriftKind> = true;

describe('the outcome record', () => {
  it('goes through an attachment body and back unchanged', () => {
    expect(readOutcomeBody(outcomeBody(record), 'test')).toEqual(record);
    expect(readOutcomeBody(outcomeBody({ ...record, evidence: 'raw' }), 'test').evidence).toBe('raw');
  });

  it('refuses a kind that is not one of the kinds, and a record with nothing shown', () => {
    expect(outcomeRecordSchema.safeParse({ ...record, kind: 'vanished' }).success).toBe(false);
    expect(outcomeRecordSchema.safeParse({ ...record, siteShowed: '' }).success).toBe(false);
    expect(() => readOutcomeBody(JSON.stringify({ guideStep: 'x' }), 'report.json')).toThrow(/report\.json/);
  });

  it('reads as one drift line', () => {
    expect(driftLine(record)).toBe(`Drift (renamed): ${record.siteShowed}`);
  });

  it('has the same kinds in the mock, in Allure’s categories and in the harness', () => {
    expect(mockKindsAgree).toBe(true);
    expect(DRIFT_CATEGORY_KINDS).toEqual([...DRIFT_KINDS]);
    expect(ALLURE_DRIFT_LABEL).toBe(DRIFT_LABEL);
    expect(ALLURE_DRIFT_STEP_LABEL).toBe(DRIFT_STEP_LABEL);
    for (const variant of DRIFT_VARIANTS) expect(DRIFT_KINDS).toContain(variant.kind);
    const names = CATEGORY_RULES.map((rule) => rule.name);
    for (const kind of DRIFT_KINDS) expect(names).toContain(`Guide drift (${kind})`);
  });
});

describe('a failed check becomes a record', () => {
  it('from a page object’s GuideDrift: its kind and what the site showed', () => {
    const drift = new GuideDrift('renamed', record.siteShowed);
    expect(drift.message).toBe(`Drift (renamed): ${record.siteShowed}`);
    expect(recordOf(drift, step)).toEqual(record);
  });

  it('from a plain assertion: behaviour, one sentence, the raw diff kept as evidence', () => {
    let error: unknown;
    try {
      playwrightExpect({ stillSignedIn: ['B'] }, 'device B should be signed out').toEqual({ stillSignedIn: [] });
    } catch (caught) {
      error = caught;
    }
    const made = recordOf(error, step);
    expect(made?.kind).toBe('behaviour');
    expect(made?.siteShowed).toBe(
      'device B should be signed out: expected {"stillSignedIn":[]}, the site showed {"stillSignedIn":["B"]}.',
    );
    expect(made?.evidence).toContain('toEqual');
    expect(made?.siteShowed).not.toContain('\n');
  });

  it('from a custom matcher: the kind it stands for, its message as what the site showed', () => {
    const error = Object.assign(new Error('the fields'), {
      matcherResult: { name: 'toBeInTheGuideOrder', pass: false, message: 'The guide has phone, then password.' },
    });
    expect(recordOf(error, step, { toBeInTheGuideOrder: 'reordered' })).toEqual({
      guideStep: step.id,
      guideSays: step.text,
      kind: 'reordered',
      siteShowed: 'The guide has phone, then password.',
    });
  });

  it('not from a crash or a timeout while acting', () => {
    expect(recordOf(new Error('Timeout 10000ms exceeded.'), step)).toBeUndefined();
  });
});
