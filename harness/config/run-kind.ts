/**
 * Whether a run is the whole guide or a selection of it. Only a full run (or the merged nightly) may write the
 * stakeholder reports in reports/; a selection writes its own beside them, and says so on every page.
 */
export type RunKind = { kind: 'full' } | { kind: 'selection'; typed: string };

/** Options of `npm run guide` / `playwright test` that narrow which scenarios run. */
const SELECTING = new Set([
  '--guide',
  '--tags',
  '-g',
  '--grep',
  '--grep-invert',
  '--last-failed',
  '--only-changed',
  '--shard',
]);
/** Options that take a value in the next argument (`--workers 2`): that value is no selection. */
const WITH_VALUE = new Set([
  '--guide',
  '--tags',
  '-g',
  '--grep',
  '--grep-invert',
  '--shard',
  '-j',
  '--workers',
  '--repeat-each',
  '--retries',
  '--timeout',
  '--max-failures',
  '--reporter',
  '--project',
  '--trace',
  '-c',
  '--config',
  '--output',
]);

/** A run is a selection when an argument narrows it: a guide, a feature file or line, a tag expression, a title grep. */
export function runKindOf(args: string[]): RunKind {
  let selecting = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.split('=')[0]!;
    if (!arg.startsWith('-')) selecting = true;
    else if (SELECTING.has(name)) selecting = true;
    if (WITH_VALUE.has(arg)) i++;
  }
  return selecting ? { kind: 'selection', typed: args.map(quoted).join(' ') } : { kind: 'full' };
}

const quoted = (arg: string) => (/[\s"'()]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg);

export const SELECTION_DIR = 'reports/selection';

/** Where a run's reports go: GUIDE_REPORTS_DIR when the user names one, else reports/ or reports/selection/. */
export function reportsDirFor(run: RunKind, env: NodeJS.ProcessEnv = process.env): string {
  const named = env.GUIDE_REPORTS_DIR?.replace(/\/$/, '');
  if (named) return named;
  return run.kind === 'full' ? 'reports' : SELECTION_DIR;
}

/** What a selection's pages say first; undefined for a full run. */
export interface SelectionNote {
  typed: string;
  selected: number;
  total: number;
}

export function selectionSentence({ typed, selected, total }: SelectionNote): string {
  return `A selection: ${selected} of ${total} scenarios (${typed})`;
}

/** The environment a child process (Playwright, Allure) reads the run's kind from; see allurerc.mjs. */
export const SELECTION_ENV = 'GUIDE_SELECTION';
