import { describe, expect, it } from 'vitest';
import {
  attribute,
  blockingSentence,
  blockingViolation,
  controlFindings,
  scanMode,
  UNDOABLE_RULES,
} from '../../harness/scenario/accessibility.ts';
import { applySuggestions, rewriteSentence, suggestions, unifiedDiff } from '../../harness/reporting/guide-rewrite.ts';
import { guideStep, loadGuide } from '../../harness/guide/guide.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { MAX_TAB_PRESSES, unreachedReason, walkByTab, type TabStop } from '../../pages/support/keyboard.ts';

const text = (id: string) => guideStep(id).text;

describe('a suggested rewrite, from the drift record alone', () => {
  it('renames the quoted label in the guide’s own sentence', () => {
    expect(
      rewriteSentence(text('account.2'), { kind: 'renamed', guideLabel: 'Your Account', siteLabel: 'Account' }),
    ).toBe('You will get to see a pop-up menu, and you should click on “Account” there.');
  });

  it('says where a moved control is now, in the sentence’s own end', () => {
    expect(
      rewriteSentence(text('account.6'), { kind: 'moved', guideLabel: 'Change Password', where: 'under “SETTINGS”' }),
    ).toBe('Click on the “Change Password” text button, now under “SETTINGS”.');
  });

  it('drops a sentence whose label is gone, and leaves a sentence that does not name it', () => {
    expect(rewriteSentence(text('phone.5'), { kind: 'missing', guideLabel: 'Save' })).toBe('');
    expect(rewriteSentence(text('phone.4'), { kind: 'missing', guideLabel: 'Save' })).toBeUndefined();
  });

  it('swaps the field ordinals of a reordered form, each sentence by the thing it places', () => {
    const hint = {
      kind: 'reordered' as const,
      guideOrder: ['the phone number', 'the password'],
      siteOrder: ['the password', 'the phone number'],
    };
    expect(rewriteSentence(text('phone.2'), hint)).toBe(
      'On the following page, you need to enter the phone number you want to add in the second field.',
    );
    expect(rewriteSentence(text('phone.3'), hint)).toBe('Type the actual password in the first field.');
  });

  it('gathers one suggestion per step, and a diff and marked text that carry it', () => {
    const guide = loadGuide();
    const record: OutcomeRecord = {
      guideStep: 'account.2',
      kind: 'renamed',
      guideSays: text('account.2'),
      siteShowed: 'The pop-up has no “Your Account”; in its place is “Account”.',
      rewrite: { kind: 'renamed', guideLabel: 'Your Account', siteLabel: 'Account' },
    };
    const found = suggestions(guide, [record, { ...record, rewrite: undefined }]);
    expect(found).toHaveLength(1);
    const before = `Title\n\n  • ${text('account.1')} ${text('account.2')}\nEnd`;
    const diff = unifiedDiff('guide/g.txt', before, applySuggestions(before, found));
    expect(diff).toContain('-  • Go to the settings');
    expect(diff).toContain('click on “Account” there.');
    expect(diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toHaveLength(1);
    expect(applySuggestions(before, found, (s) => `~~${s.was}~~ **${s.text}**`)).toContain('**You will get');
  });
});

describe('accessibility violations, attributed to the step', () => {
  const violation = (onStepControl: boolean, impact: 'serious' | 'minor' = 'serious', rule = 'button-name') => ({
    rule,
    impact,
    help: 'Elements must meet minimum color contrast ratio thresholds',
    nodes: [{ selector: 'button', name: 'Save', onStepControl }],
  });

  it('fails the step only for a serious or critical violation on its own control that makes it undoable', () => {
    const record = (v: ReturnType<typeof violation>) => ({
      guideStep: 'phone.5',
      url: 'http://site/phone',
      scanMs: 1,
      violations: attribute([v], 'http://site/phone', new Set()),
    });
    expect(blockingViolation(record(violation(false)))).toBeUndefined();
    expect(blockingViolation(record(violation(true, 'minor')))).toBeUndefined();
    const blocking = blockingViolation(record(violation(true)))!;
    expect(blockingSentence(blocking)).toBe(
      'The control “Save” breaks the accessibility rule “button-name” (serious): Elements must meet minimum color contrast ratio thresholds.',
    );
  });

  it('makes a low contrast on the step’s control a finding about the site, not a drift: the step can still be done', () => {
    const record = {
      guideStep: 'phone.5',
      url: 'http://site/phone',
      scanMs: 1,
      violations: attribute([violation(true, 'serious', 'color-contrast')], 'http://site/phone', new Set()),
    };
    expect(blockingViolation(record)).toBeUndefined();
    expect(controlFindings(record).map(({ violation: v, name }) => [v.rule, name])).toEqual([
      ['color-contrast', 'Save'],
    ]);
    expect([...UNDOABLE_RULES]).toEqual(expect.arrayContaining(['button-name', 'link-name', 'label']));
    expect(UNDOABLE_RULES.has('color-contrast')).toBe(false);
  });

  it('lists a page-wide violation once per page, but one on the step’s control every time', () => {
    const listed = new Set<string>();
    expect(attribute([violation(false)], 'u', listed)).toHaveLength(1);
    expect(attribute([violation(false)], 'u', listed)).toHaveLength(0);
    expect(attribute([violation(true)], 'u', listed)).toHaveLength(1);
  });

  it('scans once a run unless told otherwise, and refuses a mode it does not know', () => {
    expect(scanMode(undefined)).toBe('run');
    expect(scanMode('scenario')).toBe('scenario');
    expect(() => scanMode('always')).toThrow(/scenario, run or off/);
  });
});

describe('reaching a control with Tab', () => {
  const walk = (stops: TabStop[]) => {
    let i = 0;
    return () => Promise.resolve(stops[i++] ?? { onTarget: false, key: `other-${i}` });
  };

  it('counts the presses to the control', async () => {
    expect(
      await walkByTab(
        walk([
          { onTarget: false, key: 'a' },
          { onTarget: true, key: 'b' },
        ]),
      ),
    ).toEqual({
      reached: true,
      presses: 2,
    });
  });

  it('gives up at the limit, when the focus goes round, or when it stays put', async () => {
    expect(await walkByTab(walk([]))).toMatchObject({ reached: false, presses: MAX_TAB_PRESSES, why: 'limit' });
    const round = [{ key: 'a' }, { key: null }, { key: 'b' }, { key: 'a' }].map((s) => ({ onTarget: false, ...s }));
    expect(await walkByTab(walk(round))).toMatchObject({ reached: false, presses: 4, why: 'cycled' });
    const stuck = [{ key: 'a' }, { key: 'a' }].map((s) => ({ onTarget: false, ...s }));
    const result = await walkByTab(walk(stuck));
    expect(result).toMatchObject({ why: 'stuck', presses: 2 });
    if (!result.reached) expect(unreachedReason(result)).toBe('the focus stayed on one element after 2 presses of Tab');
  });
});
