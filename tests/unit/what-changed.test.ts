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
