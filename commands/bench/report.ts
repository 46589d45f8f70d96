// bench.json, the benchmark's record, and the block of docs/benchmark.md rendered from it: the figures a reader sees
// are always those of a run, never typed by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Sized } from './figures.ts';
import { missedTargets, renderMarkdownTable, type Line } from './lines.ts';
import type { BenchOptions } from './options.ts';
import type { LinearFit } from './stats.ts';
import type { GuideStepCost } from './step-costs.ts';

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { chromium: string; node: string; cpus: number; loadAverageAtStart: number; loadAverageAtEnd?: number };
  options: {
    runs: number;
    quick: boolean;
    /** Absent in records made before the long form was an option (they were all long). */
    long?: boolean;
    limit: number | null;
    mockLoad: BenchOptions['load'];
    levers: boolean;
  };
  scenarios: { total: number; perFeature: Record<string, number>; measured: number; half: number; first: string };
  marginalRatio: number | null;
  growth: Record<'suite1Worker' | 'floor', { fits: LinearFit[]; points: { scenarios: number; seconds: number[] }[] }>;
  lines: Line[];
  /** Which sentence of the guide costs what: the last 1-worker run of the whole suite, most costly first. */
  guideSteps?: GuideStepCost[];
}

export const pointsOf = ({ n, outcomes }: Sized) => ({ scenarios: n, seconds: outcomes.map((o) => o.seconds) });

export const BENCH_DOC = 'docs/benchmark.md';
export const BLOCK_START = '<!-- bench:start -->';
export const BLOCK_END = '<!-- bench:end -->';

/** A machine busier than its cores inflates every figure: the reader must be told. */
export function busy({ machine }: Pick<BenchReport, 'machine'>): boolean {
  return Math.max(machine.loadAverageAtStart, machine.loadAverageAtEnd ?? 0) > machine.cpus;
}

/** What a run was: when, on what, with which options. */
export function describeRun(report: BenchReport): string {
  const { machine, options, scenarios } = report;
  const suite =
    scenarios.measured === scenarios.total
      ? `all ${scenarios.total} scenarios`
      : `${scenarios.measured} of the ${scenarios.total} scenarios (--limit ${options.limit})`;
  const how = [
    `${options.runs} run(s)`,
    ...(options.quick ? ['--quick'] : []),
    ...(options.long ? ['--long'] : []),
    ...(options.levers ? ['--levers'] : []),
  ].join(', ');
  const load = `load average ${machine.loadAverageAtStart.toFixed(1)} at the start${
    machine.loadAverageAtEnd === undefined ? '' : `, ${machine.loadAverageAtEnd.toFixed(1)} at the end`
  }`;
  return (
    `Run of ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${how}; the suite is ${suite}; ` +
    `${machine.chromium}, Node ${machine.node}, ${machine.cpus} CPUs, ${load}` +
    `${busy(report) ? ' (a busy machine: every figure is inflated)' : ''}.`
  );
}

export function renderBlock(report: BenchReport): string {
  const missed = missedTargets(report.lines);
  const steps = report.guideSteps?.length ? ['', renderStepCosts(report.guideSteps)] : [];
  return [
    BLOCK_START,
    '<!-- Written by `npm run bench` (or `npm run bench:doc`) from reports/bench/bench.json: do not edit by hand. -->',
    '<!-- prettier-ignore-start -->',
    describeRun(report),
    '',
    renderMarkdownTable(report.lines),
    '',
    `Targets not met: ${missed.length ? missed.join('; ') : 'none'}.`,
    ...steps,
    '<!-- prettier-ignore-end -->',
    BLOCK_END,
  ].join('\n');
}

const seconds = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} s`;
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/**
 * Time per guide step, as Markdown: which sentence of the guide costs what over the whole suite (1 worker), and how
 * much of it is the evidence: the accessibility scans, the step's picture, the look picture.
 */
export function renderStepCosts(costs: GuideStepCost[]): string {
  const total = costs.reduce((sum, c) => sum + c.seconds, 0);
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const row = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const sum = (pick: (c: GuideStepCost) => number) => seconds(costs.reduce((s, c) => s + pick(c), 0));
  return [
    `Time per guide step (the whole suite, 1 worker; ${seconds(total)} in guide steps, the rest is the scenarios' set-up, sign-ins and steps that follow no sentence):`,
    '',
    row([
      'guide step',
      'the guide says',
      'done',
      'total',
      'each (mean)',
      'of which scans',
      'pictures',
      'looks',
      'waits for answers',
    ]),
    row(['---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...costs.map((c) =>
      row([
        c.guideStep,
        clip(c.text, 70),
        String(c.times),
        seconds(c.seconds),
        `${Math.round((1000 * c.seconds) / c.times)} ms`,
        seconds(c.scanSeconds),
        seconds(c.pictureSeconds),
        seconds(c.lookSeconds),
        seconds(c.waitSeconds),
      ]),
    ),
    row([
      'all',
      '',
      String(costs.reduce((s, c) => s + c.times, 0)),
      seconds(total),
      '',
      sum((c) => c.scanSeconds),
      sum((c) => c.pictureSeconds),
      sum((c) => c.lookSeconds),
      sum((c) => c.waitSeconds),
    ]),
  ].join('\n');
}

/** The document with its marked block replaced; an error when the markers are not there once each, in order. */
export function replaceBlock(doc: string, block: string): string {
  const start = doc.indexOf(BLOCK_START);
  const end = doc.indexOf(BLOCK_END);
  if (start < 0 || end < start || doc.indexOf(BLOCK_START, start + 1) >= 0) {
    throw new Error(`The document needs one ${BLOCK_START} … ${BLOCK_END} block for the figures.`);
  }
  return `${doc.slice(0, start)}${block}${doc.slice(end + BLOCK_END.length)}`;
}

/** Rewrites the figures of docs/benchmark.md from a bench.json. */
export function writeBenchDoc(benchJson: string, doc = BENCH_DOC): void {
  if (!existsSync(benchJson)) throw new Error(`No ${benchJson}: run npm run bench first.`);
  const report = JSON.parse(readFileSync(benchJson, 'utf8')) as BenchReport;
  writeFileSync(doc, replaceBlock(readFileSync(doc, 'utf8'), renderBlock(report)));
}
