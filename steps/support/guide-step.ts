import { stripVTControlCharacters } from 'node:util';
import { GuideDrift } from '../../pages/support/drift.ts';
import { EVIDENCE_PREFIX, guideStep, type GuideStep } from '../../harness/guide.ts';
import { driftLine, guideHeading, type OutcomeRecord } from '../../harness/outcome.ts';
import { speedOptions } from '../../harness/speed-options.ts';
import { MATCHER_KINDS } from './matchers.ts';
import { skipReasonOf } from './skipping.ts';
import type { ScenarioWorld } from './world.ts';

type StepFn<Args extends unknown[]> = (this: ScenarioWorld, ...args: Args) => Promise<void>;

const { evidence } = speedOptions();

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
 * record (harness/outcome.ts) with the test result: this guide step, the kind of drift, the guide's words and what
 * the site showed instead. The error keeps the same words for the terminal and the trace; no report reads them back.
 */
export function verifies<Args extends unknown[]>(stepId: string, fn: StepFn<Args>): StepFn<Args> {
  const step = guideStep(stepId);
  const wrapped = async function (this: ScenarioWorld, ...args: Args) {
    let failed = false;
    try {
      await fn.apply(this, args);
    } catch (error) {
      // A scenario skipped because the site cannot support it says nothing about the guide.
      if (skipReasonOf(error) !== undefined) throw error;
      failed = true;
      const record = recordOf(error, step);
      // A crash or a timeout while acting is left as it is, rather than guessed at.
      if (!record) throw error;
      await this.recordOutcome(record);
      const message = [guideHeading(record), driftLine(record), record.evidence && `\n${record.evidence}`]
        .filter(Boolean)
        .join('\n');
      if (!observing.has(wrapped)) throw renamed(error as Error, message);
      this.noteSoftFailure(message);
    } finally {
      if (failed || evidence === 'every-step') await this.captureEvidence(`${EVIDENCE_PREFIX}${step.id}`);
    }
  };
  // playwright-bdd checks a step function's arity against its pattern.
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

/**
 * The record of a failed check, or undefined when the error is no check of the guide. Page objects say the kind
 * themselves (GuideDrift); the custom matchers each stand for one kind; any other failed assertion means the site
 * did something other than the guide says.
 */
export function recordOf(error: unknown, step: Pick<GuideStep, 'id' | 'text'>): OutcomeRecord | undefined {
  const guide = { guideStep: step.id, guideSays: step.text };
  if (error instanceof GuideDrift) {
    return { ...guide, kind: error.kind, siteShowed: error.siteShowed, ...(error.evidence && { evidence: error.evidence }) };
  }
  const result = matcherResultOf(error);
  if (!result) return undefined;
  const custom = MATCHER_KINDS[result.name];
  if (custom) return { ...guide, kind: custom, siteShowed: result.message };
  return {
    ...guide,
    kind: 'behaviour',
    siteShowed: assertionSummary(result, customMessageOf(error as Error, result.message)),
    evidence: stripVTControlCharacters((error as Error).message),
  };
}

interface MatcherResult {
  name: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** Playwright's expect errors carry what was compared as `matcherResult`. */
function matcherResultOf(error: unknown): MatcherResult | undefined {
  if (!(error instanceof Error) || !('matcherResult' in error)) return undefined;
  const result = error.matcherResult as Partial<MatcherResult> | undefined;
  if (typeof result?.name !== 'string') return undefined;
  return { ...result, name: result.name, message: stripVTControlCharacters(String(result.message ?? '')) };
}

/** `expect(value, 'what should hold')`: Playwright puts that sentence before the matcher's own message. */
function customMessageOf(error: Error, matcherMessage: string): string {
  const message = stripVTControlCharacters(error.message);
  return message.endsWith(matcherMessage) ? message.slice(0, message.length - matcherMessage.length).trim() : '';
}

const BRIEF_WIDTH = 140;

function brief(value: unknown): string {
  const text = typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
  return text.length > BRIEF_WIDTH ? `${text.slice(0, BRIEF_WIDTH - 1)}…` : text;
}

/** One sentence: what should have held, what was expected, what the site showed. The full diff is the evidence. */
function assertionSummary(result: MatcherResult, what: string): string {
  const claim = what || `The check ${result.name} failed`;
  const expected = result.expected === undefined ? '' : `expected ${brief(result.expected)}, `;
  const shown = result.actual === undefined ? 'nothing that matched' : brief(result.actual);
  return `${claim}: ${expected}the site showed ${shown}.`;
}

function renamed(error: Error, message: string): Error {
  const original = error.message;
  error.message = message;
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, message);
  return error;
}
