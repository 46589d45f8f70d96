// What a scenario's attempts come to, and which failures speak against the guide: the rules every report reads.
import { describe, expect, it } from 'vitest';
import {
  compareOutcomes,
  failedForTheGuide,
  failedOnFindingsOnly,
  outcome,
  type ScenarioOutcome,
} from '../../harness/reporting/scenario-outcome.ts';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { finding } from '../support/findings.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';

const drift: OutcomeRecord = { guideStep: 'a.1', kind: 'renamed', guideSays: 'Save', siteShowed: 'Submit' };
const met = (base: ScenarioOutcome, records: OutcomeRecord[], findings = [finding()]): ScenarioOutcome => ({
  ...base,
  records,
  findings,
});

describe('a failure against the guide, or the site’s findings only', () => {
  it('is the findings only when a scenario failed, met findings and no check of the guide failed', () => {
    expect(failedOnFindingsOnly(met(scenarioOutcome(1, 'failed'), []))).toBe(true);
    expect(failedOnFindingsOnly(met(scenarioOutcome(1, 'flaky'), []))).toBe(true);
    expect(failedOnFindingsOnly(met(scenarioOutcome(1, 'passed'), []))).toBe(false);
    expect(failedOnFindingsOnly(met(scenarioOutcome(1, 'failed'), [drift]))).toBe(false);
    expect(failedOnFindingsOnly(met(scenarioOutcome(1, 'failed'), [], []))).toBe(false);
  });

  it('is against the guide when a check of the guide failed, even beside findings, or nothing explains it', () => {
    expect(failedForTheGuide(met(scenarioOutcome(1, 'failed'), [drift]))).toBe(true);
    expect(failedForTheGuide(met(scenarioOutcome(1, 'failed'), [], []))).toBe(true);
    expect(failedForTheGuide(met(scenarioOutcome(1, 'failed'), []))).toBe(false);
    expect(failedForTheGuide(met(scenarioOutcome(1, 'passed'), [drift]))).toBe(false);
  });
});

describe('a scenario outcome', () => {
  it('has no findings unless a reader gives some', () => {
    const made = outcome({
      scenario: { file: 'features/a.feature', line: 3, name: 's' },
      tags: ['guide:a.1'],
      records: [],
      error: undefined,
      attachments: [],
      attempts: ['failed', 'passed'],
    });
    expect(made).toMatchObject({ status: 'flaky', guideSteps: ['a.1'], findings: [] });
  });

  it('names the scenarios only one of two runs has, on either side', () => {
    const [one, two, three] = [1, 2, 3].map((line) => scenarioOutcome(line, 'passed'));
    expect(compareOutcomes(['playwright', [one!, two!]], ['cucumber', [two!, three!]])).toEqual([
      'only playwright has features/a.feature:1 s1',
      'only cucumber has features/a.feature:3 s3',
    ]);
  });
});
