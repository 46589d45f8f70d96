import { describe, expect, it } from 'vitest';
import { planAcceptance } from '../../harness/reporting/accept-pictures.ts';
import { LOOK_PICTURE_PREFIX, LOOK_THRESHOLD, type LookRecord } from '../../harness/reporting/guide-looks.ts';
import type { ScenarioOutcome } from '../../harness/reporting/scenario-outcome.ts';
import { scenarioOutcome } from '../support/scenario-outcomes.ts';

const look = (guideStep: string, verdict: LookRecord['verdict'], differentPixels = 0): LookRecord => ({
  guide: 'a-guide',
  guideStep,
  verdict,
  differentPixels,
  totalPixels: 1000,
  threshold: LOOK_THRESHOLD,
  size: { width: 40, height: 25 },
});

const pictured = (line: number, ...looks: LookRecord[]): ScenarioOutcome => ({
  ...scenarioOutcome(line, 'passed'),
  looks,
  attachments: looks.map((l) => ({
    name: `${LOOK_PICTURE_PREFIX}${l.guideStep}`,
    path: `/run/${line}/${l.guideStep}.png`,
  })),
});

const everything = () => true;
const SITE = 'site-profiles/pictures/a-site';

describe('accepting the last run’s look pictures', () => {
  it('accepts every pictured step in id order, saying what each accepted picture was', () => {
    const plan = planAcceptance(
      [pictured(3, look('b.1', 'looks different', 31)), pictured(7, look('a.1', 'no accepted picture'))],
      [],
      everything,
      SITE,
    );
    expect(plan).toEqual({
      pictures: [
        {
          step: 'a.1',
          source: '/run/7/a.1.png',
          target: 'site-profiles/pictures/a-site/a-guide/a.1.png',
          copy: true,
          was: 'new',
        },
        {
          step: 'b.1',
          source: '/run/3/b.1.png',
          target: 'site-profiles/pictures/a-site/a-guide/b.1.png',
          copy: true,
          was: 'looked different, 3.10 % changed',
        },
      ],
    });
  });

  it('leaves a picture with the same pixels alone', () => {
    const plan = planAcceptance([pictured(3, look('a.1', 'same'))], [], everything, SITE);
    expect(plan).toMatchObject({ pictures: [{ step: 'a.1', copy: false, was: 'unchanged, kept as it was' }] });
  });

  it('accepts only the steps named', () => {
    const plan = planAcceptance(
      [pictured(3, look('a.1', 'same', 1), look('a.2', 'looks different', 40))],
      ['a.2'],
      everything,
      SITE,
    );
    expect(plan).toMatchObject({ pictures: [{ step: 'a.2' }] });
  });

  it('refuses a step pictured by two scenarios, naming both', () => {
    const plan = planAcceptance(
      [pictured(3, look('a.1', 'same')), pictured(9, look('a.1', 'same'))],
      [],
      everything,
      SITE,
    );
    expect(plan).toEqual({
      error:
        'Guide step a.1 was pictured by two scenarios (features/a.feature:3 s3; features/a.feature:9 s9): tag it @guide-path in one only.',
    });
  });

  it('refuses a named step the run did not picture, and a run with no pictures', () => {
    expect(planAcceptance([pictured(3, look('a.1', 'same'))], ['z.9'], everything, SITE)).toEqual({
      error: 'The last run has no look picture of z.9; pictured steps: those of @guide-path scenarios.',
    });
    expect(planAcceptance([scenarioOutcome(3, 'passed')], [], everything, SITE)).toEqual({
      error: 'The last run has no look pictures: it ran no @guide-path scenario.',
    });
  });

  it('skips a picture whose file is gone', () => {
    const plan = planAcceptance([pictured(3, look('a.1', 'same'))], [], (path) => !path.startsWith('/run/'), SITE);
    expect(plan).toEqual({ error: 'The last run has no look pictures: it ran no @guide-path scenario.' });
  });

  it('refuses to accept for a site whose profile names no pictures folder, saying how to name one', () => {
    expect(planAcceptance([pictured(3, look('a.1', 'same'))], [], everything, undefined)).toEqual({
      error:
        'The site profile names no folder for its accepted pictures: add "pictures": "<folder>" to it (a path relative to the profile), then accept again.',
    });
  });

  it('refuses a picture taken on another site than the one whose pictures it would replace', () => {
    const classic = { ...look('a.1', 'same'), site: 'Flickbox classic' };
    expect(planAcceptance([pictured(3, classic)], [], everything, SITE, 'Flickbox')).toEqual({
      error:
        'Guide step a.1 was pictured on “Flickbox classic”, not on “Flickbox”, the site whose pictures would be replaced: accept with the same GUIDE_SITE_PROFILE (or MOCK_SITE) as the run.',
    });
    expect(planAcceptance([pictured(3, classic)], [], everything, SITE, 'Flickbox classic')).toMatchObject({
      pictures: [{ step: 'a.1' }],
    });
  });
});
