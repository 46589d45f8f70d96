import { describe, expect, it } from 'vitest';
import { failingClasses, gatherFindings, runAnswer, type SiteFinding } from '../../harness/reporting/site-findings.ts';
import type { StepVerdict } from '../../harness/reporting/guide-verdicts.ts';
import { lookSentence } from '../../harness/reporting/guide-looks.ts';
import { guideVerdicts } from '../../harness/reporting/guide-verdicts.ts';
import type { Guide, GuideStep } from '../../harness/guide/guide.ts';
import type { ScenarioOutcome } from '../../harness/reporting/scenario-outcome.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';
import { finding } from '../support/findings.ts';
import type { LookRecord } from '../../harness/reporting/guide-looks.ts';
import {
  FINDING_CLASSES,
  FINDING_LABEL,
  findingBody,
  findingHeading,
  findingKey,
  pageOf,
  promiseOf,
  readFindingBody,
} from '../../harness/scenario/finding.ts';
import {
  CATEGORY_RULES,
  FINDING_CATEGORY_CLASSES,
  FINDING_LABEL as ALLURE_FINDING_LABEL,
} from '../../harness/reporting/allure-categories.mjs';

const DEFAULTS = { accessibility: 'fail', security: 'fail', resilience: 'fail', looks: 'warn' } as const;

const met = (line: number, ...findings: ReturnType<typeof finding>[]): ScenarioOutcome => ({
  ...scenarioOutcome(line, 'passed'),
  findings,
});

const look = (guideStep: string, verdict: LookRecord['verdict']): LookRecord => ({
  guide: 'a-guide',
  guideStep,
  verdict,
  differentPixels: 900,
  totalPixels: 10_000,
  threshold: 0.002,
  size: { width: 100, height: 100 },
});

describe('the site’s findings, each once', () => {
  it('lists one finding met in 40 scenarios once, with every scenario and guide step that met it', () => {
    const outcomes = Array.from({ length: 40 }, (_, i) =>
      met(i + 1, finding({ guideStep: i % 2 ? 'phone.1' : 'account.5' })),
    );
    const findings = gatherFindings(outcomes, DEFAULTS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'fail', guideSteps: ['account.5', 'phone.1'] });
    expect(findings[0]!.scenarios).toHaveLength(40);
  });

  it('tells findings apart by rule, page and subject', () => {
    const findings = gatherFindings(
      [
        met(1, finding(), finding({ subject: 'Save' }), finding({ page: '/phone' }), finding({ rule: 'target-size' })),
        met(2, finding()),
      ],
      DEFAULTS,
    );
    expect(findings).toHaveLength(4);
  });

  it('counts a look that differs as a warning of the class looks, and none when the profile turns looks off', () => {
    const outcome = { ...scenarioOutcome(1, 'passed'), looks: [look('a.1', 'looks different'), look('a.2', 'same')] };
    expect(gatherFindings([outcome], DEFAULTS)).toMatchObject([
      { policy: 'warn', record: { class: 'looks', guideStep: 'a.1' } },
    ]);
    expect(gatherFindings([outcome], { ...DEFAULTS, looks: 'off' })).toEqual([]);
  });

  it('follows the profile: a warned class does not fail the run, and failing findings come first', () => {
    const findings = gatherFindings(
      [met(1, finding(), finding({ class: 'security', rule: 'ASVS 2.2.1', subject: 'Guesses at once' }))],
      { ...DEFAULTS, accessibility: 'warn' },
    );
    expect(findings.map((f) => [f.record.class, f.policy])).toEqual([
      ['security', 'fail'],
      ['accessibility', 'warn'],
    ]);
  });
});

