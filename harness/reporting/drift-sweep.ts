import { driftLine, type DriftKind, type OutcomeRecord } from '../scenario/outcome.ts';
import { findingLine, type FindingClass } from '../scenario/finding.ts';
import { failed, failedForTheGuide, hasTrace, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * caught: a check of a guide step the variant names failed with the variant's kind of drift. Anything else that
 * failed was caught for the wrong reason, and the sweep says which: a record of the right step but another kind,
 * records of other steps only, or a failure that named no drift at all.
 */
export type SweepVerdict =
  | 'caught'
  | 'caught by the wrong kind'
  | 'caught by the wrong step'
  | 'failed without naming a drift'
  | 'survived'
  /** A defect of the site that leaves the guide true was reported as the guide drifting. */
  | 'reported as a drift';

/**
 * How many of a run's failed scenarios left a trace, from their evidence runs (harness/config/speed-options.ts):
 * a failure a person cannot open in the trace viewer is a failure of the harness's evidence, and fails the sweep.
 */
export interface TraceCount {
  failed: number;
  traced: number;
}

export function traceCount(outcomes: readonly ScenarioOutcome[]): TraceCount {
  const failures = outcomes.filter(failed);
  return { failed: failures.length, traced: failures.filter(hasTrace).length };
}

export const everyFailureTraced = ({ failed: count, traced }: TraceCount) => traced === count;

/** The sweep table's "trace" cell: yes, no (with how many of how many), or — when nothing failed. */
export function traceCell(count: TraceCount): string {
  if (count.failed === 0) return '—';
  return everyFailureTraced(count) ? 'yes' : `no (${count.traced} of ${count.failed})`;
}

export interface VariantJudgement {
  verdict: SweepVerdict;
  /** The guide steps the failures named (a finding variant's: where its findings were met), in order of first appearance. */
  guideSteps: string[];
  /** Every record of the failures, first cause first. */
  records: OutcomeRecord[];
  /** The record that decided the verdict, as its drift line; or the first line of an unexplained failure. */
  message: string;
  /** Whether each failed scenario left a trace; one that did not fails the sweep whatever the verdict. */
  traces: TraceCount;
}

/**
 * What the scenarios run against one drift variant say about it. A variant that is a defect of the site leaving the
 * guide true (`finding`) is caught by a finding of its class at one of its guide steps, with no guide step drifting.
 */
export function judgeVariant(
  variant: { caughtBy: readonly string[]; kind: DriftKind; finding?: FindingClass },
  outcomes: ScenarioOutcome[],
): VariantJudgement {
  const failures = outcomes.filter(failedForTheGuide);
  const records = failures.flatMap((o) => o.records);
  const guideSteps = [...new Set(records.map((r) => r.guideStep))];
  const traces = traceCount(outcomes);
  const judged = (verdict: SweepVerdict, message: string) => ({ verdict, guideSteps, records, message, traces });

  if (variant.finding) {
    const findings = outcomes.flatMap((o) => o.findings).filter((f) => f.class === variant.finding);
    const rightFinding = findings.find((f) => variant.caughtBy.includes(f.guideStep));
    if (records[0]) return judged('reported as a drift', `${records[0].guideStep}: ${driftLine(records[0])}`);
    const found = (verdict: SweepVerdict, message: string) => ({
      ...judged(verdict, message),
      guideSteps: [...new Set(findings.map((f) => f.guideStep))],
    });
    if (rightFinding) return found('caught', findingLine(rightFinding));
    if (findings[0]) return found('caught by the wrong step', `${findings[0].guideStep}: ${findingLine(findings[0])}`);
    if (failures.length === 0) return judged('survived', '');
  }
  const rightStep = records.filter((r) => variant.caughtBy.includes(r.guideStep));
  const right = rightStep.find((r) => r.kind === variant.kind);
  if (right) return judged('caught', driftLine(right));
  if (failures.length === 0) return judged('survived', '');
  if (rightStep[0]) return judged('caught by the wrong kind', driftLine(rightStep[0]));
  if (records[0]) return judged('caught by the wrong step', `${records[0].guideStep}: ${driftLine(records[0])}`);
  const error = failures.find((o) => o.error)?.error ?? 'no message';
  return judged('failed without naming a drift', error.trim().split('\n')[0] ?? '');
}
