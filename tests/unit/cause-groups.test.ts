import { describe, expect, it } from 'vitest';
import { groupCauses, type FailedCheck } from '../../harness/reporting/cause-groups.ts';

const check = (key: string, guideStep: string, namesAChange = false): FailedCheck => ({ key, guideStep, namesAChange });

describe('which failed checks of a run are one cause', () => {
  it('joins checks with the same key in any scenario, told by the first met', () => {
    const groups = groupCauses([[check('renamed', 'account.2', true)], [check('renamed', 'account.2', true)]]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.scenarios).toEqual([0, 1]);
  });

  it('folds a later check of the same guide step in one scenario into the earlier one', () => {
    const groups = groupCauses([[check('sessions kept', 'password.4'), check('says nothing', 'password.4')]]);
    expect(groups.map((g) => g.first.key)).toEqual(['sessions kept']);
    expect(groups[0]!.checks.map((c) => c.key)).toEqual(['sessions kept', 'says nothing']);
  });

  it('joins two scenarios through a consequence they share', () => {
    const groups = groupCauses([
      [check('sessions kept', 'password.4'), check('says nothing', 'password.4')],
      [check('back shows the account', 'password.4'), check('says nothing', 'password.4')],
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.first.key).toBe('sessions kept');
    expect(groups[0]!.scenarios).toEqual([0, 1]);
  });

  it('keeps a later check of another guide step apart: it may be another change', () => {
    const groups = groupCauses([[check('new password refused', 'password.3'), check('still signed in', 'password.4')]]);
    expect(groups.map((g) => g.first.key)).toEqual(['new password refused', 'still signed in']);
    expect(groups.map((g) => g.scenarios)).toEqual([[0], [0]]);
  });

  it('keeps a check that names a change of its own apart, even after another of the same step', () => {
    const groups = groupCauses([[check('button disabled', 'phone.4'), check('field renamed', 'phone.4', true)]]);
    expect(groups.map((g) => g.first.key)).toEqual(['button disabled', 'field renamed']);
  });

  it('has no cause when nothing failed', () => {
    expect(groupCauses([])).toEqual([]);
    expect(groupCauses([[]])).toEqual([]);
  });
});
