import type { Guide, GuideStep } from '../guide/guide.ts';
import { driftLine, type OutcomeRecord } from '../scenario/outcome.ts';
import { distinctNotes, type NoteRecord } from '../scenario/note.ts';
import { failedForTheGuide, failedOnFindingsOnly, scenarioKey, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * A step's verdict answers one question, does the guide still hold: the site's findings (harness/scenario/finding.ts)
 * never change it. drifted: a check of this step failed (a record names it). not reached: a scenario tagged with it failed at
 * another step's check, and none that reached it passed. failed: a scenario tagged with it failed without naming
 * any drift (a crash, a timeout while acting), so no step can be blamed.
 */
export type Verdict = 'verified' | 'drifted' | 'not reached' | 'failed' | 'stale' | 'not covered' | 'not run' | 'prose';

export interface StepVerdict {
  step: GuideStep;
  verdict: Verdict;
  /** The scenarios tagged with it, and any other whose record names it. */
  scenarios: ScenarioOutcome[];
  /** The records naming this step, first cause first. */
  records: OutcomeRecord[];
  /** Alternatives of its sentence that did not work while another did: shown beside the verdict, never changing it. */
  notes: NoteRecord[];
  /** The line shown under the verdict: the first record's drift line, or why the step was not reached. */
  reason: string | undefined;
}

/** For each sentence of the guide: the scenarios behind it and what their latest outcomes say. */
export function guideVerdicts(guide: Guide, outcomes: ScenarioOutcome[]): StepVerdict[] {
  return guide.steps.map((step) => {
    const named = (o: ScenarioOutcome) => o.records.some((r) => r.guideStep === step.id);
    const scenarios = outcomes.filter((o) => o.guideSteps.includes(step.id) || named(o));
    const records = scenarios.flatMap((o) => o.records.filter((r) => r.guideStep === step.id));
    // A scenario failed by the site's findings alone (a broken security promise) followed the guide's steps.
    const failures = scenarios.filter(failedForTheGuide);
    const blamed = failures.find((o) => o.records.length > 0);
    const unexplained = failures.find((o) => o.records.length === 0);
    const notes = distinctNotes(scenarios.flatMap((o) => (o.notes ?? []).filter((n) => n.guideStep === step.id)));
    const verdict = (v: Verdict, reason?: string): StepVerdict => ({
      step,
      verdict: v,
      scenarios,
      records,
      notes,
      reason,
    });

    if (step.kind !== 'action') return verdict('prose');
    if (records[0]) return verdict('drifted', driftLine(records[0]));
    // A step is judged by its own checks: true in a scenario that failed later, at another step, it is verified. A
    // flaky scenario failed its first attempt, the verdict: only the steps that attempt found true are verified.
    const held = (o: ScenarioOutcome) => o.held?.includes(step.id) ?? false;
    if (scenarios.some((o) => o.status === 'passed' || failedOnFindingsOnly(o) || held(o))) {
      return verdict('verified');
    }
    if (unexplained) {
      return verdict('failed', `${scenarioKey(unexplained)} failed without naming a drift: ${firstLine(unexplained)}`);
    }
    if (blamed) {
      const first = blamed.records[0]!;
      return verdict('not reached', `its scenario failed at guide step ${first.guideStep} (${first.kind})`);
    }
    return verdict(scenarios.length ? 'not run' : 'not covered', whyNotRun(scenarios));
  });
}

/**
 * Why a step's scenarios did not run, from their skip reasons: "needs the test-control API: …" or "its scenarios
 * were skipped: …" (the first reason given); undefined when none was skipped with a reason (not in the selection).
 */
function whyNotRun(scenarios: ScenarioOutcome[]): string | undefined {
  const reason = scenarios.find((o) => o.status === 'skipped' && o.skipReason)?.skipReason;
  if (!reason) return undefined;
  const api = /^needs the site's test-control API[^:]*: /.exec(reason);
  return api ? `needs the test-control API: ${reason.slice(api[0].length)}` : `its scenarios were skipped: ${reason}`;
}

function firstLine(o: ScenarioOutcome): string {
  return (o.error ?? 'no message').trim().split('\n')[0] ?? '';
}
