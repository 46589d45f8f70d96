// What `npm run drift` decides: which runs to make, which scenarios each runs, whether the clean mock stayed green,
// and the table and exit status it ends with. commands/drift-command.ts runs the plan.
import { caughtAs, type DriftOutcome, type DriftReport } from '../harness/reporting/drift-report.ts';
import { everyFailureTraced, traceCell } from '../harness/reporting/drift-sweep.ts';
import { tally, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import type { DriftVariant } from '../mock-server/index.ts';

export interface DriftArgs {
  /** Leave out the run against the clean mock (minutes). */
  skipClean: boolean;
  /** Print the table and write drift.json again from the last sweep's results, running nothing. */
  reportOnly: boolean;
  /** The variants named on the command line, or every variant. */
  variants: DriftVariant[];
  /** Whether variants were named. */
  partial: boolean;
}

const FLAGS = ['--skip-clean', '--report-only'];

/** The command line: flags, then variant names; an unknown name is an error that lists the known ones. */
export function parseDriftArgs(argv: string[], catalogue: readonly DriftVariant[]): DriftArgs | { error: string } {
  const only = argv.filter((arg) => !FLAGS.includes(arg));
  const variants = only.length ? catalogue.filter((v) => only.includes(v.name)) : [...catalogue];
  if (only.length && variants.length !== only.length) {
    const unknown = only.filter((name) => !catalogue.some((v) => v.name === name));
    return {
      error: `Unknown drift variant ${unknown.join(', ')}; known: ${catalogue.map((v) => v.name).join(', ')}.`,
    };
  }
  return {
    skipClean: argv.includes('--skip-clean'),
    reportOnly: argv.includes('--report-only'),
    variants,
    partial: only.length > 0,
  };
}

const escapeTag = (tag: string) => tag.replace(/[.\-:]/g, '\\$&');

/** Only the scenarios of the guide steps a variant should break (and of its tag): the sweep stays minutes, not an hour. */
export function grepFor(variant: Pick<DriftVariant, 'caughtBy' | 'caughtByTag'>): string {
  const steps = variant.caughtBy.map((id) => `@guide:${escapeTag(id)}\\b`).join('|');
  return variant.caughtByTag ? `^(?=.*@${escapeTag(variant.caughtByTag)}\\b)(?=.*(${steps}))` : steps;
}

export interface SweepRun {
  name: string;
  /** Extra `playwright test` arguments. */
  args: string[];
  /** MOCK_DRIFT for the run; null for the clean mock. */
  drift: string | null;
}

export function sweepRuns({ skipClean, reportOnly, variants }: DriftArgs): SweepRun[] {
  if (reportOnly) return [];
  return [
    ...(skipClean ? [] : [{ name: 'clean', args: [], drift: null }]),
    ...variants.map((variant) => ({
      name: variant.name,
      // One failing scenario is enough to call a variant caught.
      args: ['--grep', grepFor(variant), '--max-failures=1'],
      drift: variant.name,
    })),
  ];
}

/**
 * The clean mock is green when its run exited 0 (not known for --report-only) and reported scenarios, none failed
 * or flaky. Not run (--skip-clean) counts as green: the sweep then speaks of the variants only.
 */
export function cleanIsGreen(
  { skipClean, reportOnly }: Pick<DriftArgs, 'skipClean' | 'reportOnly'>,
  cleanExitCode: number | undefined,
  clean: ScenarioOutcome[],
): boolean {
  if (skipClean) return true;
  const counts = tally(clean);
  return (reportOnly || cleanExitCode === 0) && clean.length > 0 && counts.failed + counts.flaky === 0;
}

/**
 * The sweep passes when the clean mock is green and every variant was caught as expected, each of its failed
 * scenarios leaving a trace.
 */
export const driftExitCode = (cleanGreen: boolean, outcomes: DriftOutcome[]) =>
  cleanGreen && outcomes.every((o) => o.verdict === 'caught' && everyFailureTraced(o.traces)) ? 0 : 1;

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** What the sweep prints at its end: the clean run, a line per variant, how many were caught, and the traces. */
export function driftTable(
  report: DriftReport,
  { skipClean, cleanGreen }: { skipClean: boolean; cleanGreen: boolean },
) {
  const outcomes = report.variants;
  const nameWidth = Math.max(30, ...outcomes.map((o) => o.name.length));
  const caught = outcomes.filter((o) => o.verdict === 'caught').length;
  const untraced = outcomes.filter((o) => !everyFailureTraced(o.traces));
  const percent = Math.round((100 * caught) / Math.max(outcomes.length, 1));
  return [
    skipClean
      ? 'Clean mock: not run (--skip-clean)'
      : `Clean mock: ${report.clean.passed} passed, ${report.clean.failed} failed${cleanGreen ? '' : '  ✘ NOT GREEN'}`,
    '',
    `${'variant'.padEnd(nameWidth)} ${'caught as'.padEnd(24)} ${'verdict'.padEnd(29)} ${'guide steps'.padEnd(22)} ${'trace'.padEnd(12)} deciding record`,
    ...outcomes.map(
      (o) =>
        `${o.name.padEnd(nameWidth)} ${caughtAs(o).padEnd(24)} ${o.verdict.padEnd(29)} ${clip(o.guideSteps.join(', ') || '—', 22).padEnd(22)} ${traceCell(o.traces).padEnd(12)} ${clip(o.message, 110)}`,
    ),
    '',
    `${caught} of ${outcomes.length} variants caught by the guide step expected, as the kind of drift or finding expected (${percent}%), in ${Math.floor(report.seconds / 60)} min ${report.seconds % 60} s.`,
    untraced.length
      ? `✘ Failed scenarios without a trace in ${untraced.length} variant(s): ${untraced.map((o) => o.name).join(', ')}.`
      : 'Every failed scenario left a trace (its evidence run).',
  ];
}
