import { describe, expect, it } from 'vitest';
import { benchLines, driftLine, failures, fitsPerRun, type Measurements } from '../../commands/bench/figures.ts';
import { line, renderMarkdownTable, renderTable } from '../../commands/bench/lines.ts';
import type { MockMeasurement } from '../../commands/bench/mock.ts';
import { parseBenchArgs } from '../../commands/bench/options.ts';
import {
  BLOCK_END,
  BLOCK_START,
  describeRun,
  renderBlock,
  replaceBlock,
  type BenchReport,
} from '../../commands/bench/report.ts';
import { benchSelection, borrowedJourneys, featureArgsOf, floorArgsOf } from '../../commands/bench/selection.ts';
import { journeyFor, plannedScenarios } from '../../commands/bench/journeys.ts';
import { readScenarios } from '../../harness/guide/features.ts';
import type { FloorOutcome, RunOutcome } from '../../commands/bench/timed-runs.ts';
import type { WrittenScenario } from '../../harness/guide/features.ts';

const scenario = (file: string, line: number): WrittenScenario => ({
  name: `${file}:${line}`,
  file: `features/strengthening-account-security/${file}`,
  line,
  scenarioLine: line,
  tags: [],
  parameters: {},
});

const suite = (seconds: number, failed = 0): RunOutcome => ({ seconds, passed: 4 - failed, failed });
const floorRun = (seconds: number): FloorOutcome => ({ ...suite(seconds), launchMs: 300, scenarioMs: [] });
const load = { p50Ms: 2, p99Ms: 8, requests: 1000, errors: 0 };
const mock: MockMeasurement = {
  coldStartMs: 400,
  coldStartTsxMs: 1200,
  page: load,
  api: { ...load, p99Ms: 12 },
  rssMbAfterLoad: 80,
  bare: load,
};

/** Two runs at sizes 1, 2 and 4: the floor costs 1 s + 1 s a scenario, the suite 2 s + 1.5 s a scenario. */
const measurements = (): Measurements => ({
  runs: 2,
  sizes: [
    { name: 'one', n: 1 },
    { name: 'half', n: 2 },
    { name: 'whole', n: 4 },
  ],
  floor: {
    one: { n: 1, outcomes: [floorRun(2), floorRun(2)] },
    half: { n: 2, outcomes: [floorRun(3), floorRun(3)] },
    whole: { n: 4, outcomes: [floorRun(5), floorRun(5)] },
  },
  suite1w: {
    one: { n: 1, outcomes: [suite(3.5), suite(3.5)] },
    half: { n: 2, outcomes: [suite(5), suite(5)] },
    whole: { n: 4, outcomes: [suite(8), suite(8)] },
  },
  suite2w: [suite(6), suite(7, 1)],
  cucumber: [],
  firstResults: [{ toVerdictSeconds: 3.5, wholeSeconds: 4.5, passed: true }],
  mocks: [mock],
  levers: { traces: [suite(6), suite(6)] },
  bddgenSeconds: 1.5,
  drift: { report: null },
  stepTimes: [],
});

const context = { first: 'features/sign-in.feature:14', load: { seconds: 5, connections: 10 }, borrowed: '' };
const byKey = (lines: ReturnType<typeof line>[], key: string) => lines.find((l) => l.key === key)!;

describe('the benchmark’s options', () => {
  it('takes one run by default, three for --long, one for --quick', () => {
    expect(parseBenchArgs([])).toMatchObject({ runs: 1, quick: false, long: false, limit: undefined });
    expect(parseBenchArgs(['--long'])).toMatchObject({ runs: 3, long: true });
    expect(parseBenchArgs(['--long', '--runs', '2'])).toMatchObject({ runs: 2, long: true });
    expect(parseBenchArgs(['--quick', '--runs', '5', '--limit', '2'])).toMatchObject({ runs: 1, limit: 2 });
    expect(parseBenchArgs(['--quick', '--long'])).toHaveProperty('error');
  });

  it('refuses a count that is not a whole number of at least 1, and an unknown option', () => {
    for (const bad of [['--runs', '0'], ['--limit', '1.5'], ['--connections', 'x'], ['--nope']]) {
      expect(parseBenchArgs(bad)).toHaveProperty('error');
    }
  });
});

