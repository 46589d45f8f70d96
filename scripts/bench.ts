// `npm run bench`: where the time goes, against what the browser itself needs (the floor, scripts/bench/floor.ts).
// Prints a table and writes reports/bench/bench.json. Not part of npm test: the full benchmark takes most of an hour.
//   --runs N     runs of every timed line (default 3); the table shows their median and spread
//   --quick      one run, without the 1-worker full suite and cucumber-js: for working on the benchmark itself
//   --limit N    "the suite" is N scenarios spread evenly over the feature files instead of all of them
//   --drift      time `npm run drift` (once) instead of reading reports/drift/drift.json
//   --mock-seconds S, --connections C   the bounded load on the mock (default 5 s at 10 connections each)
//   --levers     also the suite (1 worker) with each speed option of harness/config/speed-options.ts, and all of them
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { browserVersion, requireChromium } from '../harness/config/browser.ts';
import { readDriftReport } from '../harness/reporting/drift-report.ts';
import { toGeneratedSpecs } from '../harness/config/feature-selection.ts';
import { readScenarios, type WrittenScenario } from '../harness/guide/features.ts';
import {
  BENCH_DIR,
  bddgen,
  cucumberSuite,
  driftSweep,
  floor,
  guideOneScenario,
  playwrightSuite,
  type FloorOutcome,
  type RunOutcome,
} from './bench/commands.ts';
import { hasOwnJourney } from './bench/journeys.ts';
import { line, renderTable, type Line, type LineInput } from './bench/lines.ts';
import { measureMock, type MockMeasurement } from './bench/mock.ts';
import { linearFit, median, type LinearFit } from './bench/stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    limit: { type: 'string' },
    drift: { type: 'boolean', default: false },
    levers: { type: 'boolean', default: false },
    'mock-seconds': { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
  },
});
const quick = values.quick;
const runs = quick ? 1 : Number(values.runs);
const limit = values.limit === undefined ? undefined : Number(values.limit);
const load = { seconds: Number(values['mock-seconds']), connections: Number(values.connections) };
if (!(runs >= 1) || (limit !== undefined && !(limit >= 1))) {
  console.error('--runs and --limit take a whole number of at least 1.');
  process.exit(2);
}

const TARGETS = {
  marginalRatio: { max: 1.25, text: '≤ 1.25× floor' },
  startUp: { max: 4, text: '≤ 4 s' },
  firstVerdict: { max: 6, text: '≤ 6 s' },
  coldStart: { max: 1000, text: '≤ 1000 ms' },
  p99: { max: 10, text: '≤ 10 ms' },
  errors: { max: 0, text: '0' },
};

/** The speed options (harness/config/speed-options.ts), each measured alone, then all together. */
const LEVERS: { key: string; label: string; env: Record<string, string> }[] = [
  { key: 'evidence', label: 'GUIDE_EVIDENCE=failures', env: { GUIDE_EVIDENCE: 'failures' } },
  { key: 'traces', label: 'GUIDE_TRACES=off', env: { GUIDE_TRACES: 'off' } },
  {
    key: 'all',
    label: 'both',
    env: { GUIDE_EVIDENCE: 'failures', GUIDE_TRACES: 'off' },
  },
];

if (spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts'], { stdio: 'inherit' }).status !== 0) {
  process.exit(1);
}
mkdirSync(BENCH_DIR, { recursive: true });
const startedAt = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const cpus = availableParallelism();

// --- What is measured ---------------------------------------------------------------------------------------------
const all = readScenarios();
const perFeature = Object.fromEntries(
  [...new Set(all.map((s) => s.file))].map((file) => [file, all.filter((s) => s.file === file).length]),
);
/** Evenly spread over the feature files (they are read in order), so a limited suite keeps roughly the same mix. */
const bucket = (i: number) => Math.floor((i * (limit ?? all.length)) / all.length);
const measured = limit && limit < all.length ? all.filter((_, i) => bucket(i) !== bucket(i - 1)) : all;
const half = measured.filter((_, i) => i % 2 === 0);
// The scenario a QA engineer re-runs: the guide's first one, sign-in.feature's first scenario.
const first = all.find((s) => s.file === 'features/strengthening-account-security/sign-in.feature') ?? all[0]!;
const one = [first];
const isWholeSuite = (scenarios: WrittenScenario[]) => scenarios.length === all.length;
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const bdd = await bddgen();
if (bdd.exitCode !== 0) {
  console.error(`bddgen failed:\n${bdd.stdout}${bdd.stderr}`);
  process.exit(1);
}
/** `playwright test` arguments for a selection: none for the whole suite, generated spec lines otherwise. */
const specsOf = (scenarios: WrittenScenario[]) =>
  isWholeSuite(scenarios)
    ? []
    : toGeneratedSpecs(
        scenarios.map((s) => `${s.file}:${s.line}`),
        all,
      );
