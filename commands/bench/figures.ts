// The benchmark's table, from what its runs measured: each line's samples (one per run), note and target.
import type { DriftReport } from '../../harness/reporting/drift-report.ts';
import type { GuideStepTime } from '../../harness/scenario/step-times.ts';
import type { LoadOptions, LoadResult, MockMeasurement } from './mock.ts';
import type { SizeName } from './selection.ts';
import { linearFit, median, type LinearFit } from './stats.ts';
import type { LineInput } from './lines.ts';
import type { FirstResult, FloorOutcome, RunOutcome } from './timed-runs.ts';

export const TARGETS = {
  // Issue 34's: the marginal cost of a scenario on 1 worker, and the whole suite's wall time on 2 workers.
  marginalRatio: { max: 1.35, text: '≤ 1.35× floor' },
  suite2wRatio: { max: 1.15, text: '≤ 1.15× floor' },
  startUp: { max: 4, text: '≤ 4 s' },
  firstVerdict: { max: 4, text: '≤ 4 s' },
  firstWhole: { max: 5, text: '≤ 5 s' },
  // cucumber-js was at 1.40× the floor when issue #23 was filed: it may not get slower.
  cucumberRatio: { max: 1.4, text: '≤ 1.40× floor' },
  coldStart: { max: 1000, text: '≤ 1000 ms' },
  p99: { max: 10, text: '≤ 10 ms' },
  errors: { max: 0, text: '0' },
};

export interface Lever {
  key: string;
  label: string;
  env: Record<string, string>;
}

/** The speed options (harness/config/speed-options.ts), each measured alone, then all together. */
export const LEVERS: Lever[] = [
  { key: 'evidence', label: 'GUIDE_EVIDENCE=failures', env: { GUIDE_EVIDENCE: 'failures' } },
  { key: 'traces', label: 'GUIDE_TRACES=off', env: { GUIDE_TRACES: 'off' } },
  { key: 'all', label: 'both', env: { GUIDE_EVIDENCE: 'failures', GUIDE_TRACES: 'off' } },
];

export interface Sized<T extends RunOutcome = RunOutcome> {
  n: number;
  outcomes: T[];
}

/** Everything the runs measured; each array has one entry per run (fewer where a line was left out). */
export interface Measurements {
  runs: number;
  sizes: { name: SizeName; n: number }[];
  floor: Partial<Record<SizeName, Sized<FloorOutcome>>>;
  suite1w: Partial<Record<SizeName, Sized>>;
  suite2w: RunOutcome[];
  cucumber: RunOutcome[];
  firstResults: FirstResult[];
  mocks: MockMeasurement[];
  /** By lever key; empty without --levers. */
  levers: Record<string, RunOutcome[]>;
  bddgenSeconds: number;
  /** The guide steps' times of the last 1-worker run of the whole suite (commands/bench/step-costs.ts). */
  stepTimes: GuideStepTime[];
  /** `npm run drift` timed with --drift; otherwise the last drift.json, if any. */
  drift: { sweep: { seconds: number; exitCode: number } } | { report: DriftReport | null };
}

