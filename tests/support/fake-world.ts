import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
// eslint-disable-next-line no-restricted-imports -- the tests of the steps' own glue: nothing else may import steps
import type { ScenarioWorld } from '../../steps/support/world.ts';

/** Just what `verifies` (steps/support/guide-step.ts) asks of a scenario's world, keeping the records it is given. */
export function fakeWorld(): { world: ScenarioWorld; records: OutcomeRecord[] } {
  const records: OutcomeRecord[] = [];
  const world = {
    beginGuideStep: () => undefined,
    finishGuideStep: () => Promise.resolve(undefined),
    recordOutcome: (record: OutcomeRecord) => Promise.resolve(void records.push(record)),
    findingOf: () => undefined,
    noteGuideStepHeld: () => undefined,
    noteSoftFailure: () => undefined,
    captureStepPicture: () => Promise.resolve(),
    endGuideStep: () => undefined,
  };
  return { world: world as unknown as ScenarioWorld, records };
}
