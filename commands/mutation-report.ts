// `npm run mutation`: StrykerJS breaks harness/ and commands/ in small ways (stryker.config.mjs) and the unit tests must
// notice each break. This reads Stryker's JSON report, never its text output: the score, the counts, and every mutant
// that survived without an explanation in commands/mutation-explained.ts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { calculateMetrics } from 'mutation-testing-metrics';
import type { FileResultDictionary, MutantStatus } from 'mutation-testing-report-schema';
import { z } from 'zod';
import { EXPLAINED, type Explanation } from './mutation-explained.ts';
import { bin, run } from './processes.ts';

/** Where stryker.config.mjs has its JSON reporter write. */
export const MUTATION_JSON = 'reports/mutation/mutation.json';
export const MUTATION_HTML = 'reports/mutation/mutation.html';

/**
 * The lowest score a run may have, explained survivors counted as survivors: below it, tests were lost even if every
 * survivor has its reason.
 */
export const SCORE_THRESHOLD = 85;

const MUTANT_STATUSES = [
  'Killed',
  'Survived',
  'NoCoverage',
  'CompileError',
  'RuntimeError',
  'Timeout',
  'Ignored',
  'Pending',
] as const satisfies readonly MutantStatus[];

const position = z.object({ line: z.number().int(), column: z.number().int() });

/** The part of the report read here (mutation-testing-report-schema's MutationTestResult); other fields are dropped. */
const mutationReportSchema = z.object({
  schemaVersion: z.string(),
  files: z.record(
    z.string(),
    z.object({
      language: z.string(),
      source: z.string(),
      mutants: z.array(
        z.object({
          id: z.string(),
          mutatorName: z.string(),
          replacement: z.string().optional(),
          status: z.enum(MUTANT_STATUSES),
          location: z.object({ start: position, end: position }),
        }),
      ),
    }),
  ),
});

export type MutationReport = z.infer<typeof mutationReportSchema> & { files: FileResultDictionary };

/** The report Stryker wrote, or undefined when there is none; a file that is not one is an error. */
export function readMutationReport(path = MUTATION_JSON): MutationReport | undefined {
  if (!existsSync(path)) return undefined;
  return mutationReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** One mutant that no test noticed: where, what Stryker did, and the code it replaced. */
export interface Survivor {
  file: string;
  line: number;
  column: number;
  mutator: string;
  status: 'Survived' | 'NoCoverage';
  /** The code as written, whitespace collapsed. */
  original: string;
  replacement: string;
  /** The line the mutant starts on, whitespace collapsed. */
  lineText: string;
}

const collapse = (code: string) => code.replace(/\s+/g, ' ').trim();

/** The source text between a mutant's start and end (lines and columns count from 1; the end is exclusive). */
export function codeAt(source: string, { start, end }: { start: Position; end: Position }): string {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  return [
    lines[start.line - 1]?.slice(start.column - 1) ?? '',
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1]?.slice(0, end.column - 1) ?? '',
  ].join('\n');
}
type Position = { line: number; column: number };

export function survivorsOf(report: MutationReport): Survivor[] {
  return Object.entries(report.files).flatMap(([file, result]) =>
    result.mutants.flatMap((mutant): Survivor[] =>
      mutant.status === 'Survived' || mutant.status === 'NoCoverage'
        ? [
            {
              file,
              line: mutant.location.start.line,
              column: mutant.location.start.column,
              mutator: mutant.mutatorName,
              status: mutant.status,
              original: collapse(codeAt(result.source, mutant.location)),
              replacement: collapse(mutant.replacement ?? ''),
              lineText: collapse(result.source.split('\n')[mutant.location.start.line - 1] ?? ''),
            },
          ]
        : [],
    ),
  );
}

/**
 * An explanation covers a survivor of its file and mutator whose replaced code is its `original`, and, when it says
 * so, whose replacement is its `replacement` and whose line holds its `within`.
 */
export const explains = (e: Explanation, s: Survivor) =>
  e.file === s.file &&
  e.mutator === s.mutator &&
  collapse(e.original) === s.original &&
  (e.replacement === undefined || collapse(e.replacement) === s.replacement) &&
  (e.within === undefined || s.lineText.includes(collapse(e.within)));

export interface MutationVerdict {
  score: number;
  counts: { mutants: number; killed: number; timeout: number; survived: number; noCoverage: number; errors: number };
  explained: { survivor: Survivor; reason: string }[];
  unexplained: Survivor[];
  /** Explanations of a file in the report that matched no survivor: the mutant is killed now, or the code changed. */
  stale: Explanation[];
  exitCode: number;
  lines: string[];
}

