import { CHECKED_SUFFIX, EVIDENCE_PREFIX } from '../guide/guide.ts';
import type { StepVerdict } from './guide-verdicts.ts';
import { failed, type ScenarioOutcome } from './scenario-outcome.ts';

/** The tag of the scenarios that walk the guide's own path: a guide step's picture comes from them first. */
export const GUIDE_PATH_TAG = 'guide-path';

export interface ChosenEvidence {
  /** The full-resolution screenshot, as the run left it. */
  path: string;
  scenario: ScenarioOutcome;
}

/**
 * The one picture of a guide step: the state right after a step acted on it (else after one checked it), from the
 * scenario most like the guide's own path. A drifted step shows a check that found the drift (a guide-path one first); any other step shows the
 * guide path, else a passing scenario, else whatever scenario got as far as the step.
 */
export function chooseEvidence(v: StepVerdict): ChosenEvidence | undefined {
  const name = `${EVIDENCE_PREFIX}${v.step.id}`;
  const found = (s: ScenarioOutcome) => s.records.some((r) => r.guideStep === v.step.id);
  const rank = (s: ScenarioOutcome): number[] => [
    v.verdict === 'drifted' && !found(s) ? 1 : 0,
    s.tags.includes(GUIDE_PATH_TAG) ? 0 : 1,
    failed(s) ? 1 : 0,
  ];
  const ordered = v.scenarios
    .map((scenario, index) => ({ scenario, key: [...rank(scenario), index] }))
    .sort((a, b) => compareKeys(a.key, b.key));
  for (const { scenario } of ordered) {
    // A step that acted (typed, ticked, clicked) shows its result; a step that only looked comes second.
    const shot =
      scenario.attachments.find((a) => a.name === name) ??
      scenario.attachments.find((a) => a.name === `${name}${CHECKED_SUFFIX}`);
    if (shot) return { path: shot.path, scenario };
  }
  return undefined;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
