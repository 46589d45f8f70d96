// `npm run bench`: where the time goes, against what the browser itself needs (the floor, commands/bench/floor.ts).
// Prints a table, writes reports/bench/bench.json and, unless --quick, the figures of docs/benchmark.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { browserVersion, requireChromium } from '../../harness/config/browser.ts';
import { ensureBrowser } from '../../harness/config/ensure-browser.ts';
import { readScenarios } from '../../harness/guide/features.ts';
import { benchLines, fitsPerRun } from './figures.ts';
import { line, missedTargets, renderTable } from './lines.ts';
import { measure } from './measure.ts';
import { parseBenchArgs } from './options.ts';
import { BENCH_DOC, describeRun, pointsOf, renderStepCosts, writeBenchDoc, type BenchReport } from './report.ts';
import { stepCosts } from './step-costs.ts';
import { benchSelection, borrowedJourneys, location, perFeature } from './selection.ts';
import { BENCH_DIR, bddgen } from './timed-runs.ts';

export const BENCH_JSON = join(BENCH_DIR, 'bench.json');

export async function benchCommand(argv: string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if ('error' in options) {
    console.error(options.error);
    return 2;
  }
  if (!ensureBrowser()) return 1;
  mkdirSync(BENCH_DIR, { recursive: true });
  const startedAt = new Date();
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const cpus = availableParallelism();
  const selection = benchSelection(readScenarios(), options.limit, options.long);
  const { all, measured, half, first } = selection;

  const bdd = await bddgen();
  if (bdd.exitCode !== 0) {
    console.error(`bddgen failed:\n${bdd.stdout}${bdd.stderr}`);
    return 1;
  }
  console.log(
    `Benchmark: ${options.runs} run(s)${options.quick ? ' (--quick)' : ''}; the suite is ${measured.length} of ` +
      `${all.length} scenarios; ${cpus} CPUs, load average ${loadAverageAtStart.toFixed(1)} at the start.`,
  );
  const m = await measure(options, selection, bdd.seconds);
  const context = { first: location(first), load: options.load, borrowed: borrowedJourneys(measured) };
  const lines = benchLines(m, context).map(line);

  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      chromium: browserVersion(requireChromium()),
      node: process.versions.node,
      cpus,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0] ?? 0,
    },
    options: {
      runs: options.runs,
      quick: options.quick,
      long: options.long,
      limit: options.limit ?? null,
      mockLoad: options.load,
      levers: options.levers,
    },
    scenarios: {
      total: all.length,
      perFeature: perFeature(all),
      measured: measured.length,
      half: half.length,
      first: location(first),
    },
    marginalRatio: lines.find((l) => l.key === 'marginalRatio')?.median ?? null,
    growth: {
      suite1Worker: { fits: fitsPerRun(m.suite1w, m.runs), points: Object.values(m.suite1w).map(pointsOf) },
      floor: { fits: fitsPerRun(m.floor, m.runs), points: Object.values(m.floor).map(pointsOf) },
    },
    lines,
    guideSteps: stepCosts(m.stepTimes),
  };
  writeFileSync(BENCH_JSON, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n${describeRun(report)}\n`);
  console.log(renderTable(report.lines));
  if (report.guideSteps?.length) console.log(`\n${renderStepCosts(report.guideSteps)}`);
  const missed = missedTargets(report.lines);
  console.log(`\nTargets not met: ${missed.length ? missed.join('; ') : 'none'}.\nWritten: ${BENCH_JSON}`);
  // A quick run is for working on the benchmark itself: its figures stay out of the documentation.
  if (!options.quick) {
    writeBenchDoc(BENCH_JSON);
    console.log(`The figures of ${BENCH_DOC} are this run's.`);
  }
  return 0;
}
