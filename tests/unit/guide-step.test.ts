import { describe, expect, it } from 'vitest';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { GuideDrift } from '../../pages/support/drift.ts';
// eslint-disable-next-line no-restricted-imports -- the test of the steps' own glue: nothing else may import steps
import { partOfGuideStep, verifies } from '../../steps/support/guide-step.ts';
// eslint-disable-next-line no-restricted-imports -- as above
import type { ScenarioWorld } from '../../steps/support/world.ts';

/** Just what `verifies` asks of a scenario's world: it keeps the records. */
function fakeWorld() {
  const records: OutcomeRecord[] = [];
  const world = {
    beginGuideStep: () => undefined,
    finishGuideStep: () => Promise.resolve(undefined),
    recordOutcome: (record: OutcomeRecord) => Promise.resolve(void records.push(record)),
    noteSoftFailure: () => undefined,
    captureStepPicture: () => Promise.resolve(),
  };
  return { world: world as unknown as ScenarioWorld, records };
}

describe('a Gherkin step that follows several sentences of the guide', () => {
  it('blames the sentence whose part failed, not the one the step is tied to', async () => {
    const { world, records } = fakeWorld();
    const step = verifies('password.5', async () => {
      await partOfGuideStep('password.2', () => Promise.resolve());
      await partOfGuideStep('password.3', () => Promise.reject(new GuideDrift('missing', 'There is no third field.')));
    });
    await expect(step.call(world)).rejects.toThrow(/Guide step password\.3: .*\n.*There is no third field\./);
    expect(records).toMatchObject([
      { guideStep: 'password.3', kind: 'missing', siteShowed: 'There is no third field.' },
    ]);
  });

  it('blames its own sentence for what fails outside any part', async () => {
    const { world, records } = fakeWorld();
    const step = verifies('password.5', async () => {
      await partOfGuideStep('password.2', () => Promise.resolve());
      throw new GuideDrift('renamed', 'There is no “Save”.');
    });
    await expect(step.call(world)).rejects.toThrow(/Guide step password\.5/);
    expect(records).toMatchObject([{ guideStep: 'password.5', kind: 'renamed' }]);
  });

  it('leaves a crash inside a part as it is, with no record', async () => {
    const { world, records } = fakeWorld();
    const step = verifies('password.5', () =>
      partOfGuideStep('password.3', () => Promise.reject(new TypeError('boom'))),
    );
    await expect(step.call(world)).rejects.toThrow(TypeError);
    expect(records).toEqual([]);
  });
});
