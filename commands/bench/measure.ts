// The benchmark's runs. Each run measures every line once, in turn, so a change in the machine's load spreads over
// all lines alike.
import { readDriftReport } from '../../harness/reporting/drift-report.ts';
import { LEVERS, type Measurements, type Sized } from './figures.ts';
import { measureMock } from './mock.ts';
import type { BenchOptions } from './options.ts';
import { featureArgsOf, floorArgsOf, location, specsOf, type BenchSelection } from './selection.ts';
import { readStepTimes } from './step-costs.ts';
import {
  cucumberSuite,
  driftSweep,
  floor,
  guideOneScenario,
  playwrightSuite,
  suiteJson,
  type RunOutcome,
} from './timed-runs.ts';

/** How many times each run times the first verdict. */
const FIRST_RESULT_TIMES = 3;

/** The scenarios store where each guide step's time went (harness/scenario/step-times.ts). */
const WITH_STEP_TIMES = { GUIDE_STEP_TIMES: 'on' };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Runs a task, printing its label, how long it took, and whether it failed. */
async function step<T extends object>(label: string, task: () => Promise<T>): Promise<T> {
  process.stdout.write(`  ${label}… `);
  const started = performance.now();
  const result = await task();
  const failed = 'failed' in result && typeof result.failed === 'number' ? result.failed : 0;
  const passed = 'passed' in result ? result.passed : true;
  const problem = failed ? ` (${failed} failed)` : passed === false ? ' (did not pass)' : '';
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s${problem}`);
  return result;
}

function remember<T extends RunOutcome>(sized: Sized<T> | undefined, n: number, outcome: T): Sized<T> {
  return { n, outcomes: [...(sized?.outcomes ?? []), outcome] };
}

export async function measure(
  options: BenchOptions,
  selection: BenchSelection,
  bddgenSeconds: number,
): Promise<Measurements> {
  const { all, measured, first, sizes } = selection;
  const m: Measurements = {
    runs: options.runs,
    sizes: sizes.map(({ name, scenarios }) => ({ name, n: scenarios.length })),
    floor: {},
    suite1w: {},
    suite2w: [],
    cucumber: [],
    firstResults: [],
    mocks: [],
    levers: options.levers ? Object.fromEntries(LEVERS.map((lever) => [lever.key, []])) : {},
    bddgenSeconds,
    drift: { report: null },
    stepTimes: [],
  };
  const suite = plural(measured.length, 'scenario');
  for (let run = 1; run <= options.runs; run++) {
    console.log(`Run ${run} of ${options.runs}:`);
    for (const { name, scenarios } of sizes) {
      const label = `floor, ${plural(scenarios.length, 'scenario')}`;
      m.floor[name] = remember(
        m.floor[name],
        scenarios.length,
        await step(label, () => floor(floorArgsOf(scenarios, selection.all))),
      );
    }
    for (const { name, scenarios } of sizes) {
      // --quick leaves out the 1-worker run of the full suite, not of a --limit'ed one.
      if (name === 'whole' && options.quick && scenarios.length === all.length) continue;
      const label = `Playwright runner, 1 worker, ${plural(scenarios.length, 'scenario')}`;
      // The whole suite's run tells where each guide step's time goes: a small JSON attachment per scenario.
      const env = name === 'whole' ? WITH_STEP_TIMES : {};
      const outcome = await step(label, () => playwrightSuite(1, specsOf(scenarios, all), env));
      m.suite1w[name] = remember(m.suite1w[name], scenarios.length, outcome);
      if (name === 'whole') m.stepTimes = readStepTimes(suiteJson(1));
    }
    const specs = specsOf(measured, all);
    m.suite2w.push(await step(`Playwright runner, 2 workers, ${suite}`, () => playwrightSuite(2, specs)));
    if (!options.quick) {
      const features = featureArgsOf(measured, all);
      m.cucumber.push(await step(`cucumber-js, ${suite}`, () => cucumberSuite(features)));
    }
    const guide = `npm run guide -- ${location(first)}`;
    // As a QA engineer re-runs a scenario: the bddgen runs above changed the generated tests' times, so the first
    // `npm run guide` generates them again (about 1 s); it runs once untimed, then is timed.
    await guideOneScenario(location(first));
    // A few seconds each, while the machine's own speed moves by a third within a minute: timed a few times, and
    // the table's median is of them all.
    for (let time = 1; time <= FIRST_RESULT_TIMES; time++) {
      const label = `${guide} (${time} of ${FIRST_RESULT_TIMES})`;
      m.firstResults.push(await step(label, () => guideOneScenario(location(first))));
    }
    const { seconds, connections } = options.load;
    const mockLabel = `mock: cold starts, then ${seconds} s of load (${connections} connections) on a page, the API and a bare server`;
    m.mocks.push(await step(mockLabel, () => measureMock(options.load)));
    for (const lever of options.levers ? LEVERS : []) {
      const label = `Playwright runner, 1 worker, ${lever.label}, ${suite}`;
      m.levers[lever.key]!.push(await step(label, () => playwrightSuite(1, specs, lever.env)));
    }
  }
  m.drift = options.drift ? { sweep: await step('npm run drift (once)', driftSweep) } : { report: readDriftReport() };
  return m;
}
