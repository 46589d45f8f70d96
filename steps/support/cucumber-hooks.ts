// Loaded by cucumber-js only (see cucumber.mjs); under Playwright, steps/fixtures.ts builds the same world.
import {
  After,
  AfterAll,
  Before,
  BeforeAll,
  setDefaultTimeout,
  setDefinitionFunctionWrapper,
  setWorldConstructor,
  Status,
  type IWorldOptions,
} from '@cucumber/cucumber';
import { CucumberWorld, cucumberTimeouts, type Run, startRun, stopRun } from './cucumber-world.ts';
import { siteProfile, unmetNeed } from '../../site/profile.ts';
import { skipReasonOf } from './skipping.ts';
import { lookStepsOf } from '../../harness/reporting/guide-looks.ts';

/**
 * The run's browser and site belong to the hooks that start and stop them. cucumber-js builds each world after
 * BeforeAll and hands it only a structured clone of its world parameters, which cannot carry a browser, so the
 * world's class is made here, where it can see the run.
 */
function ownTheRun(): void {
  let run: Run | undefined;
  BeforeAll(async () => {
    run = await startRun();
  });
  AfterAll(async () => {
    await stopRun(run);
    run = undefined;
  });
  setWorldConstructor(
    class extends CucumberWorld {
      constructor(options: IWorldOptions) {
        super(options, run);
      }
    },
  );
}
ownTheRun();

// A step that finds the scenario cannot run on this site (skipping.ts) returns 'skipped', cucumber-js's only way to
// skip from inside a scenario. cucumber-js keeps each step's arity and location through the wrapper.
setDefinitionFunctionWrapper(
  (fn: (this: CucumberWorld, ...args: unknown[]) => unknown) =>
    async function (this: CucumberWorld, ...args: unknown[]) {
      try {
        return await fn.apply(this, args);
      } catch (error) {
        const reason = skipReasonOf(error);
        if (reason === undefined) throw error;
        this.noteSkipped(reason);
        return 'skipped';
      }
    },
);
setDefaultTimeout(cucumberTimeouts().cucumberStepMs);

// A scenario needing what the site profile says the site lacks is skipped, with the reason, before it starts.
Before(function (this: CucumberWorld, { pickle }) {
  this.checksPromiseOf(
    pickle.tags.map((tag) => tag.name),
    pickle.name,
  );
  this.pictureLooksOf(lookStepsOf(pickle.tags.map((tag) => tag.name)));
  const need = unmetNeed(
    siteProfile(),
    pickle.tags.map((tag) => tag.name),
  );
  if (need === undefined) return undefined;
  this.noteSkipped(need);
  return 'skipped';
});

// Which guide-step pictures the scenario takes depends on its tags (harness/scenario/step-pictures.ts).
Before(function (this: CucumberWorld, { pickle }) {
  this.picturesFor(pickle.tags.map((tag) => tag.name));
});

After(async function (this: CucumberWorld, { result }) {
  if (result?.status === Status.FAILED) await this.captureEvidence('screenshot of the failure');
  await this.tearDown();
  this.attachStepsHeld();
  const softFailure = this.softFailure();
  if (softFailure && result?.status === Status.PASSED) throw softFailure;
});
