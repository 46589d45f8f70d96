// bench.json, the benchmark's record, and the block of docs/benchmark.md rendered from it: the figures a reader sees
// are always those of a run, never typed by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Sized } from './figures.ts';
import { renderMarkdownTable, type Line } from './lines.ts';
import type { BenchOptions } from './options.ts';
import type { LinearFit } from './stats.ts';

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { chromium: string; node: string; cpus: number; loadAverageAtStart: number; loadAverageAtEnd?: number };
  options: { runs: number; quick: boolean; limit: number | null; mockLoad: BenchOptions['load']; levers: boolean };
  scenarios: { total: number; perFeature: Record<string, number>; measured: number; half: number; first: string };
  marginalRatio: number | null;
  growth: Record<'suite1Worker' | 'floor', { fits: LinearFit[]; points: { scenarios: number; seconds: number[] }[] }>;
  lines: Line[];
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
  const missed = report.lines.filter((l) => l.met === false).map((l) => l.label.trim());
  return [
    BLOCK_START,
    '<!-- Written by `npm run bench` (or `npm run bench:doc`) from reports/bench/bench.json: do not edit by hand. -->',
    '<!-- prettier-ignore-start -->',
    describeRun(report),
    '',
    renderMarkdownTable(report.lines),
    '',
    `Targets not met: ${missed.length ? missed.join('; ') : 'none'}.`,
    '<!-- prettier-ignore-end -->',
    BLOCK_END,
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