describe('the run’s two answers', () => {
  const step = (id: string): GuideStep => ({ id, section: 's', kind: 'action', text: id, textHash: '' });
  const guide: Guide = { slug: 'g', source: 'g.txt', title: 'G', steps: [step('a.1'), step('a.2')] };
  const tagged = (line: number, status: 'passed' | 'failed', ids: string[]): ScenarioOutcome => ({
    ...scenarioOutcome(line, status),
    tags: ids.map((id) => `guide:${id}`),
    guideSteps: ids,
  });

  it('says the guide holds and the site’s findings failed the run, when only findings were met', () => {
    const outcomes = [{ ...tagged(1, 'passed', ['a.1', 'a.2']), findings: [finding({ guideStep: 'a.1' })] }];
    const answer = runAnswer(guideVerdicts(guide, outcomes), gatherFindings(outcomes, DEFAULTS));
    expect(answer.guideHolds).toBe(true);
    expect(answer.failingFindings).toHaveLength(1);
    expect(answer.lines).toEqual([
      'The guide: holds; 2 of 2 checked steps verified.',
      'The site: 1 finding(s) that fail the run (accessibility), 0 warning(s).',
      'This run failed because of: site findings (accessibility).',
    ]);
  });

  it('says which steps do not hold, and no failure line when all is well', () => {
    const drifted = {
      ...tagged(1, 'failed', ['a.1']),
      records: [{ guideStep: 'a.1', kind: 'renamed' as const, guideSays: 'a.1', siteShowed: 'x' }],
    };
    const answer = runAnswer(guideVerdicts(guide, [drifted, tagged(2, 'passed', ['a.2'])]), []);
    expect(answer.lines).toEqual([
      'The guide: does not hold at 1 step(s) (a.1 drifted); 1 of 2 checked steps verified.',
      'The site: no findings.',
      'This run failed because of: the guide drifted.',
    ]);
    expect(runAnswer(guideVerdicts(guide, [tagged(1, 'passed', ['a.1', 'a.2'])]), []).lines).toHaveLength(2);
    expect(runAnswer(guideVerdicts(guide, [tagged(1, 'passed', ['a.1'])]), []).lines[0]).toBe(
      'The guide: holds; 1 of 1 checked steps verified (1 not checked in this run).',
    );
  });
});

describe('Allure’s categories of findings', () => {
  it('know every class of finding, by the label the fixtures give, after every kind of drift', () => {
    expect(FINDING_CATEGORY_CLASSES).toEqual([...FINDING_CLASSES]);
    expect(ALLURE_FINDING_LABEL).toBe(FINDING_LABEL);
    const ids = CATEGORY_RULES.map((rule) => rule.id);
    expect(ids.indexOf('site-finding-accessibility')).toBeGreaterThan(ids.indexOf('guide-drift-behaviour'));
    expect(ids.indexOf('site-finding-looks')).toBeLessThan(ids.indexOf('site-defect'));
  });
});

// Each of these fails when the green line is broken in one small way (docs/mutation-testing.md).
describe('the run’s two answers, held to each of their counts', () => {
  const verdict = (id: string, v: StepVerdict['verdict']): StepVerdict => ({
    step: { id, section: 's', kind: v === 'prose' ? 'intro' : 'action', text: id, textHash: '' },
    verdict: v,
    scenarios: [],
    records: [],
    notes: [],
    reason: undefined,
  });
  const siteFinding = (policy: SiteFinding['policy'], record = finding()): SiteFinding => ({
    record,
    scenarios: [],
    guideSteps: [record.guideStep],
    policy,
  });

  it('counts every verdict against the guide, leaves prose out, and counts not run and not covered as unchecked', () => {
    const verdicts = [
      verdict('p.1', 'prose'),
      verdict('a.1', 'verified'),
      verdict('a.2', 'drifted'),
      verdict('a.3', 'failed'),
      verdict('a.4', 'not reached'),
      verdict('a.5', 'not run'),
      verdict('a.6', 'not covered'),
    ];
    const security = finding({ class: 'security', rule: 'ASVS 2.2.1', subject: 'Guesses at once' });
    const findings = [
      siteFinding('fail'),
      siteFinding('fail', security),
      siteFinding('warn', finding({ class: 'looks' })),
    ];
    const answer = runAnswer(verdicts, findings);
    expect(answer.guideHolds).toBe(false);
    expect(answer.failingFindings.map((f) => f.record.class)).toEqual(['accessibility', 'security']);
    expect(answer.lines).toEqual([
      'The guide: does not hold at 3 step(s) (a.2 drifted, a.3 failed, a.4 not reached); 1 of 4 checked steps verified (2 not checked in this run).',
      'The site: 2 finding(s) that fail the run (accessibility, security), 1 warning(s).',
      'This run failed because of: the guide drifted and site findings (accessibility, security).',
    ]);
  });

  it('names no failing class for findings that only warn', () => {
    const warned = [siteFinding('warn', finding({ class: 'looks' }))];
    expect(failingClasses(warned)).toEqual([]);
    expect(runAnswer([verdict('a.1', 'verified')], warned)).toMatchObject({
      guideHolds: true,
      failingFindings: [],
      lines: [
        'The guide: holds; 1 of 1 checked steps verified.',
        'The site: 0 finding(s) that fail the run, 1 warning(s).',
      ],
    });
  });

  it('lists a scenario that met a finding twice once, and a look’s finding in full', () => {
    const twice = met(1, finding(), finding());
    expect(gatherFindings([twice], DEFAULTS)[0]!.scenarios).toEqual(['features/a.feature:1 s1']);
    const outcome = { ...scenarioOutcome(2, 'passed'), looks: [look('a.1', 'looks different')] };
    expect(gatherFindings([outcome], DEFAULTS)[0]!.record).toEqual({
      class: 'looks',
      rule: 'the accepted picture',
      page: '',
      subject: 'the picture of guide step a.1',
      guideStep: 'a.1',
      says: `Guide step a.1 looks different from its accepted picture: ${lookSentence(look('a.1', 'looks different'))}`,
    });
  });
});

