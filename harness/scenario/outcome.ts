import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';
import { DRIFT_KINDS, type DriftKind } from '../../pages/support/drift.ts';

export { DRIFT_KINDS, type DriftKind };

/**
 * What one failed check of the guide found, made where the check failed (steps/support/guide-step.ts) and stored
 * with the test result as structured data, so no report has to read it back out of an error message.
 */
export const outcomeRecordSchema = z.object({
  /** The guide step (id in guides/<slug>/steps.json) whose check failed. */
  guideStep: z.string().min(1),
  kind: z.enum(DRIFT_KINDS),
  /** The guide's own words for that step. */
  guideSays: z.string(),
  /** What the site showed instead, in one sentence a stakeholder reads. */
  siteShowed: z.string().min(1),
  /** The raw detail behind that sentence: an assertion's diff, what a page offered. */
  evidence: z.string().optional(),
  /** What a suggested rewrite of the guide's sentence needs (harness/reporting/guide-rewrite.ts), when the drift says how. */
  rewrite: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('renamed'), guideLabel: z.string(), siteLabel: z.string() }),
      z.object({ kind: z.literal('moved'), guideLabel: z.string(), where: z.string() }),
      z.object({ kind: z.literal('missing'), guideLabel: z.string() }),
      z.object({ kind: z.literal('reordered'), guideOrder: z.array(z.string()), siteOrder: z.array(z.string()) }),
    ])
    .optional(),
});

export type OutcomeRecord = z.infer<typeof outcomeRecordSchema>;

/**
 * Two records with the same key are one change of the site met twice. A change the record names (a label renamed, a
 * control moved or gone, an order changed) is one cause wherever it was met, whatever else the page offered around it
 * and whichever guide's sentence met it; any other by its guide step, kind and what the site showed.
 */
export function causeKey(record: OutcomeRecord): string {
  if (record.rewrite) return JSON.stringify(record.rewrite);
  return [record.guideStep, record.kind, record.siteShowed].join('\u0000');
}

/** The name of the attachment a record travels as: one attachment per record, in the order the checks failed. */
export const OUTCOME_ATTACHMENT = 'guide-outcome';
export const OUTCOME_MEDIA_TYPE = 'application/json';
/** The Allure label carrying the first record's kind, which allurerc.mjs's categories match on. */
export const DRIFT_LABEL = 'guide-drift';
/** The label with the guide step of a failed scenario's first outcome record: Allure's drift categories group by it. */
export const DRIFT_STEP_LABEL = 'guide-drift-step';

/** A record as an attachment's body, and read back from one (a body that is not one is an error, not something to skip). */
export const { body: outcomeBody, read: readOutcomeBody } = jsonAttachment(
  outcomeRecordSchema,
  'a guide outcome record',
);

/** The line every report shows under a drifted guide step. */
export function driftLine(record: OutcomeRecord): string {
  return `Drift (${record.kind}): ${record.siteShowed}`;
}

/** The terminal's heading of a failed check: the guide's words first, then what differed. */
export function guideHeading(record: Pick<OutcomeRecord, 'guideStep' | 'guideSays'>): string {
  return `Guide step ${record.guideStep}: “${record.guideSays}”`;
}
