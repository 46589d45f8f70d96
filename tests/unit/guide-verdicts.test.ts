import { describe, expect, it } from 'vitest';
import type { Guide, GuideStep } from '../../harness/guide/guide.ts';
import { guideVerdicts } from '../../harness/reporting/guide-verdicts.ts';
import { shownVerdict } from '../../harness/reporting/illustrated-guide.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import type { ScenarioOutcome, ScenarioStatus } from '../../harness/reporting/scenario-outcome.ts';
import { finding } from '../support/findings.ts';

const step = (id: string, kind: GuideStep['kind'] = 'action'): GuideStep => ({
  id,
  section: 'account',
  kind,
  text: `the guide's words for ${id}`,
  textHash: '',
});
const guide: Guide = {
  slug: 'a-guide',
  source: 'guide.txt',
  title: 'A guide',
  steps: [step('intro', 'intro'), ...['a.1', 'a.2', 'a.3', 'a.4', 'a.5', 'a.6'].map((id) => step(id))],
};
const record = (guideStep: string, kind: OutcomeRecord['kind'] = 'renamed'): OutcomeRecord => ({
  guideStep,
  kind,
  guideSays: `the guide's words for ${guideStep}`,
  siteShowed: `what the site showed at ${guideStep}`,
});
let line = 0;
const scenario = (status: ScenarioStatus, guideSteps: string[], records: OutcomeRecord[] = []): ScenarioOutcome => ({
  scenario: { file: 'features/x.feature', line: ++line, name: `scenario ${line}` },
  status,
  findings: [],
  tags: guideSteps.map((id) => `guide:${id}`),
  guideSteps,
  records,
  error: status === 'failed' ? 'Timeout 10000ms exceeded.\nCall log: …' : undefined,
  attachments: [],
});
const verdictsOf = (outcomes: ScenarioOutcome[]) =>
  Object.fromEntries(guideVerdicts(guide, outcomes).map((v) => [v.step.id, [v.verdict, v.reason]]));

describe('the verdict of each guide step', () => {
  it('blames only the step a record names; the other steps of the failed scenario are not reached', () => {
    const verdicts = verdictsOf([scenario('failed', ['a.1', 'a.2', 'a.3'], [record('a.2')])]);
    expect(verdicts['a.2']).toEqual(['drifted', 'Drift (renamed): what the site showed at a.2']);
    expect(verdicts['a.3']).toEqual(['not reached', 'its scenario failed at guide step a.2 (renamed)']);
    expect(verdicts['a.1']?.[0]).toBe('not reached');
  });

  it('keeps a step verified when some scenario of it passed and no record names it', () => {
    const verdicts = verdictsOf([scenario('failed', ['a.1', 'a.2'], [record('a.2')]), scenario('passed', ['a.1'])]);
    expect(verdicts['a.1']).toEqual(['verified', undefined]);
    expect(verdicts['a.2']?.[0]).toBe('drifted');
  });

  it('verifies no step by a flaky scenario: its first attempt failed, and only what that attempt found true holds', () => {
    const flaky = { ...scenario('flaky', ['a.1', 'a.2']), error: 'Timeout 10000ms exceeded.', held: ['a.1'] };
    const verdicts = verdictsOf([flaky]);
    expect(verdicts['a.1']).toEqual(['verified', undefined]);
    expect(verdicts['a.2']?.[0]).toBe('failed');
  });

  it('marks a step drifted even when another scenario of it passed', () => {
    const verdicts = verdictsOf([scenario('passed', ['a.2']), scenario('failed', ['a.2'], [record('a.2')])]);
    expect(verdicts['a.2']?.[0]).toBe('drifted');
  });

  it('blames a step a record names even when the scenario is not tagged with it', () => {
    const verdicts = verdictsOf([scenario('failed', ['a.4'], [record('a.1', 'moved')])]);
    expect(verdicts['a.1']).toEqual(['drifted', 'Drift (moved): what the site showed at a.1']);
    expect(verdicts['a.4']?.[0]).toBe('not reached');
  });

  it('shows the first cause when a scenario’s soft checks found several', () => {
    const verdicts = verdictsOf([
      scenario('failed', ['a.5'], [record('a.5', 'behaviour'), record('a.5', 'missing'), record('a.6', 'missing')]),
    ]);
    expect(verdicts['a.5']).toEqual(['drifted', 'Drift (behaviour): what the site showed at a.5']);
    expect(verdicts['a.6']?.[0]).toBe('drifted');
  });

  it('says a scenario failed without naming a drift, rather than blaming a step', () => {
    const verdicts = verdictsOf([scenario('failed', ['a.3'])]);
    expect(verdicts['a.3']?.[0]).toBe('failed');
    expect(verdicts['a.3']?.[1]).toMatch(/failed without naming a drift: Timeout 10000ms exceeded\.$/);
  });

  it('tells apart steps not run, not covered, and prose', () => {
    const verdicts = verdictsOf([scenario('skipped', ['a.1'])]);
    expect(verdicts['a.1']?.[0]).toBe('not run');
    expect(verdicts['a.2']?.[0]).toBe('not covered');
    expect(verdicts['intro']?.[0]).toBe('prose');
  });
});