describe('the benchmark’s selection', () => {
  const all = [
    ...[1, 2, 3, 4].map((n) => scenario('add-phone.feature', n)),
    ...[1, 2].map((n) => scenario('sign-in.feature', n)),
    ...[1, 2].map((n) => scenario('new.feature', n)),
  ];

  it('spreads --limit evenly over the feature files, halves it, and times sign-in’s first scenario alone', () => {
    const selection = benchSelection(all, 4);
    expect(selection.measured.map((s) => s.name)).toEqual([
      'add-phone.feature:1',
      'add-phone.feature:3',
      'sign-in.feature:1',
      'new.feature:1',
    ]);
    expect(selection.half.map((s) => s.name)).toEqual(['add-phone.feature:1', 'sign-in.feature:1']);
    expect(selection.first.name).toBe('sign-in.feature:1');
    expect(selection.sizes.map((s) => s.scenarios.length)).toEqual([1, 4]);
    expect(benchSelection(all, 4, true).sizes.map((s) => s.scenarios.length)).toEqual([1, 2, 4]);
  });

  it('is the whole suite without --limit, which needs no arguments', () => {
    const selection = benchSelection(all);
    expect(selection.measured).toHaveLength(all.length);
    expect(featureArgsOf(selection.measured, all)).toEqual([]);
    expect(featureArgsOf(selection.half, all)).toEqual(selection.half.map((s) => `${s.file}:${s.line}`));
  });

  it('gives the floor each scenario with its place in its feature file, so half the suite meets the same journeys', () => {
    const selection = benchSelection(all);
    expect(floorArgsOf(selection.half, all)).toEqual([
      'features/strengthening-account-security/add-phone.feature#0',
      'features/strengthening-account-security/add-phone.feature#2',
      'features/strengthening-account-security/sign-in.feature#0',
      'features/strengthening-account-security/new.feature#0',
    ]);
  });

  it('has a floor journey for every scenario of every feature file, in the file’s order', () => {
    const written = readScenarios();
    for (const file of new Set(written.map((s) => s.file))) {
      expect(plannedScenarios(file), file).toBe(written.filter((s) => s.file === file).length);
    }
    const plan = 'features/strengthening-account-security/change-password.feature';
    expect(journeyFor(plan, 2)).toBe(journeyFor(plan, 8));
    expect(journeyFor(plan, 0)).not.toBe(journeyFor(plan, 1));
    expect(journeyFor(plan, 11)).toBe(journeyFor(plan, 0));
  });

  it('says which feature files the floor times with another file’s journey', () => {
    expect(borrowedJourneys(all)).toBe(
      "; features/strengthening-account-security/new.feature without a journey of its own: choose-profile's stands in",
    );
    expect(borrowedJourneys(all.slice(0, 4))).toBe('');
  });
});

describe('the benchmark’s figures', () => {
  const lines = benchLines(measurements(), context).map(line);

  it('fits a straight line through the sizes of each run: start-up and marginal cost, suite over floor', () => {
    expect(fitsPerRun(measurements().floor, 2)).toEqual([
      { intercept: 1, slope: 1 },
      { intercept: 1, slope: 1 },
    ]);
    expect(byKey(lines, 'startUp.suite').median).toBeCloseTo(2);
    expect(byKey(lines, 'startUp.suite').met).toBe(true);
    expect(byKey(lines, 'marginal.suite').median).toBeCloseTo(1.5);
    expect(byKey(lines, 'marginalRatio').median).toBeCloseTo(1.5);
    expect(byKey(lines, 'marginalRatio').met).toBe(false);
  });

  it('divides each run by the same run’s floor, and counts failures over the runs', () => {
    expect(byKey(lines, 'suite2w.ratio').samples).toEqual([1.2, 1.4]);
    expect(byKey(lines, 'suite2w').note).toBe('4 scenarios; 1 scenario(s) failed over 2 run(s)');
    expect(byKey(lines, 'lever.traces.ratio').samples).toEqual([0.75, 0.75]);
  });

  it('says what was not measured rather than showing a figure', () => {
    expect(byKey(lines, 'cucumber')).toMatchObject({ median: null, note: 'not measured (--quick)' });
    expect(byKey(lines, 'driftSweep')).toMatchObject({ median: null });
    expect(lines.some((l) => l.key.startsWith('lever.evidence'))).toBe(false);
    const oneSize = { ...measurements(), suite1w: { one: { n: 1, outcomes: [suite(3)] } } };
    expect(benchLines(oneSize, context).find((l) => l.key === 'startUp.suite')?.note).toMatch(/needs two sizes/);
  });

  it('reads the drift sweep from a whole sweep’s drift.json only', () => {
    const report = { generatedAt: 'then', seconds: 600, clean: { passed: 1, failed: 0 }, variants: [] };
    expect(driftLine({ report: { ...report, wholeSweep: true } }).samples).toEqual([600]);
    expect(driftLine({ report }).note).toMatch(/^the last drift.json is of a partial sweep/);
    expect(driftLine({ sweep: { seconds: 700, exitCode: 1 } })).toMatchObject({
      samples: [700],
      note: '1 run, exit 1',
    });
  });

  it('holds the mock’s p99 to its target, and not the bare server’s, which is the floor', () => {
    expect(byKey(lines, 'mock.page.p99')).toMatchObject({ median: 8, met: true });
    expect(byKey(lines, 'mock.api.p99')).toMatchObject({ median: 12, met: false });
    expect(byKey(lines, 'mock.floor.p99')).toMatchObject({
      met: null,
      note: 'what this machine and the load generator allow',
    });
    expect(byKey(lines, 'mock.page.p50').note).toBe('10 connections, 5 s; ~1000 requests');
  });

  it('names the command’s problem when no scenario failed', () => {
    expect(failures([{ seconds: 1, passed: 0, failed: 0, problem: 'no browser' }])).toBe('0 scenarios; no browser');
  });
});