// Each of these fails when a finding's record is broken in one small way (docs/mutation-testing.md).
describe('a finding’s record, held to each of its parts', () => {
  it('goes through an attachment body and back unchanged, and refuses an empty rule', () => {
    expect(readFindingBody(findingBody(finding()), 'here')).toEqual(finding());
    expect(() => findingBody(finding({ rule: '' }))).toThrow();
    expect(() => readFindingBody('{}', 'results.json')).toThrow(/^results\.json: not a site finding/);
  });

  it('keys a finding by its four parts kept apart, so two findings never run together', () => {
    expect(findingKey(finding({ rule: 'ab', page: 'c' }))).not.toBe(findingKey(finding({ rule: 'a', page: 'bc' })));
  });

  it('keys a broken promise by its requirements and guide step, wherever the scenarios that met it stood', () => {
    const lock = (subject: string, page: string) =>
      finding({ class: 'security', rule: 'ASVS 2.2.1', guideStep: 'sign-in.4', subject, page });
    expect(findingKey(lock('After 5 failed sign-ins with my email', '/login'))).toBe(
      findingKey(lock('Guesses sent all at once', '/profiles')),
    );
    expect(findingKey(lock('a', '/login'))).not.toBe(findingKey({ ...lock('a', '/login'), guideStep: 'phone.3' }));
    expect(findingKey(lock('a', '/login'))).not.toBe(findingKey({ ...lock('a', '/login'), rule: 'ASVS 3.4.2' }));
  });

  it('reads the promise a scenario checks from its tags', () => {
    expect(promiseOf(['@security', '@asvs:2.2.1', 'asvs:3.4.2'], 'Guesses at once')).toEqual({
      class: 'security',
      rule: 'ASVS 2.2.1, 3.4.2',
      subject: 'Guesses at once',
    });
    expect(promiseOf(['security'], 'x')?.rule).toBe('security');
    expect(promiseOf(['faults'], 'Save fails')).toEqual({
      class: 'resilience',
      rule: 'a failed save',
      subject: 'Save fails',
    });
    expect(promiseOf(['guide:a.1'], 'x')).toBeUndefined();
  });

  it('names a page by its path, whatever the site’s address, and keeps what is no address as it is', () => {
    expect(pageOf('http://127.0.0.1:4000/account/phone?x=1')).toBe('/account/phone');
    expect(pageOf(undefined)).toBe('');
    expect(pageOf('not an address')).toBe('not an address');
  });

  it('heads a finding with the guide step, the page when known, the subject and the rule', () => {
    expect(findingHeading(finding())).toBe(
      'While following guide step phone.1 on /account, checking “MEMBERSHIP & BILLING” (color-contrast):',
    );
    expect(findingHeading(finding({ page: '' }))).toBe(
      'While following guide step phone.1, checking “MEMBERSHIP & BILLING” (color-contrast):',
    );
  });
});
