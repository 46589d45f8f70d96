import { describe, expect, it } from 'vitest';
import { digestLines, digestMarkdown, whatChanged } from '../../harness/reporting/what-changed.ts';
import { gatherFindings } from '../../harness/reporting/site-findings.ts';
import type { ScenarioOutcome } from '../../harness/reporting/scenario-outcome.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';
import { finding } from '../support/findings.ts';

const DEFAULTS = { accessibility: 'fail', security: 'fail', resilience: 'fail', looks: 'warn' } as const;
const renamed: OutcomeRecord = {
  guideStep: 'account.2',
  kind: 'renamed',
  guideSays: 'click on “Your Account”',
  siteShowed: 'The profile’s pop-up menu has no “Your Account”; the closest is “Account”.',
};
const failedWith = (line: number, records: OutcomeRecord[], error?: string): ScenarioOutcome => ({
  ...scenarioOutcome(line, 'failed'),
  records,
  error,
  attachments: [{ name: 'trace', path: `reports/test-results/s${line}/trace.zip` }],
});

describe('what changed', () => {
  it('names one renamed control once, however many scenarios met it, with its trace and what to do', () => {
    const outcomes = Array.from({ length: 40 }, (_, i) => failedWith(i + 1, [renamed]));
    const causes = whatChanged(outcomes, []);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({
      answer: 'guide',
      guideSteps: ['account.2'],
      trace: 'reports/test-results/s1/trace.zip',
    });
    expect(causes[0]!.scenarios).toHaveLength(40);
    expect(causes[0]!.next).toMatch(/correct the guide/);
  });

  it('names one renamed control once when the menu around it differs, and in every guide that meets it', () => {
    const rewrite = { kind: 'renamed' as const, guideLabel: 'Your Account', siteLabel: 'Account' };
    const alex = { ...renamed, rewrite, siteShowed: 'No “Your Account”; it offers “Alex”, “Account”.' };
    const kids = { ...renamed, rewrite, siteShowed: 'No “Your Account”; it offers “Kids”, “Account”.' };
    const secondGuide = { ...alex, guideStep: 'sign-out-account.1' };
    const causes = whatChanged([failedWith(1, [alex]), failedWith(2, [kids]), failedWith(3, [secondGuide])], []);
    expect(causes).toHaveLength(1);
    expect(causes[0]!.guideSteps).toEqual(['account.2', 'sign-out-account.1']);
    expect(causes[0]!.scenarios).toHaveLength(3);
  });

  it('names a device the site forgot to sign out once, with the checks that failed because of it', () => {
    const at4 = (siteShowed: string): OutcomeRecord => ({
      ...renamed,
      guideStep: 'password.4',
      kind: 'behaviour',
      siteShowed,
    });
    const sessionsKept = at4('Device B kept its session after the change, although the tick was placed.');
    const stillSignedIn = at4('Device B is still signed in: it shows “Your Account”, not the sign in page.');
    const saysNothing = at4('The sign in page says nothing about why.');
    const causes = whatChanged(
      [failedWith(1, [sessionsKept, stillSignedIn, saysNothing]), failedWith(2, [stillSignedIn, saysNothing])],
      [],
    );
    expect(causes.map((c) => c.line)).toEqual([`Guide step password.4: Drift (behaviour): ${sessionsKept.siteShowed}`]);
    expect(causes[0]!.scenarios).toHaveLength(2);
  });

  it('gives five causes five lines: drifts, then findings, then failures that named neither', () => {
    const behaviour: OutcomeRecord = { ...renamed, guideStep: 'password.5', kind: 'behaviour', siteShowed: 'x' };
    const outcomes = [
      failedWith(1, [renamed]),
      failedWith(2, [renamed, behaviour]),
      failedWith(3, [], 'Timeout 10000ms exceeded.\nCall log: …'),
      failedWith(4, [], 'Timeout 10000ms exceeded.\nCall log: other'),
      { ...scenarioOutcome(5, 'passed'), findings: [finding()] },
      {
        ...scenarioOutcome(6, 'failed'),
        findings: [finding({ class: 'security', rule: 'ASVS 2.2.1', subject: 'Lock' })],
      },
    ];
    const causes = whatChanged(outcomes, gatherFindings(outcomes, DEFAULTS));
    expect(causes.map((c) => c.answer)).toEqual(['guide', 'guide', 'site', 'site', 'unexplained']);
    expect(causes[4]!.line).toBe('A scenario failed without naming a drift: Timeout 10000ms exceeded.');
    expect(causes[4]!.scenarios).toHaveLength(2);
    const lines = digestLines(causes);
    expect(lines[0]).toBe('\nWhat changed (5 distinct cause(s), each once):');
    expect(lines.filter((l) => l.trimStart().startsWith('Next:'))).toHaveLength(5);
    expect(digestMarkdown(causes)).toMatch(/^### What changed \(5 distinct cause\(s\)\)/);
  });

  it('says nothing changed when nothing did', () => {
    expect(whatChanged([scenarioOutcome(1, 'passed')], [])).toEqual([]);
    expect(digestLines([])).toEqual([]);
    expect(digestMarkdown([])).toMatch(/Nothing: the guide holds/);
  });
});

// Each of these fails when the digest is broken in one small way: a kind table entry swapped or emptied, a cause
// listed twice, a finding's policy misread (docs/mutation-testing.md).
describe('what changed, held to each of its parts', () => {
  it('tells the reader what to do for each kind of drift, each its own advice', () => {
    const kinds = ['renamed', 'moved', 'missing', 'reordered', 'unusable', 'behaviour'] as const;
    const causes = whatChanged(
      kinds.map((kind, i) => failedWith(i + 1, [{ ...renamed, kind, guideStep: `s.${i}` }])),
      [],
    );
    const next = Object.fromEntries(kinds.map((kind, i) => [kind, causes[i]!.next]));
    expect(next.renamed).toMatch(/suggested-guide\.diff/);
    expect(next.moved).toMatch(/correct where the guide sends the reader/);
    expect(next.missing).toMatch(/control is gone/);
    expect(next.reordered).toMatch(/correct the order the guide gives/);
    expect(next.unusable).toMatch(/a reader cannot do this step/);
    expect(next.behaviour).toMatch(/^open the trace at guide step s\.5: the site answered otherwise/);
    expect(causes.map((c) => c.line)).toEqual(
      kinds.map((kind, i) => `Guide step s.${i}: Drift (${kind}): ${renamed.siteShowed}`),
    );
  });

  it('tells the reader what to do for each class of finding, each its own advice', () => {
    const classes = ['accessibility', 'security', 'resilience', 'looks'] as const;
    const outcomes = classes.map((c, i) => ({
      ...scenarioOutcome(i + 1, 'passed'),
      findings: [finding({ class: c })],
    }));
    const next = whatChanged([], gatherFindings(outcomes, DEFAULTS)).map((c) => c.next);
    expect(next).toHaveLength(4);
    expect(next.find((n) => /the guide is right and stays as it is\.$/.test(n) && !/security/.test(n))).toBe(
      'tell the site’s team; the guide is right and stays as it is.',
    );
    expect(next).toContain(
      'tell the site’s team now: a security promise is broken; the guide is right and stays as it is.',
    );
    expect(next).toContain('tell the site’s team: a failed save is not handled as promised; the guide stays as it is.');
    expect(next).toContain(
      'look at the pictures in the illustrated guide; if the new look is right, npm run guide:accept-pictures.',
    );
  });

  it('says of a finding its rule, its page when it has one, and whether it fails the run', () => {
    const outcomes = [
      { ...scenarioOutcome(1, 'passed'), findings: [finding()] },
      {
        ...scenarioOutcome(2, 'passed'),
        findings: [finding({ class: 'looks', rule: 'the accepted picture', page: '' })],
      },
    ];
    expect(whatChanged([], gatherFindings(outcomes, DEFAULTS)).map((c) => c.line)).toEqual([
      `Site finding (accessibility): ${finding().says} [color-contrast on /account; fails the run, as the site profile says]`,
      `Site finding (looks): ${finding().says} [the accepted picture; a warning, as the site profile says]`,
    ]);
  });

  it('finds the trace among the attachments, lists a scenario once, and keeps an unexplained failure’s steps', () => {
    const withScreenshot = {
      ...failedWith(1, [renamed, renamed]),
      attachments: [
        { name: 'screenshot', path: 'shot.png' },
        { name: 'trace', path: 'trace.zip' },
      ],
    };
    const [cause] = whatChanged([withScreenshot], []);
    expect(cause).toMatchObject({ trace: 'trace.zip', scenarios: ['features/a.feature:1 s1'] });
    const untraced = { ...failedWith(2, [], '\n  Target closed\n'), attachments: [], guideSteps: ['a.1'] };
    expect(whatChanged([untraced], [])).toMatchObject([
      {
        answer: 'unexplained',
        line: 'A scenario failed without naming a drift: Target closed',
        guideSteps: ['a.1'],
        next: expect.stringMatching(/^open the trace: a crash, a timeout/),
      },
    ]);
    expect(whatChanged([untraced], [])[0]).not.toHaveProperty('trace', expect.anything());
    expect(whatChanged([{ ...untraced, error: undefined }], [])[0]!.line).toBe(
      'A scenario failed without naming a drift: no message',
    );
  });

  it('numbers the causes from 1 in the terminal and in Markdown, with their steps and trace', () => {
    const causes = whatChanged([failedWith(1, [renamed]), failedWith(2, [], 'Boom')], []);
    expect(digestLines(causes)).toEqual([
      '\nWhat changed (2 distinct cause(s), each once):',
      `  1. Guide step account.2: Drift (renamed): ${renamed.siteShowed}`,
      '     1 scenario(s), guide step(s) account.2; trace: reports/test-results/s1/trace.zip',
      `     Next: ${causes[0]!.next}`,
      '  2. A scenario failed without naming a drift: Boom',
      '     1 scenario(s); trace: reports/test-results/s2/trace.zip',
      `     Next: ${causes[1]!.next}`,
    ]);
    const untraced = { ...causes[0]!, guideSteps: ['a.1', 'a.2'], trace: undefined };
    expect(digestLines([untraced])[2]).toBe('     1 scenario(s), guide step(s) a.1, a.2');
    const twoSteps = [{ ...causes[0]!, guideSteps: ['a.1', 'a.2'], line: 'one\ntwo' }];
    expect(digestMarkdown(twoSteps)).toBe(
      `### What changed (1 distinct cause(s))\n\n1. **one two** (1 scenario(s); guide step(s) a.1, a.2)  \n   Next: ${causes[0]!.next}\n`,
    );
    expect(digestMarkdown([causes[1]!, causes[1]!])).toContain(
      '\n2. **A scenario failed without naming a drift: Boom** (1 scenario(s))',
    );
  });
});
