import { driftLine, type DriftKind, type OutcomeRecord } from '../scenario/outcome.ts';
import { failed, type ScenarioOutcome } from './scenario-outcome.ts';

/**
 * caught: a check of a guide step the variant names failed with the variant's kind of drift. Anything else that
 * failed was caught for the wrong reason, and the sweep says which: a record of the right step but another kind,
 * records of other steps only, or a failure that named no drift at all.
 */
export type SweepVerdict =
  'caught' | 'caught by the wrong kind' | 'caught by the wrong step' | 'failed without naming a drift' | 'survived';

export interface VariantJudgement {
  verdict: SweepVerdict;
  /** The guide steps the failures named, in order of first appearance. */
  guideSteps: string[];
  /** Every record of the failures, first cause first. */
  records: OutcomeRecord[];
  /** The record that decided the verdict, as its drift line; or the first line of an unexplained failure. */
  message: string;
}

/** What the scenarios run against one drift variant say about it. */
export function judgeVariant(
  variant: { caughtBy: readonly string[]; kind: DriftKind },
  outcomes: ScenarioOutcome[],
): VariantJudgement {
  const failures = outcomes.filter(failed);
  const records = failures.flatMap((o) => o.records);
  const guideSteps = [...new Set(records.map((r) => r.guideStep))];
  const judged = (verdict: SweepVerdict, message: string) => ({ verdict, guideSteps, records, message });

  const rightStep = records.filter((r) => variant.caughtBy.includes(r.guideStep));
  const right = rightStep.find((r) => r.kind === variant.kind);
  if (right) return judged('caught', driftLine(right));
  if (failures.length === 0) return judged('survived', '');
  if (rightStep[0]) return judged('caught by the wrong kind', driftLine(rightStep[0]));
  if (records[0]) return judged('caught by the wrong step', `${records[0].guideStep}: ${driftLine(records[0])}`);
  const error = failures.find((o) => o.error)?.error ?? 'no message';
  return judged('failed without naming a drift', error.trim().split('\n')[0] ?? '');
}