const where = (s: Survivor) => `${s.file}:${s.line}:${s.column}`;
const clip = (text: string, width = 70) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const mutantLine = (s: Survivor) =>
  `${where(s)}  ${s.mutator}${s.status === 'NoCoverage' ? ' (no test runs it)' : ''}  ${clip(s.original)} → ${clip(s.replacement) || '(removed)'}`;

/** The run's score and counts, and which survivors fail it: any without an explanation, or a score below threshold. */
export function judgeMutation(
  report: MutationReport,
  explanations: readonly Explanation[] = EXPLAINED,
  threshold = SCORE_THRESHOLD,
): MutationVerdict {
  const { metrics } = calculateMetrics(report.files);
  const counts = {
    mutants: metrics.totalMutants,
    killed: metrics.killed,
    timeout: metrics.timeout,
    survived: metrics.survived,
    noCoverage: metrics.noCoverage,
    errors: metrics.totalInvalid,
  };
  const score = metrics.mutationScore;
  const survivors = survivorsOf(report);
  const explained = survivors.flatMap((survivor) => {
    const explanation = explanations.find((e) => explains(e, survivor));
    return explanation ? [{ survivor, reason: explanation.reason }] : [];
  });
  const unexplained = survivors.filter((s) => !explanations.some((e) => explains(e, s)));
  const stale = explanations.filter((e) => e.file in report.files && !survivors.some((s) => explains(e, s)));
  const lowScore = score < threshold;

  const lines = [
    `Mutation score ${score.toFixed(1)}% (threshold ${threshold}%): ${counts.mutants} mutants in ${Object.keys(report.files).length} file(s), ${counts.killed} killed, ${counts.timeout} timed out, ${counts.survived} survived, ${counts.noCoverage} not covered by any test${counts.errors ? `, ${counts.errors} invalid` : ''}.`,
    `Survivors: ${explained.length} explained (commands/mutation-explained.ts), ${unexplained.length} not explained.`,
    ...(unexplained.length
      ? ['', 'Not explained: kill each with a test, or explain it in commands/mutation-explained.ts:']
      : []),
    ...unexplained.map((s) => `  ✘ ${mutantLine(s)}`),
    ...(stale.length ? ['', 'Explained, but no longer surviving (remove the explanation):'] : []),
    ...stale.map((e) => `  • ${e.file}  ${e.mutator}  ${clip(collapse(e.original))}`),
    '',
    `Report: ${MUTATION_HTML}`,
    lowScore
      ? `Mutation check FAILED: the score ${score.toFixed(1)}% is below ${threshold}%.`
      : unexplained.length
        ? `Mutation check FAILED: ${unexplained.length} surviving mutant(s) not explained.`
        : 'Mutation check passed: every surviving mutant is explained.',
  ];
  return { score, counts, explained, unexplained, stale, exitCode: lowScore || unexplained.length ? 1 : 0, lines };
}

export interface MutationArgs {
  /** Every file of harness/ and commands/ instead of the focused scope (stryker.config.mjs). */
  all: boolean;
  /** Test every mutant again, not only those the last run's record says changed. */
  force: boolean;
}

export function parseMutationArgs(argv: string[]): MutationArgs | { error: string } {
  const unknown = argv.filter((arg) => arg !== '--all' && arg !== '--force');
  if (unknown.length) return { error: `Unknown argument ${unknown.join(' ')}; known: --all, --force.` };
  return { all: argv.includes('--all'), force: argv.includes('--force') };
}

/** How Stryker is started: its arguments and environment in, its exit status out. */
export type StrykerRun = (args: string[], env: NodeJS.ProcessEnv) => Promise<number>;

const runStryker: StrykerRun = async (args, env) => (await run(bin('stryker'), args, { echo: true, env })).exitCode;

/** Runs Stryker, then judges the report it wrote; the exit status. */
export async function mutationCommand(
  argv: string[],
  stryker: StrykerRun = runStryker,
  reportPath = MUTATION_JSON,
): Promise<number> {
  const args = parseMutationArgs(argv);
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  // A report left by an earlier run must not be read as this one's.
  rmSync(reportPath, { force: true });
  const exitCode = await stryker(['run', ...(args.force ? ['--force'] : [])], {
    MUTATION_SCOPE: args.all ? 'all' : 'focused',
  });
  const report = readMutationReport(reportPath);
  if (exitCode !== 0 || !report) {
    console.error(`Mutation check FAILED: Stryker exited ${exitCode}${report ? '' : ' without a report'}.`);
    return exitCode || 1;
  }
  const verdict = judgeMutation(report);
  console.log(`\n${verdict.lines.join('\n')}`);
  return verdict.exitCode;
}
