import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readCucumberOutcomes } from '../../harness/reporting/cucumber-json.ts';
import { readScenarios, type WrittenScenario } from '../../harness/guide/features.ts';
import { EVIDENCE_PREFIX } from '../../harness/guide/guide.ts';
import { gapNote, gapStatus, gatherGaps } from '../../harness/reporting/guide-gaps.ts';
import {
  compareLook,
  clipAround,
  DATE_PATTERN,
  LOOK_DIFF_PREFIX,
  LOOK_PICTURE_PREFIX,
  LOOK_THRESHOLD,
  lookStepsOf,
  stepLooks,
} from '../../harness/reporting/guide-looks.ts';
import { readPlaywrightOutcomes } from '../../harness/reporting/results.ts';
import { outcome } from '../../harness/reporting/scenario-outcome.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaps-and-looks-'));

const kids: WrittenScenario = {
  name: 'With a Kids profile in use, the password cannot be changed',
  file: 'features/change-password.feature',
  line: 102,
  scenarioLine: 102,
  tags: ['change-password', 'gap', 'guide:profile.2', 'guide:account.6'],
  parameters: {},
  description: 'Gap: with a Kids profile in use the password cannot be changed.\nMore words for the feature’s reader.',
};
const lockRow = (line: number, whose: string): WrittenScenario => ({
  name: `After 5 failed sign-ins with ${whose} email, even the right password has to wait`,
  file: 'features/security/sign-in-security.feature',
  line,
  scenarioLine: 20,
  tags: ['security', 'gap', 'guide:sign-in.3'],
  parameters: { whose },
  description: 'Gap: after 5 failed sign-ins the email is locked for 15 minutes.',
});
const plain: WrittenScenario = { ...kids, name: 'Not a gap', line: 50, scenarioLine: 50, tags: ['guide:account.6'] };
const WRITTEN = [plain, kids, lockRow(30, 'my'), lockRow(31, 'an unknown')];

describe('what the guide leaves out, gathered from the features and a run', () => {
  it('takes the note from the first line of a @gap scenario’s description, and refuses a @gap without one', () => {
    expect(gapNote(kids)).toBe('With a Kids profile in use the password cannot be changed.');
    expect(() => gapNote({ ...kids, description: 'Just a description.' })).toThrow(
      /features\/change-password.feature:102 is tagged @gap but does not say the gap/,
    );
    expect(() => gapNote({ ...kids, description: undefined })).toThrow(/Gap: what the guide doesn't tell/);
  });

  it('gathers one gap per written scenario, an outline’s rows as its evidence, from Playwright’s outcomes', () => {
    const shot = (n: number) => ({ name: `${EVIDENCE_PREFIX}account.6`, path: `/run/evidence-${n}.png` });
    const outcomes = [
      outcome({
        scenario: { file: kids.file, line: 102, name: kids.name },
        attempts: ['passed'],
        tags: kids.tags,
        records: [],
        error: undefined,
        attachments: [shot(1), { name: 'trace', path: '/run/trace.zip' }, shot(2)],
      }),
      outcome({
        scenario: { file: lockRow(30, 'my').file, line: 30, name: lockRow(30, 'my').name },
        attempts: ['failed'],
        tags: ['gap'],
        records: [],
        error: 'timeout',
        attachments: [{ name: 'screenshot', path: '/run/failure.png' }],
      }),
    ];
    const gaps = gatherGaps(WRITTEN, outcomes);
    expect(gaps.map((g) => [g.note, g.line, g.guideSteps])).toEqual([
      ['With a Kids profile in use the password cannot be changed.', 102, ['profile.2', 'account.6']],
      ['After 5 failed sign-ins the email is locked for 15 minutes.', 20, ['sign-in.3']],
    ]);
    expect(gaps[0]!.evidence).toEqual([
      { scenario: { file: kids.file, line: 102, name: kids.name }, status: 'passed', picture: '/run/evidence-2.png' },
    ]);
    expect(gaps[1]!.evidence.map((e) => [e.status, e.picture])).toEqual([
      ['failed', '/run/failure.png'],
      ['not run', undefined],
    ]);
    expect(gaps.map(gapStatus)).toEqual(['passed', 'failed']);
    expect(gapStatus({ ...gaps[0]!, evidence: [] })).toBe('not run');
    // A flaky run of it failed its first attempt, the verdict.
    const flaky = { scenario: { file: 'features/x.feature', line: 1, name: 'x' }, status: 'flaky' as const };
    expect(gapStatus({ ...gaps[0]!, evidence: [flaky] })).toBe('failed');
  });

  it('gathers the same gaps from cucumber-js’s Cucumber JSON, which keeps no files', () => {
    const path = join(dir, 'cucumber.json');
    const passed = { result: { status: 'passed' } };
    writeFileSync(
      path,
      JSON.stringify([
        {
          uri: kids.file,
          elements: [
            { name: kids.name, line: 102, type: 'scenario', tags: [{ name: '@gap' }], steps: [passed] },
            { name: plain.name, line: 50, type: 'scenario', tags: [], steps: [passed] },
          ],
        },
      ]),
    );
    const gaps = gatherGaps(WRITTEN, readCucumberOutcomes(path)!);
    expect(gaps[0]!.evidence).toEqual([
      { scenario: { file: kids.file, line: 102, name: kids.name }, status: 'passed' },
    ]);
    expect(gaps.map(gapStatus)).toEqual(['passed', 'not run']);
  });

  it('finds every @gap of the features with its note', () => {
    const gaps = gatherGaps(readScenarios(), []);
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    for (const gap of gaps) expect(gap.note).toMatch(/^[A-Z].{20,}$/);
  });
});

/** A picture of flat colour with a dark box at (x, y), like a control on a page. */
function picture(width: number, height: number, box?: { x: number; y: number; w: number; h: number }): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = box && x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
      const i = (y * width + x) * 4;
      png.data.set(inside ? [20, 20, 20, 255] : [240, 240, 240, 255], i);
    }
  }
  return PNG.sync.write(png);
}

