import { guideStepIdsOf, type WrittenScenario } from '../guide/features.ts';
import { hashStepText, stepsFileOf, type Guide, type GuideStep } from '../guide/guide.ts';
import { guideSentences } from '../guide/guide-sentences.ts';
import { scenarioKey, type ScenarioOutcome, type ScenarioStatus } from './scenario-outcome.ts';

export interface CoverageRow {
  step: GuideStep;
  /** The guide copy no longer says what the features were written against. */
  stale: boolean;
  scenarios: { scenario: WrittenScenario; result: ScenarioStatus }[];
}

export interface Coverage {
  rows: CoverageRow[];
  /** Each one a sentence a person can act on; any problem fails the gate. */
  problems: string[];
}

/**
 * Ties the guide to its scenarios: every action of the guide needs a scenario, every tag must name a step, and a
 * step whose text changed in the guide is stale until someone re-reads its scenarios and re-pins the hash.
 */
export function checkCoverage(
  guide: Guide,
  guideText: string,
  scenarios: WrittenScenario[],
  results: ScenarioOutcome[],
): Coverage {
  const problems: string[] = [];
  const sentences = guideSentences(guideText);
  const known = new Set(guide.steps.map((s) => s.id));
  const statusOf = new Map(results.map((o) => [scenarioKey(o), o.status]));

  const rows = guide.steps.map((step, index): CoverageRow => {
    const tagged = scenarios.filter((s) => guideStepIdsOf(s).includes(step.id));
    const now = sentences[index];
    const textChanged = now !== step.text;
    const pinOutdated = hashStepText(step.text) !== step.textHash;
    if (textChanged) {
      problems.push(
        `Guide step ${step.id} is stale: the guide now reads “${now ?? '(nothing)'}” where the features were written against “${step.text}”. Re-read its ${tagged.length} scenario(s), then update the text and textHash in ${stepsFileOf(guide.slug)}.`,
      );
    } else if (pinOutdated) {
      problems.push(
        `Guide step ${step.id} is stale: its text in ${stepsFileOf(guide.slug)} changed but its textHash was not re-pinned (expected ${hashStepText(step.text)}). Re-read its scenario(s), then update textHash.`,
      );
    }
    if (step.kind === 'action' && tagged.length === 0) {
      problems.push(
        `Guide step ${step.id} describes an action but no scenario verifies it (tag one @guide:${step.id}): “${step.text}”`,
      );
    }
    if (step.kind !== 'action' && !step.reason) {
      problems.push(`Guide step ${step.id} is marked ${step.kind} (no scenario needed) but gives no reason.`);
    }
    return {
      step,
      stale: textChanged || pinOutdated,
      scenarios: tagged.map((scenario) => ({ scenario, result: statusOf.get(scenarioKey({ scenario })) ?? 'not run' })),
    };
  });

  for (const extra of sentences.slice(guide.steps.length)) {
    problems.push(`The guide has text no step id covers: “${extra}”. Add it to ${stepsFileOf(guide.slug)}.`);
  }
  for (const scenario of scenarios) {
    for (const id of guideStepIdsOf(scenario).filter((id) => !known.has(id))) {
      problems.push(
        `${scenario.file}:${scenario.line} “${scenario.name}” is tagged @guide:${id}, which is not a step of the guide.`,
      );
    }
    if (guideStepIdsOf(scenario).length === 0) {
      problems.push(
        `${scenario.file}:${scenario.line} “${scenario.name}” names no guide step (add a @guide:<step id> tag).`,
      );
    }
  }
  return { rows, problems };
}