const featureArgsOf = (scenarios: WrittenScenario[]) =>
  isWholeSuite(scenarios) ? [] : scenarios.map((s) => `${s.file}:${s.line}`);
// The floor's mix is the suite's: for each scenario in a selection it runs the journey of that scenario's feature
// file (scripts/bench/journeys.ts), so 31 add-phone scenarios are 31 add-phone journeys, and any selection (one
// scenario, half, whole, --limit) costs the floor what the same scenarios would cost the browser.
const floorArgsOf = (scenarios: WrittenScenario[]) => scenarios.map((s) => s.file);
const withoutJourney = [...new Set(measured.map((s) => s.file).filter((file) => !hasOwnJourney(file)))];
const borrowed = withoutJourney.length
  ? `; ${withoutJourney.join(', ')} without a journey of its own: choose-profile's stands in`
  : '';

console.log(
  `Benchmark: ${runs} run(s)${quick ? ' (--quick)' : ''}; the suite is ${measured.length} of ${all.length} scenarios; ` +
    `${cpus} CPUs, load average ${loadAtStart.toFixed(1)} at the start.`,
);

// --- The runs -----------------------------------------------------------------------------------------------------
// Each run measures every line once, in turn, so a change in the machine's load spreads over all lines alike.
type Sized = { n: number; outcomes: RunOutcome[] };
const floorBySize = new Map<string, { n: number; outcomes: FloorOutcome[] }>();
const suite1wBySize = new Map<string, Sized>();
const suite2w: RunOutcome[] = [];
const cucumber: RunOutcome[] = [];
const firstResults: Awaited<ReturnType<typeof guideOneScenario>>[] = [];
const mocks: MockMeasurement[] = [];
const leverRuns = new Map<string, RunOutcome[]>(LEVERS.map((lever) => [lever.key, []]));
const sizes = [
  { name: 'one', scenarios: one },
  { name: 'half', scenarios: half },
  { name: 'whole', scenarios: measured },
];

