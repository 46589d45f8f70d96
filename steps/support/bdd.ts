// The one place step files get Given/When/Then from, so the same step files serve both runners (house rule 7).
// cucumber.mjs sets GUIDE_RUNNER=cucumber; anything else (bddgen, playwright test) gets playwright-bdd's functions.
// The other runner's module is never loaded: each runner complains when its registration functions run outside it.
import type * as PlaywrightBdd from '../fixtures.ts';
import { markObserving } from './guide-step.ts';

type StepDefiners = Pick<typeof PlaywrightBdd, 'Given' | 'When' | 'Then'>;

const definers: StepDefiners =
  process.env.GUIDE_RUNNER === 'cucumber'
    ? ((await import('@cucumber/cucumber')) as unknown as StepDefiners)
    : await import('../fixtures.ts');

export const { Given, When } = definers;

/** A Then step observes: its failed checks let the scenario go on (steps/support/guide-step.ts). */
export const Then = ((...args: Parameters<StepDefiners['Then']>) => {
  markObserving(args[1]);
  return definers.Then(...args);
}) as StepDefiners['Then'];