describe('the benchmark’s table and its page', () => {
  const lines = benchLines(measurements(), context).map(line);
  const report: BenchReport = {
    startedAt: '2026-11-30T07:00:00.000Z',
    finishedAt: '2026-11-30T07:40:00.000Z',
    machine: { chromium: 'Chromium 140', node: '20.19.0', cpus: 2, loadAverageAtStart: 0.5, loadAverageAtEnd: 3.2 },
    options: { runs: 2, quick: false, limit: 4, mockLoad: context.load, levers: true },
    scenarios: { total: 8, perFeature: {}, measured: 4, half: 2, first: context.first },
    marginalRatio: 1.5,
    growth: { suite1Worker: { fits: [], points: [] }, floor: { fits: [], points: [] } },
    lines,
  };

  it('prints a median, its spread and the verdict on its target', () => {
    const table = renderTable(lines).split('\n');
    expect(table[0]).toMatch(/^what\s+median\s+spread \(min – max\)\s+target\s+note$/);
    expect(table.find((row) => row.startsWith('Suite, Playwright runner, 2 workers'))).toMatch(
      /6\.50 s\s+6\.00 s – 7\.00 s/,
    );
    expect(table.find((row) => row.startsWith('Marginal ratio'))).toMatch(
      /1\.50×\s+1\.50× – 1\.50×\s+≤ 1\.35× floor\s+✘ not met/,
    );
  });

  it('renders the same lines as Markdown, a row each', () => {
    const rows = renderMarkdownTable(lines).split('\n');
    expect(rows).toHaveLength(lines.length + 2);
    expect(rows[4]).toBe('| ↳ ratio to the floor | 1.30× | 1.20× – 1.40× | ≤ 1.15× floor | ✘ not met |  |');
    expect(rows[2]).toBe(
      '| The floor (plain Playwright, 1 browser) | 5.00 s | 5.00 s – 5.00 s |  |  | 4 scenarios; browser launch 300 ms |',
    );
  });

  it('says when, on what and how the run was made, and when the machine was busy', () => {
    expect(describeRun(report)).toBe(
      'Run of 2026-11-30 07:00 UTC: 2 run(s), --levers; the suite is 4 of the 8 scenarios (--limit 4); ' +
        'Chromium 140, Node 20.19.0, 2 CPUs, load average 0.5 at the start, 3.2 at the end (a busy machine: every figure is inflated).',
    );
  });

  it('replaces the marked block of the page and nothing else', () => {
    const doc = `# Benchmark\n\nBefore.\n\n${BLOCK_START}\nold figures\n${BLOCK_END}\n\nAfter.\n`;
    const written = replaceBlock(doc, renderBlock(report));
    expect(written.startsWith('# Benchmark\n\nBefore.\n\n<!-- bench:start -->\n')).toBe(true);
    expect(written.endsWith('<!-- bench:end -->\n\nAfter.\n')).toBe(true);
    expect(written).not.toContain('old figures');
    expect(written).toContain(
      'Targets not met: Suite, Playwright runner, 2 workers: ratio to the floor; Marginal ratio (suite / floor); Mock: API p99 (GET /api/account, signed in).',
    );
    expect(replaceBlock(written, renderBlock(report))).toBe(written);
  });

  it('refuses a page without the markers', () => {
    expect(() => replaceBlock('# Benchmark\n', 'x')).toThrow(/needs one <!-- bench:start -->/);
  });
});