describe('the guide’s verdict beside the site’s findings', () => {
  it('stays verified when the only scenario of a step failed on a finding (a broken security promise)', () => {
    const promise = { ...scenario('failed', ['a.1']), findings: [finding({ class: 'security', guideStep: 'a.1' })] };
    expect(verdictsOf([promise])['a.1']).toEqual(['verified', undefined]);
  });

  it('is still drifted when a record names the step, whatever findings came with it', () => {
    const both = { ...scenario('failed', ['a.1'], [record('a.1')]), findings: [finding({ guideStep: 'a.1' })] };
    expect(verdictsOf([both])['a.1']?.[0]).toBe('drifted');
  });

  it('says failed for a failure that neither a record nor a finding explains', () => {
    expect(verdictsOf([scenario('failed', ['a.1'])])['a.1']?.[0]).toBe('failed');
  });
});

describe('each step judged by its own checks', () => {
  it('verifies the steps a failed scenario found true before it failed, and only those', () => {
    const failedAtA3 = { ...scenario('failed', ['a.1', 'a.2', 'a.3', 'a.4'], [record('a.3')]), held: ['a.1', 'a.2'] };
    const verdicts = verdictsOf([failedAtA3]);
    expect(verdicts['a.1']?.[0]).toBe('verified');
    expect(verdicts['a.2']?.[0]).toBe('verified');
    expect(verdicts['a.3']?.[0]).toBe('drifted');
    expect(verdicts['a.4']?.[0]).toBe('not reached');
  });

  it('verifies a step found true before a crash at a later step, and leaves the crashed step failed', () => {
    const crashed = { ...scenario('failed', ['a.1', 'a.2']), held: ['a.1'] };
    const verdicts = verdictsOf([crashed]);
    expect(verdicts['a.1']?.[0]).toBe('verified');
    expect(verdicts['a.2']?.[0]).toBe('failed');
  });
});

describe('a sentence with alternatives, one of which did not work', () => {
  const note = { guideStep: 'a.1', says: 'Hovering over the profile name “Sam” opens nothing; a click does.' };

  it('stays verified, with the note beside it once however many scenarios met it', () => {
    const verdicts = guideVerdicts(guide, [
      { ...scenario('passed', ['a.1', 'a.2']), notes: [note] },
      { ...scenario('passed', ['a.1']), notes: [note] },
    ]);
    const a1 = verdicts.find((v) => v.step.id === 'a.1');
    expect(a1?.verdict).toBe('verified');
    expect(a1?.notes).toEqual([note]);
    expect(a1?.records).toEqual([]);
    expect(verdicts.find((v) => v.step.id === 'a.2')?.notes).toEqual([]);
  });
});

describe('why a step was not run', () => {
  const skipped = (guideSteps: string[], skipReason?: string): ScenarioOutcome => ({
    ...scenario('skipped', guideSteps),
    ...(skipReason && { skipReason }),
  });

  it('says the test-control API, a skip reason, or nothing (left out of the selection)', () => {
    const verdicts = verdictsOf([
      skipped(['a.1'], "needs the site's test-control API (GUIDE_ACCOUNTS_FILE mode): it reads the account's sessions"),
      skipped(['a.2'], 'the site profile says the site has no text messages'),
      skipped(['a.3']),
      scenario('not run', ['a.4']),
    ]);
    expect(verdicts['a.1']).toEqual(['not run', "needs the test-control API: it reads the account's sessions"]);
    expect(verdicts['a.2']).toEqual([
      'not run',
      'its scenarios were skipped: the site profile says the site has no text messages',
    ]);
    expect(verdicts['a.3']).toEqual(['not run', undefined]);
    expect(verdicts['a.4']).toEqual(['not run', undefined]);
  });

  it('keeps a step whose scenarios were skipped with a reason out of "not run in this selection"', () => {
    const [a1, , a3] = guideVerdicts(guide, [
      skipped(['a.1'], 'needs the test-control API: x'),
      skipped(['a.3']),
    ]).filter((v) => v.verdict !== 'prose');
    expect(shownVerdict(a1!, false, 1, true)).toBe('not run');
    expect(shownVerdict(a3!, false, 1, true)).toBe('not selected');
  });
});

// Each of these fails when the verdict rule is broken in one small way (docs/mutation-testing.md).
describe('the verdict rule, held to each of its conditions', () => {
  it('does not count another step’s record against a step with no scenario of its own', () => {
    const verdicts = verdictsOf([scenario('failed', ['a.1'], [record('a.1')])]);
    expect(verdicts['a.5']).toEqual(['not covered', undefined]);
  });

  it('takes the reason of the first skipped scenario that gives one, not of a scenario not run', () => {
    const reasonless = { ...scenario('not run', ['a.1']) };
    const skipped = { ...scenario('skipped', ['a.1']), skipReason: 'the site has no text messages' };
    expect(verdictsOf([reasonless, skipped])['a.1']).toEqual([
      'not run',
      'its scenarios were skipped: the site has no text messages',
    ]);
  });

  it('passes over a scenario skipped without a reason to the one that gives it', () => {
    const unselected = scenario('skipped', ['a.1']);
    const skipped = { ...scenario('skipped', ['a.1']), skipReason: 'the site has no text messages' };
    expect(verdictsOf([unselected, skipped])['a.1']?.[1]).toBe(
      'its scenarios were skipped: the site has no text messages',
    );
  });

  it('shows the first line of an unexplained failure, or says there was no message', () => {
    const blank = { ...scenario('failed', ['a.1']), error: '\n  Target page closed\n  at line 3' };
    const silent = { ...scenario('failed', ['a.2']), error: undefined };
    const verdicts = verdictsOf([blank, silent]);
    expect(verdicts['a.1']?.[1]).toMatch(/failed without naming a drift: Target page closed$/);
    expect(verdicts['a.2']?.[1]).toMatch(/failed without naming a drift: no message$/);
  });
});
