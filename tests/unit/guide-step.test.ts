import { fakeWorld } from '../support/fake-world.ts';
import { describe, expect, it } from 'vitest';
import type { OutcomeRecord } from '../../harness/scenario/outcome.ts';
import { GuideDrift } from '../../pages/support/drift.ts';
// eslint-disable-next-line no-restricted-imports -- the test of the steps' own glue: nothing else may import steps
import { checksPromise, markObserving, partOfGuideStep, verifies } from '../../steps/support/guide-step.ts';
// eslint-disable-next-line no-restricted-imports -- as above
import { ScenarioWorld } from '../../steps/support/world.ts';
import type { FindingRecord } from '../../harness/scenario/finding.ts';
import type { SiteControl } from '../../site/control.ts';
import { expect as playwrightExpect } from '@playwright/test';

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

/** A real world, with no browser: what a check's failure becomes in a scenario of these tags. */
function worldOf(tags: string[], name = 'The scenario') {
  const records: OutcomeRecord[] = [];
  const findings: FindingRecord[] = [];
  const world = new ScenarioWorld({
    openDevicePage: () => Promise.reject(new Error('no browser in a unit test')),
    control: {} as SiteControl,
    scenarioKey: 'unit',
    attachOutcome: (record) => Promise.resolve(void records.push(record)),
    attachFinding: (finding) => Promise.resolve(void findings.push(finding)),
  });
  world.checksPromiseOf(tags, name);
  return { world, records, findings };
}

describe('a check of a promise the guide does not state', () => {
  const brokenPromise = () => {
    const step = checksPromise('sign-in.4', () => {
      playwrightExpect([1], 'none of the guesses should sign in').toHaveLength(0);
      return Promise.resolve();
    });
    markObserving(step);
    return step;
  };

  it('is a security finding in a security scenario, named by its ASVS requirements, and no drift', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:2.2.1', '@guide:sign-in.4'], 'Guesses at once');
    await brokenPromise().call(world);
    expect(records).toEqual([]);
    expect(findings).toMatchObject([
      { class: 'security', rule: 'ASVS 2.2.1', subject: 'Guesses at once', guideStep: 'sign-in.4' },
    ]);
    expect(findings[0]!.says).toMatch(/^none of the guesses should sign in/);
    // The bundled mock's profile fails the run for a security finding: the scenario fails, at its end.
    expect(world.softFailure()?.message).toMatch(/Site finding \(security\): none of the guesses/);
  });

  it('is a resilience finding in a faults scenario', async () => {
    const { world, records, findings } = worldOf(['@faults', '@guide:sign-in.4']);
    await brokenPromise().call(world);
    expect(records).toEqual([]);
    expect(findings).toMatchObject([{ class: 'resilience' }]);
  });

  it('is the guide drifting in a scenario that checks only the guide', async () => {
    const { world, records, findings } = worldOf(['@guide:sign-in.4']);
    await brokenPromise().call(world);
    expect(findings).toEqual([]);
    expect(records).toMatchObject([{ guideStep: 'sign-in.4', kind: 'behaviour' }]);
  });

  it('notes the guide steps found true, a broken promise’s step among them, and not a drifted one', async () => {
    const { world } = worldOf(['@security', '@asvs:2.2.1']);
    await verifies('sign-in.3', () => Promise.resolve()).call(world);
    await brokenPromise().call(world);
    const drifted = verifies('phone.5', () => Promise.reject(new GuideDrift('renamed', 'There is no “Save”.')));
    await expect(drifted.call(world)).rejects.toThrow();
    expect(world.guideStepsHeld).toEqual(['sign-in.3', 'sign-in.4']);
  });

  /** A Then step checking the guide's own words, such as "I am asked to choose one of the profiles". */
  const brokenGuideSentence = () => {
    const step = verifies('sign-in.4', () => {
      playwrightExpect(['Hello'], 'after signing in, the site should ask to choose a profile').toEqual([]);
      return Promise.resolve();
    });
    markObserving(step);
    return step;
  };

  it('leaves a check of the guide’s own words a drift in a security scenario, before any promise broke', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:2.2.1']);
    await brokenGuideSentence().call(world);
    expect(findings).toEqual([]);
    expect(records).toMatchObject([{ guideStep: 'sign-in.4', kind: 'behaviour' }]);
  });

  it('takes what a later check sees after a broken promise as part of that finding, not a drift', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:3.5.1'], 'A forged change');
    await brokenPromise().call(world);
    await brokenGuideSentence().call(world);
    expect(records).toEqual([]);
    expect(findings).toMatchObject([
      { class: 'security', subject: 'A forged change' },
      { class: 'security', subject: 'A forged change' },
    ]);
  });

  it('leaves the part of a promise check that checks the guide’s words a drift', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:3.3.3']);
    const step = checksPromise('password.4', async () => {
      await partOfGuideStep('password.4', () =>
        Promise.reject(new GuideDrift('behaviour', 'Device B is still signed in.')),
      );
    });
    markObserving(step);
    await step.call(world);
    expect(findings).toEqual([]);
    expect(records).toMatchObject([
      { guideStep: 'password.4', kind: 'behaviour', siteShowed: 'Device B is still signed in.' },
    ]);
  });

  it('leaves a Given or When step that fails on the way a drift, even in a security scenario', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:3.4.2']);
    const signingIn = verifies('sign-in.4', () => {
      playwrightExpect(['Hello'], 'after signing in, the site should ask to choose a profile').toEqual([]);
      return Promise.resolve();
    });
    await expect(signingIn.call(world)).rejects.toThrow();
    expect(findings).toEqual([]);
    expect(records).toMatchObject([{ guideStep: 'sign-in.4', kind: 'behaviour' }]);
  });

  it('leaves a renamed control a drift, even in a security scenario', async () => {
    const { world, records, findings } = worldOf(['@security', '@asvs:2.2.1']);
    const step = checksPromise('sign-in.4', () => Promise.reject(new GuideDrift('renamed', 'There is no “Sign in”.')));
    await expect(step.call(world)).rejects.toThrow(/There is no “Sign in”/);
    expect(findings).toEqual([]);
    expect(records).toMatchObject([{ kind: 'renamed' }]);
  });
});

describe('a Then step whose check of the guide fails', () => {
  const failingThen = () => {
    const step = verifies('password.4', () =>
      Promise.reject(new GuideDrift('behaviour', 'Device B is still signed in.')),
    );
    markObserving(step);
    return step;
  };

  it('marks its own Gherkin step failed through the runner as it runs, and lets the scenario go on', async () => {
    const failed: string[] = [];
    const world = new ScenarioWorld({
      openDevicePage: () => Promise.reject(new Error('no browser in a unit test')),
      control: {} as SiteControl,
      scenarioKey: 'unit',
      failStepSoftly: (message) => void failed.push(message),
    });
    await failingThen().call(world);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^Guide step password\.4: .*\nDrift \(behaviour\): Device B is still signed in\.$/);
    // The step failed already: nothing is left to throw at the scenario's end.
    expect(world.softFailure()).toBeUndefined();
  });

  it('fails the scenario at its end where the runner cannot mark a step failed and go on (cucumber-js)', async () => {
    const { world } = worldOf([]);
    await failingThen().call(world);
    expect(world.softFailure()?.message).toMatch(/A check of the guide failed; .*\n\nGuide step password\.4/);
  });
});
