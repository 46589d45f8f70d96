import { EVIDENCE_PREFIX, guideStep } from '../../harness/guide.ts';
import { speedOptions } from '../../harness/speed-options.ts';
import { skipReasonOf } from './skipping.ts';
import type { ScenarioWorld } from './world.ts';

type StepFn<Args extends unknown[]> = (this: ScenarioWorld, ...args: Args) => Promise<void>;

const { evidence } = speedOptions();

/**
 * Marks a step definition as verifying one sentence of the guide. Whatever fails inside it is reported as that
 * sentence no longer holding, with the guide's own words first, so the terminal, Allure and the trace all say which
 * promise of the guide broke before they say how.
 */
export function verifies<Args extends unknown[]>(stepId: string, fn: StepFn<Args>): StepFn<Args> {
  const step = guideStep(stepId);
  const wrapped = async function (this: ScenarioWorld, ...args: Args) {
    let failed = false;
    try {
      await fn.apply(this, args);
    } catch (error) {
      failed = true;
      throw nameGuideStep(error, `Guide step ${step.id}: “${step.text}”`);
    } finally {
      if (failed || evidence === 'every-step') await this.captureEvidence(`${EVIDENCE_PREFIX}${step.id}`);
    }
  };
  // playwright-bdd checks a step function's arity against its pattern.
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

function nameGuideStep(error: unknown, heading: string): unknown {
  // A scenario skipped because the site cannot support it says nothing about the guide.
  if (!(error instanceof Error) || error.message.startsWith('Guide step ') || skipReasonOf(error) !== undefined) {
    return error;
  }
  const original = error.message;
  error.message = `${heading}\n${driftKindOf(error)}${original}`;
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
  return error;
}

/**
 * Page objects and placement matchers name the kind of drift themselves. A plain assertion that failed means the
 * site did something other than what the guide says: a drift in behaviour. Anything else (a crash, a timeout while
 * acting) is left as it is, rather than guessed at.
 */
function driftKindOf(error: Error): string {
  if (/Drift \((moved|renamed|missing|reordered|behaviour)\)/.test(error.message)) return '';
  return 'matcherResult' in error ? 'Drift (behaviour): the site does not do what the guide says.\n' : '';
}
