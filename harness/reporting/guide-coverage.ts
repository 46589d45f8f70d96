import { DRAFT_TAG } from '../guide/draft-tag.ts';
import { guideStepIdsOf, type WrittenScenario } from '../guide/features.ts';
import { featuresDirOf, hashStepText, stepsFileOf, type Guide, type GuideStep } from '../guide/guide.ts';
import { guideSentences } from '../guide/guide-sentences.ts';
import { scenarioKey, type ScenarioOutcome, type ScenarioStatus } from './scenario-outcome.ts';

export interface CoverageRow {
  step: GuideStep;
  /** The guide copy no longer says what the features were written against. */
  stale: boolean;
  scenarios: { scenario: WrittenScenario; result: ScenarioStatus }[];
  /** Drafts of guide:init tagged with it (@draft): drafted, not verified, whatever their tags say. */
  drafted: WrittenScenario[];
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
  /** Step ids of the other guides: a supporting scenario may name those too. */
  knownElsewhere: ReadonlySet<string> = new Set(),
): Coverage {
  const problems: string[] = [];
  const sentences = guideSentences(guideText, guide.source, guide.steps);
  const known = new Set(guide.steps.map((s) => s.id));
  const statusOf = new Map(results.map((o) => [scenarioKey(o), o.status]));

  const rows = guide.steps.map((step, index): CoverageRow => {
    const taggedOrDrafted = scenarios.filter((s) => guideStepIdsOf(s).includes(step.id));
    const tagged = taggedOrDrafted.filter((s) => !s.tags.includes(DRAFT_TAG));
    const drafted = taggedOrDrafted.filter((s) => s.tags.includes(DRAFT_TAG));
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
    if (step.kind === 'action' && tagged.length === 0 && drafted.length > 0) {
      const files = [...new Set(drafted.map((s) => s.file))].join(', ');
      problems.push(
        `Guide step ${step.id} is drafted, not verified: its scenario(s) in ${files} are guide:init's draft (@${DRAFT_TAG}), which no run generates. Give their steps definitions (npm run guide -- --guide ${guide.slug} lists the missing ones), then remove @${DRAFT_TAG}: “${step.text}”`,
      );
    } else if (step.kind === 'action' && tagged.length === 0) {
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
      drafted,
    };
  });

  for (const extra of sentences.slice(guide.steps.length)) {
    problems.push(`The guide has text no step id covers: “${extra}”. Add it to ${stepsFileOf(guide.slug)}.`);
  }
  for (const scenario of scenarios) {
    for (const id of guideStepIdsOf(scenario).filter((id) => !known.has(id) && !knownElsewhere.has(id))) {
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

/**
 * The scenarios that speak for one guide: every scenario of its own folder (features/<slug>/), and those outside
 * every guide's folder (features/security/, features/faults/) tagged with one of its steps.
 */
export function scenariosOfGuide(guide: Guide, scenarios: WrittenScenario[], guides: Guide[]): WrittenScenario[] {
  const ids = new Set(guide.steps.map((s) => s.id));
  const inAGuideFolder = (file: string) => guides.some((g) => file.startsWith(featuresDirOf(g.slug)));
  return scenarios.filter(
    (s) =>
      s.file.startsWith(featuresDirOf(guide.slug)) ||
      (!inAGuideFolder(s.file) && guideStepIdsOf(s).some((id) => ids.has(id))),
  );
}

/** The gate of one guide among several: its scenarios, and the other guides' step ids known. */
export function checkGuideCoverage(
  guide: Guide,
  guideText: string,
  scenarios: WrittenScenario[],
  results: ScenarioOutcome[],
  guides: Guide[],
): Coverage {
  const elsewhere = new Set(guides.filter((g) => g !== guide).flatMap((g) => g.steps.map((s) => s.id)));
  return checkCoverage(guide, guideText, scenariosOfGuide(guide, scenarios, guides), results, elsewhere);
}

/**
 * What no one guide's gate sees: an action id two guides share (a tag and a step definition name a step by its id
 * alone), and a scenario in no guide's folder that names no guide's step.
 */
export function crossGuideProblems(guides: Guide[], scenarios: WrittenScenario[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const guide of guides) {
    for (const step of guide.steps.filter((s) => s.kind === 'action')) {
      const first = owner.get(step.id);
      if (first) problems.push(`The action id ${step.id} is a step of both ${first} and ${guide.slug}: rename one.`);
      else owner.set(step.id, guide.slug);
    }
  }
  const known = new Set(guides.flatMap((g) => g.steps.map((s) => s.id)));
  const inAGuideFolder = (file: string) => guides.some((g) => file.startsWith(featuresDirOf(g.slug)));
  for (const scenario of scenarios.filter((s) => !inAGuideFolder(s.file))) {
    const ids = guideStepIdsOf(scenario);
    if (!ids.some((id) => known.has(id))) {
      problems.push(
        `${scenario.file}:${scenario.line} “${scenario.name}” is in no guide's folder and names no guide's step (tag it @guide:<step id>).`,
      );
    }
  }
  return problems;
}
