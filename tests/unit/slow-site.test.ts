import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELAYS,
  judgeRun,
  parseCpuLoadArgs,
  parseSlowSiteArgs,
  runPassed,
  scenariosSelected,
  slowestAnswerFor,
  verdictTable,
} from '../../commands/slow-site.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';
import type { ScenarioOutcome } from '../../harness/reporting/scenario-outcome.ts';
import { SITE_RENDITIONS } from '../../mock-server/index.ts';

const GUIDE_DIR = 'features/guide/';

const written = (file: string, line: number): WrittenScenario =>
  ({ name: `S${line}`, file, line, scenarioLine: line, tags: [], parameters: {}, description: '' }) as WrittenScenario;

const outcome = (line: number, status: ScenarioOutcome['status'], siteShowed?: string): ScenarioOutcome => ({
  scenario: { file: 'features/guide/a.feature', line, name: `S${line}` },
  status,
  findings: [],
  tags: [],
  guideSteps: [],
  records: siteShowed
    ? [{ guideStep: 'sign-in.4', kind: 'unusable', siteShowed } as ScenarioOutcome['records'][number]]
    : [],
  error: status === 'failed' && !siteShowed ? 'Timeout 60000ms exceeded.\nmore' : undefined,
  attachments: [],
});

describe('npm run test:slow-site', () => {
  it('runs every rendition the bundled mock lists, a new one included, at 0.3, 1 and 3 s per answer', () => {
    expect(parseSlowSiteArgs([], SITE_RENDITIONS, GUIDE_DIR)).toEqual({
      delays: DEFAULT_DELAYS,
      renditions: [...SITE_RENDITIONS],
      selection: [GUIDE_DIR],
      workers: 2,
    });
    expect(DEFAULT_DELAYS).toEqual([0.3, 1, 3]);
    const withComponents = [...SITE_RENDITIONS, 'components'];
    expect(parseSlowSiteArgs([], withComponents, GUIDE_DIR)).toMatchObject({ renditions: withComponents });
  });

  it('takes delays, renditions, workers and a selection, and refuses what it cannot run in one sentence', () => {
    expect(
      parseSlowSiteArgs(
        ['--delays', '1', '--renditions', 'classic', '--workers', '1', 'x.feature'],
        SITE_RENDITIONS,
        GUIDE_DIR,
      ),
    ).toEqual({ delays: [1], renditions: ['classic'], selection: ['x.feature'], workers: 1 });
    expect(parseSlowSiteArgs(['--delays', 'slow'], SITE_RENDITIONS, GUIDE_DIR)).toEqual({
      error: '--delays slow: give seconds per answer, 0 to 60, separated by commas (0.3,1,3).',
    });
    expect(parseSlowSiteArgs(['--renditions', 'retro'], SITE_RENDITIONS, GUIDE_DIR)).toMatchObject({
      error: expect.stringContaining('retro is not a rendition'),
    });
    expect(parseSlowSiteArgs(['--delays'], SITE_RENDITIONS, GUIDE_DIR)).toEqual({ error: '--delays needs a value.' });
  });

  it('allows the slowest answer the default and thirty answers’ worth of delay', () => {
    expect(slowestAnswerFor(0)).toBe(15);
    expect(slowestAnswerFor(0.3)).toBe(24);
    expect(slowestAnswerFor(1)).toBe(45);
    expect(slowestAnswerFor(3)).toBe(105);
  });

  it('counts the scenarios a selection of folders and files holds', () => {
    const scenarios = [written('features/guide/a.feature', 3), written('features/other/b.feature', 4)];
    expect(scenariosSelected(['features/guide/'], scenarios)).toBe(1);
    expect(scenariosSelected(['./features/other/b.feature', 'features/guide'], scenarios)).toBe(2);
  });
});

describe('a run under a slow site or a busy machine', () => {
  it('passes with every scenario passed or skipped, and none lost', () => {
    const verdict = judgeRun('flickbox-1s', [outcome(3, 'passed'), outcome(4, 'skipped')], 2, 61.4);
    expect(runPassed(verdict)).toBe(true);
    expect(verdictTable([verdict])).toEqual(['  ✔ flickbox-1s  1 passed, 0 failed, 0 flaky, 1 skipped  (61 s)']);
  });

  it('fails on a false alarm, naming the scenario and what its record says', () => {
    const verdict = judgeRun(
      'classic-3s',
      [outcome(3, 'failed', 'The sign in page shows “Sign in”, but it is disabled.')],
      1,
      10,
    );
    expect(runPassed(verdict)).toBe(false);
    expect(verdictTable([verdict])).toEqual([
      '  ✘ classic-3s  0 passed, 1 failed, 0 flaky, 0 skipped  (10 s)',
      '',
      'Failed:',
      '  classic-3s: features/guide/a.feature:3 S3\n      ↳ sign-in.4: Drift (unusable): The sign in page shows “Sign in”, but it is disabled.',
    ]);
  });

  it('names a failure without a record by the first line of its error', () => {
    expect(judgeRun('x', [outcome(5, 'failed')], 1, 1).failures).toEqual([
      'features/guide/a.feature:5 S5\n      ↳ Timeout 60000ms exceeded.',
    ]);
  });

  it('counts a scenario that passed in one repetition and failed in another as flaky', () => {
    const verdict = judgeRun('cpu-load', [outcome(3, 'passed'), outcome(3, 'failed'), outcome(4, 'passed')], 3, 1);
    expect(verdict).toMatchObject({ passed: 2, failed: 1, flaky: 1 });
    expect(runPassed(verdict)).toBe(false);
  });

  it('fails when fewer scenarios were reported than the selection holds, or when there is no report', () => {
    expect(runPassed(judgeRun('x', [outcome(3, 'passed')], 2, 1))).toBe(false);
    expect(verdictTable([judgeRun('x', undefined, 2, 1)])[0]).toContain('2 lost');
  });
});

describe('npm run test:cpu-load', () => {
  it('keeps every core busy, runs 2 workers, each scenario 3 times over unless told', () => {
    expect(parseCpuLoadArgs([], 2, GUIDE_DIR)).toEqual({ repeats: 3, workers: 2, burners: 2, selection: [GUIDE_DIR] });
    expect(parseCpuLoadArgs(['--repeats', '5', '--burners', '0', 'a.feature'], 2, GUIDE_DIR)).toEqual({
      repeats: 5,
      workers: 2,
      burners: 0,
      selection: ['a.feature'],
    });
    expect(parseCpuLoadArgs(['--repeats', 'many'], 2, GUIDE_DIR)).toEqual({ error: '--repeats many: a whole number.' });
  });
});