async function step<T extends object>(label: string, task: () => Promise<T>): Promise<T> {
  process.stdout.write(`  ${label}… `);
  const started = performance.now();
  const result = await task();
  const failed = 'failed' in result && typeof result.failed === 'number' ? result.failed : 0;
  const problem = failed
    ? ` (${failed} failed)`
    : 'passed' in result && result.passed === false
      ? ' (did not pass)'
      : '';
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s${problem}`);
  return result;
}
const remember = <T extends RunOutcome>(
  map: Map<string, { n: number; outcomes: T[] }>,
  name: string,
  n: number,
  outcome: T,
) => {
  const sized = map.get(name) ?? { n, outcomes: [] };
  sized.outcomes.push(outcome);
  map.set(name, sized);
};

for (let run = 1; run <= runs; run++) {
  console.log(`Run ${run} of ${runs}:`);
  for (const { name, scenarios } of sizes) {
    const outcome = await step(`floor, ${plural(scenarios.length, 'scenario')}`, () => floor(floorArgsOf(scenarios)));
    remember(floorBySize, name, scenarios.length, outcome);
  }
  for (const { name, scenarios } of sizes) {
    // --quick leaves out the 1-worker run of the full suite, not of a --limit'ed one.
    if (name === 'whole' && quick && isWholeSuite(scenarios)) continue;
    const outcome = await step(`Playwright runner, 1 worker, ${plural(scenarios.length, 'scenario')}`, () =>
      playwrightSuite(1, specsOf(scenarios)),
    );
    remember(suite1wBySize, name, scenarios.length, outcome);
  }
  suite2w.push(
    await step(`Playwright runner, 2 workers, ${plural(measured.length, 'scenario')}`, () =>
      playwrightSuite(2, specsOf(measured)),
    ),
  );
  if (!quick) {
    cucumber.push(
      await step(`cucumber-js, ${plural(measured.length, 'scenario')}`, () => cucumberSuite(featureArgsOf(measured))),
    );
  }
  firstResults.push(
    await step(`npm run guide -- ${first.file}:${first.line}`, () => guideOneScenario(`${first.file}:${first.line}`)),
  );
  mocks.push(
    await step(`mock: cold starts, then ${load.seconds} s of load on a page, the API and a bare server`, () =>
      measureMock(load),
    ),
  );
  if (values.levers) {
    for (const lever of LEVERS) {
      leverRuns
        .get(lever.key)!
        .push(
          await step(`Playwright runner, 1 worker, ${lever.label}, ${plural(measured.length, 'scenario')}`, () =>
            playwrightSuite(1, specsOf(measured), lever.env),
          ),
        );
    }
  }
}

let driftLine: LineInput;
if (values.drift) {
  const sweep = await step('npm run drift (once)', driftSweep);
  driftLine = {
    key: 'driftSweep',
    label: 'Drift sweep (npm run drift)',
    unit: 's',
    samples: [sweep.seconds],
    note: `1 run, exit ${sweep.exitCode}`,
  };
} else {
  const report = readDriftReport();
  driftLine = {
    key: 'driftSweep',
    label: 'Drift sweep (npm run drift)',
    unit: 's',
    samples: report?.wholeSweep ? [report.seconds] : [],
    note: report?.wholeSweep
      ? `1 run, read from reports/drift/drift.json (${report.generatedAt})`
      : `${report ? 'the last drift.json is of a partial sweep' : 'no reports/drift/drift.json'}: run npm run drift, or pass --drift`,
  };
}

// --- Figures ------------------------------------------------------------------------------------------------------
const seconds = (outcomes: RunOutcome[]) => outcomes.map((o) => o.seconds);
const failures = (outcomes: RunOutcome[]) => {
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  const problem = outcomes.find((o) => o.problem)?.problem;
  const last = outcomes.at(-1);
  const counted = last ? plural(last.passed + last.failed, 'scenario') : '';
  if (failed) return `${counted}; ${failed} scenario(s) failed over ${outcomes.length} run(s)`;
  return problem ? `${counted}; ${problem}` : counted;
};
const floorWhole = floorBySize.get('whole')!.outcomes;
/** Per run: this suite's wall time over the floor's for the same scenarios. */
const ratioToFloor = (outcomes: RunOutcome[]) => outcomes.map((o, i) => o.seconds / floorWhole[i]!.seconds);

/** Per run: the fit through (scenarios, seconds) of the sizes measured in that run. */
function fits(bySize: Map<string, Sized>): LinearFit[] {
  return Array.from({ length: runs }, (_, run) =>
    linearFit(
      [...bySize.values()].flatMap(({ n, outcomes }) => (outcomes[run] ? [{ x: n, y: outcomes[run].seconds }] : [])),
    ),
  ).filter((fit): fit is LinearFit => fit !== null);
}
const suiteFits = fits(suite1wBySize);
const floorFits = fits(floorBySize);
const marginalRatios = suiteFits.map((fit, i) => fit.slope / (floorFits[i]?.slope ?? Number.NaN));
const growthNote = (bySize: Map<string, Sized>) =>
  `from ${[...bySize.values()].map(({ n }) => n).join(', ')} scenario(s)`;
const noFit = 'needs two sizes of run (use a larger --limit)';

const sizeLines = (bySize: Map<string, Sized>, who: string): LineInput[] =>
  sizes.map(({ name, scenarios }) => {
    const sized = bySize.get(name);
    return {
      key: `${who === 'floor' ? 'floor' : 'suite1w'}.${name}`,
      label: `Growth: ${who}, ${name === 'one' ? '1 scenario' : `${name} (${scenarios.length})`}`,
      unit: 's',
      samples: sized ? seconds(sized.outcomes) : [],
      note: sized ? failures(sized.outcomes) : 'not measured (--quick)',
    };
  });

const notQuick = (outcomes: RunOutcome[]) => (outcomes.length ? failures(outcomes) : 'not measured (--quick)');
const lineInputs: LineInput[] = [
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
    samples: seconds(suite2w),
    note: failures(suite2w),
  },
  { key: 'suite2w.ratio', label: '  ratio to the floor', unit: '×', samples: ratioToFloor(suite2w) },
  {
    key: 'suite1w',
    label: 'Suite, Playwright runner, 1 worker',
    unit: 's',
    samples: seconds(suite1wBySize.get('whole')?.outcomes ?? []),
    note: notQuick(suite1wBySize.get('whole')?.outcomes ?? []),
  },
  {
    key: 'suite1w.ratio',
    label: '  ratio to the floor',
    unit: '×',
    samples: ratioToFloor(suite1wBySize.get('whole')?.outcomes ?? []),
  },
  { key: 'cucumber', label: 'Suite, cucumber-js', unit: 's', samples: seconds(cucumber), note: notQuick(cucumber) },
  { key: 'cucumber.ratio', label: '  ratio to the floor', unit: '×', samples: ratioToFloor(cucumber) },
  {
    key: 'bddgen',
    label: 'bddgen (before every Playwright run)',
    unit: 's',
    samples: [bdd.seconds],
    note: '1 run; not in the suite lines, in npm run guide',
  },
  ...sizeLines(suite1wBySize, 'Playwright 1 worker'),
  ...sizeLines(floorBySize, 'floor'),
  {
    key: 'startUp.suite',
    label: 'Fixed start-up, Playwright 1 worker',
    unit: 's',
    samples: suiteFits.map((f) => f.intercept),
    target: TARGETS.startUp,
    note: suiteFits.length ? `intercept, ${growthNote(suite1wBySize)}` : noFit,
  },
  {
    key: 'startUp.floor',
    label: 'Fixed start-up, floor',
    unit: 's',
    samples: floorFits.map((f) => f.intercept),
    note: floorFits.length ? `intercept, ${growthNote(floorBySize)}` : noFit,
  },
  {
    key: 'marginal.suite',
    label: 'Marginal cost per scenario, Playwright 1 worker',
    unit: 's',
    samples: suiteFits.map((f) => f.slope),
    note: suiteFits.length ? 'slope' : noFit,
  },
  {
    key: 'marginal.floor',
    label: 'Marginal cost per scenario, floor',
    unit: 's',
    samples: floorFits.map((f) => f.slope),
    note: floorFits.length ? 'slope' : noFit,
  },
  {
    key: 'marginalRatio',
    label: 'Marginal ratio (suite / floor)',
    unit: '×',
    samples: marginalRatios,
    target: TARGETS.marginalRatio,
  },
  {
    key: 'firstResult.verdict',
    label: 'Time to first result: command → verdict',
    unit: 's',
    samples: firstResults.map((r) => r.toVerdictSeconds),
    target: TARGETS.firstVerdict,
    note: `npm run guide -- ${first.file}:${first.line}, to its first ✓/✘ line${firstResults.some((r) => !r.passed) ? `; did not pass: ${firstResults.find((r) => r.problem)?.problem ?? ''}` : ''}`,
  },
  {
    key: 'firstResult.whole',
    label: '  the whole command, reports included',
    unit: 's',
    samples: firstResults.map((r) => r.wholeSeconds),
  },
  {
    key: 'mock.coldStart',
    label: 'Mock: cold start to first answer',
    unit: 'ms',
    samples: mocks.map((m) => m.coldStartMs),
    target: TARGETS.coldStart,
    note: 'npm run mock-server (node scripts/mock-server.mjs, the bundle already built), polled every 5 ms',
  },
  {
    key: 'mock.coldStartTsx',
    label: '  the same CLI through tsx, unbundled',
    unit: 'ms',
    samples: mocks.map((m) => m.coldStartTsxMs),
    note: 'node --import tsx mock-server/cli.ts',
  },
  {
    key: 'mock.page.p50',
    label: 'Mock: page p50 (GET /login)',
    unit: 'ms',
    samples: mocks.map((m) => m.page.p50Ms),
    note: `${load.connections} connections, ${load.seconds} s; ~${Math.round(median(mocks.map((m) => m.page.requests)))} requests`,
  },
  {
    key: 'mock.page.p99',
    label: 'Mock: page p99 (GET /login)',
    unit: 'ms',
    samples: mocks.map((m) => m.page.p99Ms),
    target: TARGETS.p99,
  },
  {
    key: 'mock.api.p50',
    label: 'Mock: API p50 (GET /api/account, signed in)',
    unit: 'ms',
    samples: mocks.map((m) => m.api.p50Ms),
    note: `${load.connections} connections, ${load.seconds} s; ~${Math.round(median(mocks.map((m) => m.api.requests)))} requests`,
  },
  {
    key: 'mock.api.p99',
    label: 'Mock: API p99 (GET /api/account, signed in)',
    unit: 'ms',
    samples: mocks.map((m) => m.api.p99Ms),
    target: TARGETS.p99,
  },
  {
    key: 'mock.floor.p50',
    label: "Mock's floor: bare node:http p50",
    unit: 'ms',
    samples: mocks.map((m) => m.bare.p50Ms),
    note: `a page as large as /login, same load; ~${Math.round(median(mocks.map((m) => m.bare.requests)))} requests`,
  },
  {
    key: 'mock.floor.p99',
    label: "Mock's floor: bare node:http p99",
    unit: 'ms',
    samples: mocks.map((m) => m.bare.p99Ms),
    note: 'what this machine and the load generator allow',
  },
  {
    key: 'mock.errors',
    label: 'Mock: errors under load',
    unit: 'errors',
    samples: mocks.map((m) => m.page.errors + m.api.errors),
    target: TARGETS.errors,
    note: 'connection errors, timeouts and non-2xx answers',
  },
  {
    key: 'mock.rss',
    label: 'Mock: memory (RSS) after the load',
    unit: 'MB',
    samples: mocks.map((m) => m.rssMbAfterLoad),
  },
  driftLine,
  ...(values.levers ? LEVERS.flatMap(leverLines) : []),
];

/** A speed option's suite time, and that time over the same run's suite without it (below 1: the option saves). */
function leverLines(lever: (typeof LEVERS)[number]): LineInput[] {
  const outcomes = leverRuns.get(lever.key)!;
  const baseline = suite1wBySize.get('whole')?.outcomes ?? [];
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
    {
      key: `lever.${lever.key}.floorRatio`,
      label: '  ratio to the floor',
      unit: '×',
      samples: ratioToFloor(outcomes),
    },
  ];
}
const lines: Line[] = lineInputs.map(line);

const chromium = browserVersion(requireChromium());
console.log(
  `\n${chromium}, Node ${process.versions.node}, ${cpus} CPUs; load average ${loadAtStart.toFixed(1)} at the start, ` +
    `${(loadavg()[0] ?? 0).toFixed(1)} at the end${Math.max(loadAtStart, loadavg()[0] ?? 0) > cpus ? ' (a busy machine: every figure is inflated)' : ''}.\n`,
);
console.log(renderTable(lines));

const marginalRatio = lines.find((l) => l.key === 'marginalRatio')?.median ?? null;
const report = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { chromium, node: process.versions.node, cpus, loadAverageAtStart: loadAtStart },
  options: { runs, quick, limit: limit ?? null, mockLoad: load, levers: values.levers },
  scenarios: {
    total: all.length,
    perFeature,
    measured: measured.length,
    half: half.length,
    first: `${first.file}:${first.line}`,
  },
  marginalRatio,
  growth: {
    suite1Worker: { fits: suiteFits, points: [...suite1wBySize.values()].map(pointsOf) },
    floor: { fits: floorFits, points: [...floorBySize.values()].map(pointsOf) },
  },
  lines,
};
function pointsOf({ n, outcomes }: Sized) {
  return { scenarios: n, seconds: seconds(outcomes) };
}
const out = join(BENCH_DIR, 'bench.json');
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
const missed = lines.filter((l) => l.met === false).map((l) => l.label.trim());
console.log(`\nTargets not met: ${missed.length ? missed.join('; ') : 'none'}.\nWritten: ${out}`);
