// One line of the benchmark's table: its samples (one per run), their median and spread, and its target if any.
import { spread } from './stats.ts';

export type Unit = 's' | 'ms' | 'MB' | '×' | 'errors';

export interface Target {
  /** Met when the median is at most this. */
  max: number;
  text: string;
}

export interface LineInput {
  key: string;
  label: string;
  unit: Unit;
  samples: number[];
  target?: Target;
  /** Why a line has no figure, or what to know about it (scenarios failed, where the figure comes from). */
  note?: string;
}

export interface Line extends LineInput {
  median: number | null;
  min: number | null;
  max: number | null;
  met: boolean | null;
}

export function line(input: LineInput): Line {
  const samples = input.samples.filter((sample) => Number.isFinite(sample));
  if (samples.length === 0) return { ...input, samples, median: null, min: null, max: null, met: null };
  const { median, min, max } = spread(samples);
  return { ...input, samples, median, min, max, met: input.target ? median <= input.target.max : null };
}

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 's':
      return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} s`;
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
    case 'MB':
      return `${Math.round(value)} MB`;
    case '×':
      return `${value.toFixed(2)}×`;
    case 'errors':
      return String(Math.round(value));
  }
}

const NOT_MEASURED = 'not measured';

const HEADER = ['what', 'median', 'spread (min – max)', 'target', '', 'note'];

/** A line's cells, in the order of HEADER. */
function cells(l: Line): string[] {
  const value = l.median === null ? NOT_MEASURED : format(l.median, l.unit);
  const range =
    l.min === null || l.max === null || l.samples.length < 2
      ? ''
      : `${format(l.min, l.unit)} – ${format(l.max, l.unit)}`;
  const verdict = l.met === null ? '' : l.met ? '✔ met' : '✘ not met';
  return [l.label, value, range, l.target?.text ?? '', verdict, l.note ?? ''];
}

/** The table for the terminal: columns padded, the note last and unpadded. */
export function renderTable(lines: Line[]): string {
  const rows = lines.map(cells);
  const widths = HEADER.map((title, column) =>
    column === HEADER.length - 1 ? 0 : Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const render = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [render(HEADER), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}

/** The same table in Markdown, for docs/benchmark.md. */
export function renderMarkdownTable(lines: Line[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|').trim();
  const render = (row: string[]) => `| ${row.map(escape).join(' | ')} |`;
  // An indented label belongs to the line above it (a ratio of that line): Markdown would drop the indent.
  const row = (l: Line) => render(cells({ ...l, label: l.label.replace(/^\s+/, '↳ ') }));
  return [render(HEADER), render(HEADER.map(() => '---')), ...lines.map(row)].join('\n');
}

/** The lines whose target was not met, by name; an indented line is named with the line above it, whose ratio it is. */
export function missedTargets(lines: Line[]): string[] {
  return lines.flatMap((l, i) => {
    if (l.met !== false) return [];
    const parent = lines.slice(0, i).findLast((above) => !/^\s/.test(above.label));
    return [/^\s/.test(l.label) && parent ? `${parent.label}: ${l.label.trim()}` : l.label.trim()];
  });
}
