import { findingKey, type FindingClass, type FindingRecord } from '../scenario/finding.ts';
import type { FindingPolicies } from '../../site/profile.ts';
import { lookSentence } from './guide-looks.ts';
import { scenarioKey, type ScenarioOutcome } from './scenario-outcome.ts';
import type { StepVerdict } from './guide-verdicts.ts';

/** One defect of the site, however many scenarios met it: the first record of it, and where it was met. */
export interface SiteFinding {
  record: FindingRecord;
  /** The scenarios that met it (`features/x.feature:12 Name`), in report order. */
  scenarios: string[];
  /** The guide steps being followed when it was met, in order of first meeting. */
  guideSteps: string[];
  /** What the site profile says of its class: it fails the run, or it is a warning. */
  policy: 'fail' | 'warn';
}

/**
 * Every finding of the run, once (findingKey), failing ones first. A look that differs from the
 * accepted picture is a finding of the class "looks" (unless the profile turns looks off).
 */
export function gatherFindings(outcomes: ScenarioOutcome[], policies: FindingPolicies): SiteFinding[] {
  const byKey = new Map<string, SiteFinding>();
  const meet = (record: FindingRecord, outcome: ScenarioOutcome) => {
    const policy = policies[record.class];
    if (policy === 'off') return;
    const key = findingKey(record);
    const found = byKey.get(key) ?? { record, scenarios: [], guideSteps: [], policy };
    byKey.set(key, found);
    const scenario = scenarioKey(outcome);
    if (!found.scenarios.includes(scenario)) found.scenarios.push(scenario);
    if (!found.guideSteps.includes(record.guideStep)) found.guideSteps.push(record.guideStep);
  };
  for (const outcome of outcomes) {
    for (const record of outcome.findings) meet(record, outcome);
    for (const look of outcome.looks ?? []) {
      if (look.verdict !== 'looks different') continue;
      meet(
        {
          class: 'looks',
          rule: 'the accepted picture',
          page: '',
          subject: `the picture of guide step ${look.guideStep}`,
          guideStep: look.guideStep,
          says: `Guide step ${look.guideStep} looks different from its accepted picture: ${lookSentence(look)}`,
        },
        outcome,
      );
    }
  }
  const order = (f: SiteFinding) => (f.policy === 'fail' ? 0 : 1);
  return [...byKey.values()].sort((a, b) => order(a) - order(b));
}

/** The classes of the findings that fail the run, each once, in the order of FINDING_CLASSES' first meeting. */
export function failingClasses(findings: SiteFinding[]): FindingClass[] {
  return [...new Set(findings.filter((f) => f.policy === 'fail').map((f) => f.record.class))];
}

export interface RunAnswer {
  /** True when every guide step that was run holds: none drifted, failed or went unreached. */
  guideHolds: boolean;
  /** The findings that fail the run, as the site profile says. */
  failingFindings: SiteFinding[];
  lines: string[];
}

const AGAINST_THE_GUIDE: StepVerdict['verdict'][] = ['drifted', 'failed', 'not reached'];

/** The run's two answers, in the last lines a person reads: does the guide hold, and what the site's findings say. */
export function runAnswer(verdicts: StepVerdict[], findings: SiteFinding[]): RunAnswer {
  const actions = verdicts.filter((v) => v.verdict !== 'prose');
  const against = actions.filter((v) => AGAINST_THE_GUIDE.includes(v.verdict));
  const verified = actions.filter((v) => v.verdict === 'verified').length;
  const unchecked = actions.filter((v) => v.verdict === 'not run' || v.verdict === 'not covered').length;
  const checked = actions.length - unchecked;
  const failingFindings = findings.filter((f) => f.policy === 'fail');
  const warnings = findings.length - failingFindings.length;
  const counted = `${verified} of ${checked} checked steps verified${unchecked ? ` (${unchecked} not checked in this run)` : ''}`;
  const guideLine = against.length
    ? `The guide: does not hold at ${against.length} step(s) (${against.map((v) => `${v.step.id} ${v.verdict}`).join(', ')}); ${counted}.`
    : `The guide: holds; ${counted}.`;
  const classes = failingClasses(findings);
  const findingsLine = findings.length
    ? `The site: ${failingFindings.length} finding(s) that fail the run${classes.length ? ` (${classes.join(', ')})` : ''}, ${warnings} warning(s).`
    : 'The site: no findings.';
  const failedBy = [
    against.length ? 'the guide drifted' : '',
    classes.length ? `site findings (${classes.join(', ')})` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    guideHolds: against.length === 0,
    failingFindings,
    lines: [guideLine, findingsLine, ...(failedBy ? [`This run failed because of: ${failedBy}.`] : [])],
  };
}
