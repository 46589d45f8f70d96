import { recordOf } from '../../harness/scenario/failed-check.ts';
import { CHECKED_SUFFIX, EVIDENCE_PREFIX, guideStep, type GuideStep } from '../../harness/guide/guide.ts';
import { driftLine, guideHeading } from '../../harness/scenario/outcome.ts';
import { findingHeading, findingLine } from '../../harness/scenario/finding.ts';
import { speedOptions } from '../../harness/config/speed-options.ts';
import { GUIDE_PATH_TAG } from '../../harness/reporting/evidence-choice.ts';
import { GAP_TAG } from '../../harness/reporting/guide-gaps.ts';
import { StepPictures } from '../../harness/scenario/step-pictures.ts';
import { MATCHER_KINDS } from './matchers.ts';
import { skipReasonOf } from './skipping.ts';
import type { ScenarioWorld } from './world.ts';

type StepFn<Args extends unknown[]> = (this: ScenarioWorld, ...args: Args) => Promise<void>;

/**
 * The memory of one worker (or cucumber-js run) of the guide-step pictures it took: every picture of a guide-path
 * scenario, which the illustrated guide shows first, and of a gap scenario, whose last picture its section shows.
 */
export function stepPicturesOfWorker(env: NodeJS.ProcessEnv = process.env): StepPictures {
  return new StepPictures(speedOptions(env).evidence, [GUIDE_PATH_TAG, GAP_TAG]);
}

/**
 * Step functions registered with Then (steps/support/bdd.ts). A Then step observes: when its check fails the
 * scenario goes on, so it reports every broken promise it saw, and fails at its end (ScenarioWorld.softFailure).
 */
const observing = new WeakSet<object>();

/** Called by steps/support/bdd.ts for every Then step. */
export function markObserving(fn: object): void {
  observing.add(fn);
}

/**
 * Marks a step definition as verifying one sentence of the guide. A check that fails inside it leaves an outcome
 * record (harness/scenario/outcome.ts) with the test result: this guide step, the kind of drift, the guide's words and what
 * the site showed instead. The error keeps the same words for the terminal and the trace; no report reads them back.
 */
export function verifies<Args extends unknown[]>(stepId: string, fn: StepFn<Args>): StepFn<Args> {
  return verifying(stepId, fn, 'the guide');
}

/**
 * Marks a Then step definition that checks a promise the guide does not state (a security promise of
 * docs/site-rules.md, what a person meets when saving fails), while following one sentence of the guide. In a
 * scenario that exists to check such promises (@security, @faults), the site doing otherwise is a site finding of
 * that class, not the guide drifting; in any other scenario it is still a drift of the sentence. A part of it run
 * through `partOfGuideStep` checks the guide's own words, and is a drift wherever it fails.
 */
export function checksPromise<Args extends unknown[]>(stepId: string, fn: StepFn<Args>): StepFn<Args> {
  return verifying(stepId, fn, 'a promise beyond the guide');
}

/** Whose words a step definition checks: the guide's sentence only, or a promise beyond it. */
type Checking = 'the guide' | 'a promise beyond the guide';

function verifying<Args extends unknown[]>(stepId: string, fn: StepFn<Args>, checking: Checking): StepFn<Args> {
  const step = guideStep(stepId);
  const wrapped = async function (this: ScenarioWorld, ...args: Args) {
    let failed = false;
    // The guide's sentence held: its checks passed, or what failed was a promise beyond its words (a finding).
    let held = false;
    this.beginGuideStep(step.id);
    try {
      await fn.apply(this, args);
      held = true;
    } catch (thrown) {
      // A part of the Gherkin step may belong to another sentence of the guide (partOfGuideStep).
      const [error, owner] = thrown instanceof InGuideStep ? [thrown.cause, thrown.step] : [thrown, step];
      // A scenario skipped because the site cannot support it says nothing about the guide.
      if (skipReasonOf(error) !== undefined) throw error;
      failed = true;
      const record = recordOf(error, owner, MATCHER_KINDS);
      // A crash or a timeout while acting is left as it is, rather than guessed at.
      if (!record) throw error;
      // Only a Then step checks a promise: a Given or When step acting on the way is following the guide, and so is
      // a part of a step that checks the guide's own words (partOfGuideStep).
      const finding =
        observing.has(wrapped) && !(thrown instanceof InGuideStep)
          ? this.findingOf(record, checking === 'a promise beyond the guide')
          : undefined;
      if (finding) {
        // The site broke a promise the scenario checks beyond the guide's words: a finding, not the guide drifting.
        held = true;
        const fails = await this.recordFinding(finding);
        const message = [findingHeading(finding), findingLine(finding), finding.evidence && `\n${finding.evidence}`]
          .filter(Boolean)
          .join('\n');
        if (!observing.has(wrapped)) throw renamed(error as Error, message);
        if (fails) this.noteSoftFailure(message);
        return;
      }
      await this.recordOutcome(record);
      const message = [guideHeading(record), driftLine(record), record.evidence && `\n${record.evidence}`]
        .filter(Boolean)
        .join('\n');
      if (!observing.has(wrapped)) throw renamed(error as Error, message);
      this.noteSoftFailure(message);
    } finally {
      // A control a reader cannot use (an accessibility violation on it) fails the step, but the scenario goes on.
      const unusable = await this.finishGuideStep(failed);
      if (unusable) held = false;
      if (unusable && !failed) {
        failed = true;
        const record = recordOf(unusable, step)!;
        await this.recordOutcome(record);
        this.noteSoftFailure([guideHeading(record), driftLine(record)].join('\n'));
      }
      if (held) this.noteGuideStepHeld(step.id);
      const onlyLooked = observing.has(wrapped) && !failed;
      await this.captureStepPicture(`${EVIDENCE_PREFIX}${step.id}${onlyLooked ? CHECKED_SUFFIX : ''}`, failed);
      this.endGuideStep();
    }
  };
  // playwright-bdd checks a step function's arity against its pattern.
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

/** A failure inside `partOfGuideStep`, with the guide step it belongs to. */
class InGuideStep extends Error {
  constructor(
    readonly step: GuideStep,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Inside a step that follows several sentences of the guide at once (the keyboard walk types a whole form in one
 * Gherkin step), the part that follows one sentence: a check failing in it is a drift of that sentence, not of the
 * one the Gherkin step is tied to.
 */
export async function partOfGuideStep(stepId: string, action: () => Promise<void>): Promise<void> {
  const step = guideStep(stepId);
  try {
    await action();
  } catch (error) {
    throw new InGuideStep(step, error);
  }
}

function renamed(error: Error, message: string): Error {
  const original = error.message;
  error.message = message;
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, message);
  return error;
}