export interface FigureContext {
  /** `file:line` of the scenario timed by `npm run guide`. */
  first: string;
  load: LoadOptions;
  /** The floor's note on feature files without a journey of their own. */
  borrowed: string;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const seconds = (outcomes: RunOutcome[]) => outcomes.map((o) => o.seconds);
const NOT_QUICK = 'not measured (--quick)';
const NO_FIT = 'needs two sizes of run (use a larger --limit)';

/** How many scenarios the last run counted, and what failed over the runs. */
export function failures(outcomes: RunOutcome[]): string {
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  const problem = outcomes.find((o) => o.problem)?.problem;
  const last = outcomes.at(-1);
  const counted = last ? plural(last.passed + last.failed, 'scenario') : '';
  if (failed) return `${counted}; ${failed} scenario(s) failed over ${outcomes.length} run(s)`;
  return problem ? `${counted}; ${problem}` : counted;
}

/** Per run: the fit through (scenarios, seconds) of the sizes measured in that run. */
export function fitsPerRun(bySize: Partial<Record<SizeName, Sized>>, runs: number): LinearFit[] {
  const sized = Object.values(bySize);
  return Array.from({ length: runs }, (_, run) =>
    linearFit(sized.flatMap(({ n, outcomes }) => (outcomes[run] ? [{ x: n, y: outcomes[run].seconds }] : []))),
  ).filter((fit): fit is LinearFit => fit !== null);
}

export function driftLine(drift: Measurements['drift']): LineInput {
  const line = { key: 'driftSweep', label: 'Drift sweep (npm run drift)', unit: 's' } as const;
  if ('sweep' in drift) {
    return { ...line, samples: [drift.sweep.seconds], note: `1 run, exit ${drift.sweep.exitCode}` };
  }
  const { report } = drift;
  if (report?.wholeSweep) {
    return {
      ...line,
      samples: [report.seconds],
      note: `1 run, read from reports/drift/drift.json (${report.generatedAt})`,
    };
  }
  const why = report ? 'the last drift.json is of a partial sweep' : 'no reports/drift/drift.json';
  return { ...line, samples: [], note: `${why}: run npm run drift, or pass --drift` };
}

export function benchLines(m: Measurements, { first, load, borrowed }: FigureContext): LineInput[] {
  const floorWhole = m.floor.whole?.outcomes ?? [];
  const suite1wWhole = m.suite1w.whole?.outcomes ?? [];
  /** Per run: this suite's wall time over the floor's for the same scenarios. */
  const ratioToFloor = (outcomes: RunOutcome[]) =>
    outcomes.map((o, i) => o.seconds / (floorWhole[i]?.seconds ?? Number.NaN));
  const notQuick = (outcomes: RunOutcome[]) => (outcomes.length ? failures(outcomes) : NOT_QUICK);
  const suiteFits = fitsPerRun(m.suite1w, m.runs);
  const floorFits = fitsPerRun(m.floor, m.runs);
  const growthNote = (bySize: Partial<Record<SizeName, Sized>>) =>
    `from ${Object.values(bySize)
      .map(({ n }) => n)
      .join(', ')} scenario(s)`;
  const sizeLines = (bySize: Partial<Record<SizeName, Sized>>, who: string, key: string): LineInput[] =>
    m.sizes.map(({ name, n }) => {
      const sized = bySize[name];
      return {
        key: `${key}.${name}`,
        label: `Growth: ${who}, ${name === 'one' ? '1 scenario' : `${name} (${n})`}`,
        unit: 's',
        samples: sized ? seconds(sized.outcomes) : [],
        note: sized ? failures(sized.outcomes) : NOT_QUICK,
      };
    });
  const mockMedian = (pick: (mock: MockMeasurement) => number) => Math.round(median(m.mocks.map(pick)));
  const underLoad = `${load.connections} connections, ${load.seconds} s`;
  /** A load's p50 (with how many requests were made) and p99; the mock's own p99 is held to its target, not its floor's. */
  const latency = (
    key: string,
    label: (percentile: 'p50' | 'p99') => string,
    pick: (mock: MockMeasurement) => LoadResult,
    notes: { p50: string; p99?: string },
  ): LineInput[] => [
    {
      key: `${key}.p50`,
      label: label('p50'),
      unit: 'ms',
      samples: m.mocks.map((x) => pick(x).p50Ms),
      note: `${notes.p50}; ~${mockMedian((x) => pick(x).requests)} requests`,
    },
    {
      key: `${key}.p99`,
      label: label('p99'),
      unit: 'ms',
      samples: m.mocks.map((x) => pick(x).p99Ms),
      ...(notes.p99 ? { note: notes.p99 } : { target: TARGETS.p99 }),
    },
  ];
  const didNotPass = m.firstResults.some((r) => !r.passed)
    ? `; did not pass: ${m.firstResults.find((r) => r.problem)?.problem ?? ''}`
    : '';

  return [
    {
      key: 'floor',
      label: 'The floor (plain Playwright, 1 browser)',
      unit: 's',
      samples: seconds(floorWhole),
      note: `${failures(floorWhole)}; browser launch ${Math.round(median(floorWhole.map((o) => o.launchMs)))} ms${borrowed}`,
    },
    {
      key: 'suite2w',
      label: 'Suite, Playwright runner, 2 workers',
      unit: 's',
      samples: seconds(m.suite2w),
      note: failures(m.suite2w),
    },
    {
      key: 'suite2w.ratio',
      label: '  ratio to the floor',
      unit: '×',
      samples: ratioToFloor(m.suite2w),
      target: TARGETS.suite2wRatio,
    },
    {
      key: 'suite1w',
      label: 'Suite, Playwright runner, 1 worker',
      unit: 's',
      samples: seconds(suite1wWhole),
      note: notQuick(suite1wWhole),
    },
    { key: 'suite1w.ratio', label: '  ratio to the floor', unit: '×', samples: ratioToFloor(suite1wWhole) },
    {
      key: 'cucumber',
      label: 'Suite, cucumber-js',
      unit: 's',
      samples: seconds(m.cucumber),
      note: notQuick(m.cucumber),
    },
    {
      key: 'cucumber.ratio',
      label: '  ratio to the floor',
      unit: '×',
      samples: ratioToFloor(m.cucumber),
      target: TARGETS.cucumberRatio,
    },
    {
      key: 'bddgen',
      label: 'bddgen (before every Playwright run)',
      unit: 's',
      samples: [m.bddgenSeconds],
      note: '1 run; not in the suite lines, in npm run guide',
    },
    ...sizeLines(m.suite1w, 'Playwright 1 worker', 'suite1w'),
    ...sizeLines(m.floor, 'floor', 'floor'),
    {
      key: 'startUp.suite',
      label: 'Fixed start-up, Playwright 1 worker',
      unit: 's',
      samples: suiteFits.map((f) => f.intercept),
      target: TARGETS.startUp,
      note: suiteFits.length ? `intercept, ${growthNote(m.suite1w)}` : NO_FIT,
    },
    {
      key: 'startUp.floor',
      label: 'Fixed start-up, floor',
      unit: 's',
      samples: floorFits.map((f) => f.intercept),
      note: floorFits.length ? `intercept, ${growthNote(m.floor)}` : NO_FIT,
    },
    {
      key: 'marginal.suite',
      label: 'Marginal cost per scenario, Playwright 1 worker',
      unit: 's',
      samples: suiteFits.map((f) => f.slope),
      note: suiteFits.length ? 'slope' : NO_FIT,
    },
    {
      key: 'marginal.floor',
      label: 'Marginal cost per scenario, floor',
      unit: 's',
      samples: floorFits.map((f) => f.slope),
      note: floorFits.length ? 'slope' : NO_FIT,
    },
    {
      key: 'marginalRatio',
      label: 'Marginal ratio (suite / floor)',
      unit: '×',
      samples: suiteFits.map((fit, i) => fit.slope / (floorFits[i]?.slope ?? Number.NaN)),
      target: TARGETS.marginalRatio,
    },
    {
      key: 'firstResult.verdict',
      label: 'Time to first result: command → verdict',
      unit: 's',
      samples: m.firstResults.map((r) => r.toVerdictSeconds),
      target: TARGETS.firstVerdict,
      note: `npm run guide -- ${first}, run again (the tests already generated), to its first ✓/✘ line; ${m.firstResults.length} time(s)${didNotPass}`,
    },
    {
      key: 'firstResult.whole',
      label: '  the whole command, reports included',
      unit: 's',
      samples: m.firstResults.map((r) => r.wholeSeconds),
      target: TARGETS.firstWhole,
    },
    {
      key: 'mock.coldStart',
      label: 'Mock: cold start to first answer',
      unit: 'ms',
      samples: m.mocks.map((x) => x.coldStartMs),
      target: TARGETS.coldStart,
      note: 'npm run mock-server (node scripts/mock-server.mjs, the bundle already built), polled every 5 ms',
    },
    {
      key: 'mock.coldStartTsx',
      label: '  the same CLI through tsx, unbundled',
      unit: 'ms',
      samples: m.mocks.map((x) => x.coldStartTsxMs),
      note: 'node --import tsx mock-server/cli.ts',
    },
    ...latency(
      'mock.page',
      (p) => `Mock: page ${p} (GET /login)`,
      (x) => x.page,
      { p50: underLoad },
    ),
    ...latency(
      'mock.api',
      (p) => `Mock: API ${p} (GET /api/account, signed in)`,
      (x) => x.api,
      { p50: underLoad },
    ),
    ...latency(
      'mock.floor',
      (p) => `Mock's floor: bare node:http ${p}`,
      (x) => x.bare,
      {
        p50: 'a page as large as /login, same load',
        p99: 'what this machine and the load generator allow',
      },
    ),
    {
      key: 'mock.errors',
      label: 'Mock: errors under load',
      unit: 'errors',
      samples: m.mocks.map((x) => x.page.errors + x.api.errors),
      target: TARGETS.errors,
      note: 'connection errors, timeouts and non-2xx answers',
    },
    {
      key: 'mock.rss',
      label: 'Mock: memory (RSS) after the load',
      unit: 'MB',
      samples: m.mocks.map((x) => x.rssMbAfterLoad),
    },
    driftLine(m.drift),
    ...LEVERS.filter((lever) => m.levers[lever.key]).flatMap((lever) => leverLines(lever, m, ratioToFloor)),
  ];
}

/** A speed option's suite time, and that time over the same run's suite without it (below 1: the option saves). */
function leverLines(lever: Lever, m: Measurements, ratioToFloor: (o: RunOutcome[]) => number[]): LineInput[] {
  const outcomes = m.levers[lever.key] ?? [];
  const baseline = m.suite1w.whole?.outcomes ?? [];
  return [
    {
      key: `lever.${lever.key}`,
      label: `Lever: ${lever.label}, 1 worker`,
      unit: 's',
      samples: seconds(outcomes),
      note: failures(outcomes),
    },
    {
      key: `lever.${lever.key}.ratio`,
      label: '  ratio to the suite without it',
      unit: '×',
      samples: outcomes.map((o, i) => o.seconds / (baseline[i]?.seconds ?? Number.NaN)),
    },
    { key: `lever.${lever.key}.floorRatio`, label: '  ratio to the floor', unit: '×', samples: ratioToFloor(outcomes) },
  ];
}
