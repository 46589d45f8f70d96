import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  leaveOutPictures,
  picturesOf,
  picturesToLeaveOut,
  type ReportPicture,
} from '../../harness/reporting/allure-results.ts';
import { shareableBytes } from '../../harness/reporting/publish-reports.ts';
import { reportPaths } from '../../harness/config/reports-dir.ts';

const picture = (source: string, need: 0 | 1 | 2, start: number, bytes = 100): ReportPicture => ({
  source,
  bytes,
  need,
  start,
});

describe('the shareable reports keep under their weight by leaving pictures out', () => {
  it('leaves out a passing scenario’s pictures first, then the steps that did not fail, the last met first', () => {
    const pictures = [
      picture('failed-step', 0, 1),
      picture('other-step-early', 1, 1),
      picture('other-step-late', 1, 5),
      picture('passing', 2, 3),
    ];
    expect([...picturesToLeaveOut(pictures, 150)]).toEqual(['passing', 'other-step-late']);
    expect(picturesToLeaveOut(pictures, 0).size).toBe(0);
    expect([...picturesToLeaveOut(pictures, 10_000)]).toEqual([
      'passing',
      'other-step-late',
      'other-step-early',
      'failed-step',
    ]);
  });

  it('reads how much each picture is needed from the results, and takes a left-out one out with its own step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-budget-'));
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) writeFileSync(join(dir, name), Buffer.alloc(50));
    const attach = (source: string) => ({
      name: source,
      status: 'passed',
      attachments: [{ name: source, source, type: 'image/jpeg' }],
    });
    writeFileSync(
      join(dir, 'failed-result.json'),
      JSON.stringify({
        name: 'failed',
        status: 'failed',
        start: 1,
        labels: [],
        steps: [
          { name: 'When it passed', status: 'passed', steps: [attach('a.jpg')] },
          { name: 'Then it failed', status: 'failed', steps: [attach('b.jpg')] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'passed-result.json'),
      JSON.stringify({ name: 'passed', status: 'passed', start: 2, labels: [], steps: [attach('c.jpg')] }),
    );
    expect(picturesOf(dir).map((p) => [p.source, p.need, p.bytes])).toEqual([
      ['a.jpg', 1, 50],
      ['b.jpg', 0, 50],
      ['c.jpg', 2, 50],
    ]);
    leaveOutPictures(dir, new Set(['a.jpg']));
    const failed = JSON.parse(readFileSync(join(dir, 'failed-result.json'), 'utf8')) as {
      steps: { name: string; steps: unknown[] }[];
    };
    expect(failed.steps.map((s) => [s.name, s.steps.length])).toEqual([
      ['When it passed', 0],
      ['Then it failed', 1],
    ]);
    expect(existsSync(join(dir, 'a.jpg'))).toBe(false);
    expect(picturesOf(dir).map((p) => p.source)).toEqual(['b.jpg', 'c.jpg']);
  });

  it('weighs the illustrated guides and Allure’s page, not the QA reports', () => {
    const paths = reportPaths(mkdtempSync(join(tmpdir(), 'shareable-')));
    mkdirSync(join(paths.guide, 'a-guide'), { recursive: true });
    writeFileSync(join(paths.guide, 'index.html'), Buffer.alloc(10));
    writeFileSync(join(paths.guide, 'a-guide', 'index.html'), Buffer.alloc(20));
    mkdirSync(paths.allureReport, { recursive: true });
    writeFileSync(join(paths.allureReport, 'index.html'), Buffer.alloc(30));
    mkdirSync(paths.playwrightHtml, { recursive: true });
    writeFileSync(join(paths.playwrightHtml, 'index.html'), Buffer.alloc(1000));
    expect(shareableBytes(paths)).toBe(60);
  });
});
