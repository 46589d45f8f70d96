import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStepCosts } from '../../commands/bench/report.ts';
import { readStepTimes, stepCosts } from '../../commands/bench/step-costs.ts';
import {
  STEP_TIMES_ATTACHMENT,
  StepTimes,
  stepTimesBody,
  stepTimesWanted,
  type GuideStepTime,
} from '../../harness/scenario/step-times.ts';

const time = (guideStep: string, ms: number, parts: Partial<GuideStepTime> = {}): GuideStepTime => ({
  guideStep,
  ms,
  scanMs: 0,
  pictureMs: 0,
  lookMs: 0,
  waitMs: 0,
  ...parts,
});

describe('a scenario’s clock of its guide steps', () => {
  it('times each step from its start to its end, with the parts measured inside it', async () => {
    let now = 0;
    const times = new StepTimes(() => now);
    times.begin('account.2');
    now = 100;
    times.add('scanMs', 40);
    await times.part('pictureMs', async () => {
      now = 130;
    });
    times.add('waitMs', 12);
    now = 150;
    times.end();
    // Nothing between steps counts, and a part outside a step is only run.
    await times.part('lookMs', async () => {
      now = 500;
    });
    times.begin('account.3');
    now = 510;
    times.end();
    expect(times.times).toEqual([
      time('account.2', 150, { scanMs: 40, pictureMs: 30, waitMs: 12 }),
      time('account.3', 10),
    ]);
  });

  it('is stored only when the run asks for it', () => {
    expect(stepTimesWanted({})).toBe(false);
    expect(stepTimesWanted({ GUIDE_STEP_TIMES: 'on' })).toBe(true);
  });
});

describe('the benchmark’s time per guide step', () => {
  const costs = stepCosts(
    [
      time('sign-in.2', 300, { pictureMs: 50 }),
      time('account.2', 900, { scanMs: 120, lookMs: 200, waitMs: 60 }),
      time('sign-in.2', 500, { scanMs: 80, pictureMs: 40 }),
    ],
    (id) => (id === 'account.2' ? 'click on “Your Account” | there.' : 'go to the sign in page'),
  );

  it('sums each guide step over the suite, the most costly first, with the evidence’s part', () => {
    expect(costs).toEqual([
      {
        guideStep: 'account.2',
        text: 'click on “Your Account” | there.',
        times: 1,
        seconds: 0.9,
        scanSeconds: 0.12,
        pictureSeconds: 0,
        lookSeconds: 0.2,
        waitSeconds: 0.06,
      },
      {
        guideStep: 'sign-in.2',
        text: 'go to the sign in page',
        times: 2,
        seconds: 0.8,
        scanSeconds: 0.08,
        pictureSeconds: expect.closeTo(0.09) as number,
        lookSeconds: 0,
        waitSeconds: 0,
      },
    ]);
  });

  it('renders a row per guide step and one for all, for the benchmark’s page', () => {
    const rows = renderStepCosts(costs).split('\n');
    expect(rows[2]).toBe(
      '| guide step | the guide says | done | total | each (mean) | of which scans | pictures | looks | waits for answers |',
    );
    expect(rows[4]).toBe(
      '| account.2 | click on “Your Account” \\| there. | 1 | 0.90 s | 900 ms | 0.12 s | 0.00 s | 0.20 s | 0.06 s |',
    );
    expect(rows[5]).toBe(
      '| sign-in.2 | go to the sign in page | 2 | 0.80 s | 400 ms | 0.08 s | 0.09 s | 0.00 s | 0.00 s |',
    );
    expect(rows.at(-1)).toBe('| all |  | 3 | 1.70 s |  | 0.20 s | 0.09 s | 0.20 s | 0.06 s |');
  });

  it('reads the times of each scenario’s first attempt from a Playwright JSON report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'step-costs-'));
    const attachment = (times: GuideStepTime[]) => ({
      name: STEP_TIMES_ATTACHMENT,
      body: Buffer.from(stepTimesBody(times)).toString('base64'),
    });
    const path = join(dir, 'report.json');
    writeFileSync(
      path,
      JSON.stringify({
        suites: [
          {
            suites: [
              {
                specs: [
                  {
                    tests: [
                      {
                        results: [
                          { attachments: [attachment([time('a.1', 10)])] },
                          { attachments: [attachment([time('a.1', 99)])] },
                        ],
                      },
                    ],
                  },
                  { tests: [{ results: [{ attachments: [attachment([time('a.2', 20), time('a.3', 30)])] }] }] },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(readStepTimes(path)).toEqual([time('a.1', 10), time('a.2', 20), time('a.3', 30)]);
    expect(readStepTimes(join(dir, 'none.json'))).toEqual([]);
  });
});
