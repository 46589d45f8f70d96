import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';

/**
 * The guide steps a scenario followed and found true, stored once with its result: a step whose checks passed before
 * the scenario failed at a later one is verified, not "not reached" (harness/reporting/guide-verdicts.ts).
 */
export const STEPS_HELD_ATTACHMENT = 'guide-steps-held';
/** Its own media type: Cucumber JSON keeps no attachment names, and its reader takes plain JSON as outcome records. */
export const STEPS_HELD_MEDIA_TYPE = 'application/vnd.guide-steps-held+json';

const stepsHeldSchema = z.array(z.string().min(1));

export const { body: stepsHeldBody, read: readStepsHeldBody } = jsonAttachment(
  stepsHeldSchema,
  'a list of guide steps held',
);