describe('does it still look like the guide', () => {
  const step = { guide: 'a-guide', guideStep: 'account.2' };

  it('finds no difference between two pictures of the same page', () => {
    const { record, diff } = compareLook(
      step,
      picture(200, 100, { x: 10, y: 10, w: 40, h: 20 }),
      picture(200, 100, { x: 10, y: 10, w: 40, h: 20 }),
    );
    expect(record).toMatchObject({
      verdict: 'same',
      differentPixels: 0,
      totalPixels: 20_000,
      threshold: LOOK_THRESHOLD,
    });
    expect(diff).toBeUndefined();
  });

  it('warns above the threshold, with a picture of what differs; below it, the step still looks the same', () => {
    const accepted = picture(200, 100, { x: 10, y: 10, w: 40, h: 20 });
    const moved = compareLook(step, picture(200, 100, { x: 100, y: 10, w: 40, h: 20 }), accepted);
    expect(moved.record.verdict).toBe('looks different');
    expect(moved.record.differentPixels).toBe(1_600);
    expect(PNG.sync.read(moved.diff!).width).toBe(200);
    const speck = compareLook(step, picture(200, 100, { x: 10, y: 10, w: 41, h: 20 }), accepted);
    expect(speck.record).toMatchObject({ verdict: 'same', differentPixels: 20 });
  });

  it('counts what one picture has and the other lacks when their sizes differ', () => {
    const { record } = compareLook(step, picture(200, 120), picture(200, 100));
    expect(record).toMatchObject({ verdict: 'looks different', size: { width: 200, height: 120 } });
    expect(record.acceptedSize).toEqual({ width: 200, height: 100 });
    expect(record.differentPixels).toBe(200 * 20);
  });

  it('says so when no picture was accepted yet', () => {
    expect(compareLook(step, picture(10, 10), undefined).record.verdict).toBe('no accepted picture');
  });

  it('clips around the control in whole pixels, cut at the viewport’s edge', () => {
    const viewport = { width: 1280, height: 720 };
    expect(clipAround({ x: 1000.4, y: 20.6, width: 100, height: 30 }, viewport)).toEqual({
      x: 760,
      y: 0,
      width: 1280 - 760,
      height: 20 + 31 + 140,
    });
    expect(clipAround({ x: 2000, y: 20, width: 10, height: 10 }, viewport)).toBeUndefined();
  });

  it('pictures the steps of @guide-path scenarios only', () => {
    expect(lookStepsOf(['@guide:account.1', '@guide-path', '@guide:account.2'])).toEqual(['account.1', 'account.2']);
    expect(lookStepsOf(['guide:account.1'])).toEqual([]);
  });

  it('blanks dates and times a page shows, and leaves other numbers alone', () => {
    const dates = new RegExp(DATE_PATTERN, 'g');
    const found = (text: string) => [...text.matchAll(dates)].map((m) => m[0]);
    expect(found('Member since November 2026')).toEqual(['November 2026']);
    expect(found('Signed in on Nov 30, 2026 at 7:05 AM, 2026-11-30T07:05')).toEqual([
      'Nov 30, 2026',
      '7:05 AM',
      '2026-11-30T07:05',
    ]);
    expect(found('+1 21• ••• ••23, Premium · Ultra HD, 5 profiles')).toEqual([]);
  });

  it('reads the looks of a run from Playwright’s JSON report, with their pictures', () => {
    const record = { ...compareLook(step, picture(4, 4), picture(4, 4, { x: 0, y: 0, w: 4, h: 4 })).record };
    const path = join(dir, 'playwright-results.json');
    const body = Buffer.from(JSON.stringify(record)).toString('base64');
    writeFileSync(
      path,
      JSON.stringify({
        suites: [
          {
            specs: [
              {
                title: 'Opens the menu',
                file: 'features/choose-profile.feature.spec.js',
                tags: ['@guide-path'],
                tests: [
                  {
                    results: [
                      {
                        status: 'passed',
                        attachments: [
                          { name: `${LOOK_PICTURE_PREFIX}account.2`, path: '/run/look.png' },
                          { name: `${LOOK_DIFF_PREFIX}account.2`, path: '/run/diff.png' },
                          { name: 'guide-look', contentType: 'application/vnd.guide-look+json', body },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const looks = stepLooks(readPlaywrightOutcomes(path, [])!);
    expect(looks.get('account.2')).toMatchObject({
      record: { verdict: 'looks different', differentPixels: 16 },
      picture: '/run/look.png',
      diff: '/run/diff.png',
    });
  });
});
