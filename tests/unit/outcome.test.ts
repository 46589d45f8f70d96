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
import { readStepsHeldBody, stepsHeldBody } from '../../harness/scenario/steps-held.ts';

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

// Each of these fails when the record of a failed check is broken in one small way (docs/mutation-testing.md).
describe('a failed check’s record, held to each of its parts', () => {
  const matcherError = (message: string, result: Record<string, unknown>) =>
    Object.assign(new Error(message), { matcherResult: { message, ...result } });

  it('keeps a GuideDrift’s evidence and rewrite, and adds no empty ones', () => {
    const rewrite = { kind: 'renamed' as const, guideLabel: 'Your Account', siteLabel: 'Account' };
    expect(recordOf(new GuideDrift('renamed', 'x', 'it offers Account', rewrite), step)).toStrictEqual({
      guideStep: step.id,
      guideSays: step.text,
      kind: 'renamed',
      siteShowed: 'x',
      evidence: 'it offers Account',
      rewrite,
    });
    expect(Object.keys(recordOf(new GuideDrift('missing', 'x'), step)!)).toEqual([
      'guideStep',
      'guideSays',
      'kind',
      'siteShowed',
    ]);
  });

  it('gives a reordering its two orders when the matcher compared lists of labels, and only then', () => {
    const kinds = { toBeInTheGuideOrder: 'reordered', toBeWhereTheGuideSays: 'moved' } as const;
    const lists = { expected: ['Phone', 'Password'], actual: ['Password', 'Phone'] };
    expect(recordOf(matcherError('order', { name: 'toBeInTheGuideOrder', ...lists }), step, kinds)?.rewrite).toEqual({
      kind: 'reordered',
      guideOrder: ['Phone', 'Password'],
      siteOrder: ['Password', 'Phone'],
    });
    const notLabels = { expected: ['Phone', 2], actual: ['Password', 'Phone'] };
    expect(recordOf(matcherError('o', { name: 'toBeInTheGuideOrder', ...notLabels }), step, kinds)).not.toHaveProperty(
      'rewrite',
    );
    expect(
      recordOf(matcherError('o', { name: 'toBeInTheGuideOrder', ...lists, actual: 'x' }), step, kinds),
    ).not.toHaveProperty('rewrite');
    expect(recordOf(matcherError('m', { name: 'toBeWhereTheGuideSays', ...lists }), step, kinds)).not.toHaveProperty(
      'rewrite',
    );
  });

  it('is no record for what is not an assertion: a matcher result on a non-error, or one without a name', () => {
    expect(recordOf({ matcherResult: { name: 'toBe', message: 'm' } }, step)).toBeUndefined();
    expect(recordOf(matcherError('m', { name: undefined }), step)).toBeUndefined();
    expect(recordOf(Object.assign(new Error('m'), { matcherResult: undefined }), step)).toBeUndefined();
  });

  it('sums up a matcher that says what it expected only in its message, trimmed and in lower case', () => {
    const message = [
      'expect(received).toHaveLength(expected)',
      '',
      '  Expected length:  2',
      'Received length: 3',
      'Received array:  ["a", "b", "c"]',
      'Call log: Received 3 answers',
    ].join('\n');
    expect(recordOf(matcherError(message, { name: 'toHaveLength', expected: 2 }), step)?.siteShowed).toBe(
      'The check toHaveLength failed: expected length 2, received length 3.',
    );
    expect(recordOf(matcherError('no numbers here', { name: 'toHaveCount' }), step)?.siteShowed).toBe(
      'The check toHaveCount failed: the site showed nothing that matched.',
    );
  });

  it('says in words that the page does not show what a step looks for, with or without the step’s sentence', () => {
    const shown = "Locator: getByRole('heading', { name: /account/i })\nExpected: visible\nTimeout: 5000ms";
    expect(recordOf(matcherError(shown, { name: 'toBeVisible', expected: 'visible' }), step)?.siteShowed).toBe(
      "The page does not show what this step looks for (getByRole('heading', { name: /account/i })).",
    );
    const claimed = Object.assign(new Error(`the page should say “Saved”\n\n${shown}`), {
      matcherResult: { name: 'toBeVisible', expected: 'visible', message: shown },
    });
    expect(recordOf(claimed, step)?.siteShowed).toBe('the page should say “Saved”, but the page does not show that.');
  });

  it('takes the sentence before the matcher’s message as the claim, and none when the message is another', () => {
    const said = (message: string, matcherMessage: string | undefined) =>
      recordOf(
        Object.assign(new Error(message), {
          matcherResult: { name: 'toBe', expected: 1, actual: 2, message: matcherMessage },
        }),
        step,
      )?.siteShowed;
    expect(said('the count should be one', undefined)).toBe('the count should be one: expected 1, the site showed 2.');
    expect(said('the count should be one\nexpect(2).toBe(1)', 'expect(2).toBe(1)')).toBe(
      'the count should be one: expected 1, the site showed 2.',
    );
    expect(said('something else entirely', 'expect(2).toBe(1)')).toBe(
      'The check toBe failed: expected 1, the site showed 2.',
    );
  });

  it('names the attachment a body that is not a record was read from', () => {
    expect(() => readOutcomeBody('{}', 'results.json')).toThrow(/^results\.json: not a guide outcome record/);
    expect(() => readStepsHeldBody('{}', 'results.json')).toThrow(/^results\.json: not a list of guide steps held/);
  });

  it('quotes a string, shows a pattern as written, and clips what is longer than 140 characters', () => {
    const summary = (expected: unknown, actual: unknown) =>
      recordOf(matcherError('m', { name: 'toBe', expected, actual }), step)?.siteShowed;
    expect(summary('Save', /Sub/)).toBe('The check toBe failed: expected “Save”, the site showed /Sub/.');
    expect(summary(undefined, 3)).toBe('The check toBe failed: the site showed 3.');
    const exact = 'a'.repeat(138);
    expect(summary(exact, 1)).toBe(`The check toBe failed: expected “${exact}”, the site showed 1.`);
    expect(summary(`${exact}b`, 1)).toBe(`The check toBe failed: expected “${exact}…, the site showed 1.`);
    const lines = Array.from({ length: 10 }, (_, i) => `Expected line ${i}: ${'x'.repeat(10)}`).join('\n');
    const clipped = recordOf(matcherError(lines, { name: 'toHaveText' }), step)!.siteShowed;
    expect(clipped).toBe(`The check toHaveText failed: ${clipped.slice(29, 29 + 139)}….`);
    expect(clipped.length).toBe(29 + 140 + 1);
    const exactly = recordOf(matcherError(`Expected: ${'x'.repeat(131)}`, { name: 'toHaveText' }), step)!.siteShowed;
    expect(exactly).toBe(`The check toHaveText failed: expected ${'x'.repeat(131)}.`);
  });
});

describe('an outcome record as an attachment, with each kind of rewrite', () => {
  it('goes through an attachment body and back unchanged', () => {
    const rewrites: OutcomeRecord['rewrite'][] = [
      { kind: 'renamed', guideLabel: 'Your Account', siteLabel: 'Account' },
      { kind: 'moved', guideLabel: 'Sign In', where: 'in the footer' },
      { kind: 'missing', guideLabel: 'Confirm' },
      { kind: 'reordered', guideOrder: ['a', 'b'], siteOrder: ['b', 'a'] },
    ];
    for (const rewrite of rewrites) {
      const withRewrite = { ...record, rewrite };
      expect(readOutcomeBody(outcomeBody(withRewrite), 'here')).toEqual(withRewrite);
    }
  });
});

describe('the guide steps a scenario held, as an attachment', () => {
  it('goes through an attachment body and back unchanged, and refuses an empty step id', () => {
    expect(readStepsHeldBody(stepsHeldBody(['sign-in.1', 'account.2']), 'here')).toEqual(['sign-in.1', 'account.2']);
    expect(() => stepsHeldBody([''])).toThrow();
  });
});
