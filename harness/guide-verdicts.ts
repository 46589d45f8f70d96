import type { Guide, GuideStep } from './guide.ts';
import type { ScenarioResult } from './results.ts';

export type Verdict = 'verified' | 'drifted' | 'stale' | 'not covered' | 'not run' | 'prose';

export interface StepVerdict {
  step: GuideStep;
  verdict: Verdict;
  scenarios: ScenarioResult[];
  /** The first failure's drift line, for drifted steps. */
  reason: string | undefined;
}

/** For each sentence of the guide: the scenarios tagged with it and what their latest results say. */
export function guideVerdicts(guide: Guide, results: ScenarioResult[]): StepVerdict[] {
  return guide.steps.map((step) => {
    const scenarios = results.filter((r) => r.tags.includes(`guide:${step.id}`));
    const failed = scenarios.find((r) => r.outcome === 'failed' || r.outcome === 'flaky');
    let verdict: Verdict;
    if (step.kind !== 'action') verdict = 'prose';
    else if (failed) verdict = 'drifted';
    else if (scenarios.some((r) => r.outcome === 'passed')) verdict = 'verified';
    else verdict = scenarios.length ? 'not run' : 'not covered';
    return { step, verdict, scenarios, reason: failed && firstReason(failed.error) };
  });
}

/** The line of a failure a person needs first: the guide step's own heading is already shown beside it. */
function firstReason(error: string | undefined): string {
  if (!error) return 'failed without a message';
  const lines = error
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => !line.startsWith('Guide step ')) ?? lines[0] ?? '';
}
