// `npm run test:slow-site` and `npm run test:cpu-load`: a slow site, or a busy machine, is not a drifted site. The
// first puts every rendition of the bundled mock behind a proxy delaying every answer (site/delaying-proxy.ts,
// MOCK_ANSWER_DELAY_SECONDS) and runs every feature of the first guide at each delay; the second runs them on
// 2 workers, each scenario several times over, while other processes keep every core busy. Either passes only
// when no scenario failed, none was flaky and none was lost on the way.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readScenarios, type WrittenScenario } from '../harness/guide/features.ts';
import { featuresDirOf, loadGuides } from '../harness/guide/guide.ts';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { scenarioKey, type ScenarioOutcome } from '../harness/reporting/scenario-outcome.ts';
import { SITE_RENDITIONS } from '../mock-server/index.ts';
import { DEFAULT_SLOWEST_ANSWER_SECONDS } from '../site/profile.ts';
import { bin, run, status } from './processes.ts';

/** The delays of the issue: a slow staging server, a very slow one, and one a person barely waits for. */
export const DEFAULT_DELAYS = [0.3, 1, 3];
/** Each scenario this many times over under CPU load: a flake shows as a scenario that both passed and failed. */
export const DEFAULT_REPEATS = 3;

/**
 * The slowest answer a run at `delaySeconds` per answer allows: the default, plus thirty answers' worth of delay.
 * One act of a person may wait on a chain of answers (a form sent, the redirect it answers with, the next page, its
 * styles and scripts), and the run's other ceilings stretch with this one (playwright.config.ts): a scenario makes
 * some sixty requests in a row, each now `delaySeconds` late, on a machine other runs keep busy. The waits end as
 * soon as the answer is there: a higher ceiling costs a slow site nothing, only a broken one.
 */
export function slowestAnswerFor(delaySeconds: number): number {
  return Math.ceil(DEFAULT_SLOWEST_ANSWER_SECONDS + 30 * delaySeconds);
}

export interface SlowSiteArgs {
  delays: number[];
  renditions: string[];
  /** What `playwright test` selects: every feature of the first guide unless given. */
  selection: string[];
  workers: number;
}

export interface CpuLoadArgs {
  repeats: number;
  selection: string[];
  workers: number;
  /** Processes that keep the cores busy: one per core unless given. */
  burners: number;
}

const numberList = (text: string) => text.split(',').map((part) => Number(part.trim()));

/** `--delays 0.3,1,3 --renditions flickbox,classic --workers 2 [selection…]`; every rendition known unless named. */
export function parseSlowSiteArgs(
  argv: string[],
  renditions: readonly string[] = SITE_RENDITIONS,
  firstGuideFeatures = firstGuideDir(),
): SlowSiteArgs | { error: string } {
  const args: SlowSiteArgs = { delays: DEFAULT_DELAYS, renditions: [...renditions], selection: [], workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--delays' && value) {
      args.delays = numberList(value);
      if (args.delays.some((d) => !Number.isFinite(d) || d < 0 || d > 60))
        return { error: `--delays ${value}: give seconds per answer, 0 to 60, separated by commas (0.3,1,3).` };
      i++;
    } else if (arg === '--renditions' && value) {
      args.renditions = value.split(',').map((name) => name.trim());
      const unknown = args.renditions.filter((name) => !renditions.includes(name));
      if (unknown.length)
        return { error: `--renditions: ${unknown.join(', ')} is not a rendition (${renditions.join(', ')}).` };
      i++;
    } else if (arg === '--workers' && value) {
      args.workers = Number(value);
      if (!Number.isInteger(args.workers) || args.workers < 1) return { error: `--workers ${value}: a whole number.` };
      i++;
    } else if (arg.startsWith('--') && !value) {
      return { error: `${arg} needs a value.` };
    } else {
      args.selection.push(arg);
    }
  }
  if (!args.selection.length) args.selection = [firstGuideFeatures];
  return args;
}

/** `--repeats 3 --workers 2 --burners N [selection…]`. */
export function parseCpuLoadArgs(
  argv: string[],
  cores = availableParallelism(),
  firstGuideFeatures = firstGuideDir(),
): CpuLoadArgs | { error: string } {
  const args: CpuLoadArgs = { repeats: DEFAULT_REPEATS, selection: [], workers: 2, burners: cores };
  const whole = { '--repeats': 'repeats', '--workers': 'workers', '--burners': 'burners' } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg in whole) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < (arg === '--burners' ? 0 : 1)) {
        return { error: `${arg} ${argv[i] ?? ''}: a whole number.`.replace(' :', ':') };
      }
      args[whole[arg as keyof typeof whole]] = value;
    } else {
      args.selection.push(arg);
    }
  }
  if (!args.selection.length) args.selection = [firstGuideFeatures];
  return args;
}

/** The guide the issue is about: the first one the harness verified (README). */
export const FIRST_GUIDE = 'strengthening-account-security';

function firstGuideDir(): string {
  const guide = loadGuides().find((g) => g.slug === FIRST_GUIDE);
  if (!guide) throw new Error(`There is no guide ${FIRST_GUIDE} under guides/.`);
  return featuresDirOf(guide.slug);
}

/** What one run of the features came to, as the verdict needs it. */
export interface RunVerdict {
  name: string;
  /** Scenarios the selection holds (each repetition counted), against those the report gives. */
  expected: number;
  reported: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Scenarios that passed in one repetition and failed in another. */
  flaky: number;
  /** One line per failed scenario: where it is, and its first record or error. */
  failures: string[];
  seconds: number;
}

/** The scenarios of the written feature files a selection of files and folders holds. */
export function scenariosSelected(selection: string[], written: WrittenScenario[]): number {
  const paths = selection.map((path) => path.replace(/^\.\//, '').replace(/\/$/, ''));
  return written.filter((s) => paths.some((path) => s.file === path || s.file.startsWith(`${path}/`))).length;
}

export function judgeRun(
  name: string,
  outcomes: ScenarioOutcome[] | undefined,
  expected: number,
  seconds: number,
): RunVerdict {
  const all = outcomes ?? [];
  const bad = all.filter((o) => o.status === 'failed' || o.status === 'flaky');
  const byScenario = new Map<string, Set<string>>();
  for (const o of all) byScenario.set(scenarioKey(o), (byScenario.get(scenarioKey(o)) ?? new Set()).add(o.status));
  const flaky = [...byScenario.values()].filter((s) => s.has('passed') && (s.has('failed') || s.has('flaky'))).length;
  const failures = [...new Set(bad.map((o) => `${o.scenario.file}:${o.scenario.line} ${o.scenario.name}`))].map(
    (where) => {
      const first = bad.find((o) => `${o.scenario.file}:${o.scenario.line} ${o.scenario.name}` === where)!;
      const record = first.records[0];
      const why = record
        ? `${record.guideStep}: Drift (${record.kind}): ${record.siteShowed}`
        : (first.error?.split('\n')[0] ?? 'failed');
      return `${where}\n      ↳ ${why}`;
    },
  );
  return {
    name,
    expected,
    reported: all.length,
    passed: all.filter((o) => o.status === 'passed').length,
    failed: bad.length,
    skipped: all.filter((o) => o.status === 'skipped').length,
    flaky,
    failures,
    seconds,
  };
}

export const runPassed = (v: RunVerdict) => v.failed === 0 && v.flaky === 0 && v.reported === v.expected;

export function verdictTable(verdicts: RunVerdict[]): string[] {
  const width = Math.max(...verdicts.map((v) => v.name.length));
  const lines = verdicts.map((v) => {
    const lost = v.reported === v.expected ? '' : `, ${v.expected - v.reported} lost`;
    const counts = `${v.passed} passed, ${v.failed} failed, ${v.flaky} flaky, ${v.skipped} skipped${lost}`;
    return `  ${runPassed(v) ? '✔' : '✘'} ${v.name.padEnd(width)}  ${counts}  (${Math.round(v.seconds)} s)`;
  });
  const failures = verdicts.flatMap((v) => v.failures.map((f) => `  ${v.name}: ${f}`));
  return [...lines, ...(failures.length ? ['', 'Failed:', ...failures] : [])];
}

async function runFeatures(
  name: string,
  selection: string[],
  env: NodeJS.ProcessEnv,
  extraArgs: string[],
  expected: number,
): Promise<RunVerdict> {
  const dir = join(reportPaths().dir, 'slow-site', name);
  const json = join(dir, 'results.json');
  const args = ['test', '--reporter=line,json', '--output', join(dir, 'test-results'), ...extraArgs, ...selection];
  console.log(`\n▶ ${name}: playwright ${args.join(' ')}`);
  const finished = await run(bin('playwright'), args, {
    env: { ...env, GUIDE_REPORTS_DIR: dir, PLAYWRIGHT_JSON_OUTPUT_FILE: json, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
  });
  return judgeRun(name, readPlaywrightOutcomes(json), expected, finished.seconds);
}

export async function slowSiteCommand(argv: string[]): Promise<number> {
  const args = parseSlowSiteArgs(argv);
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  if (!ensureBrowser() || (await status(bin('bddgen'), ['test'], { echo: false })) !== 0) return 1;
  const expected = scenariosSelected(args.selection, readScenarios());
  const verdicts: RunVerdict[] = [];
  for (const delay of args.delays) {
    for (const rendition of args.renditions) {
      const env = {
        MOCK_SITE: rendition,
        MOCK_ANSWER_DELAY_SECONDS: String(delay),
        GUIDE_SLOWEST_ANSWER_SECONDS: String(slowestAnswerFor(delay)),
        GUIDE_SITE_PROFILE: '',
      };
      verdicts.push(
        await runFeatures(`${rendition}-${delay}s`, args.selection, env, [`--workers=${args.workers}`], expected),
      );
    }
  }
  const heading = `The bundled mock behind a proxy delaying every answer (${args.selection.join(' ') || 'every feature of the first guide'}), ${args.workers} worker(s):`;
  return report(heading, verdicts, join(reportPaths().dir, 'slow-site', 'summary.md'));
}

/** The verdicts on the terminal and in a summary beside the runs' reports; the exit status: 0 when every run passed. */
function report(heading: string, verdicts: RunVerdict[], summaryFile: string): number {
  const table = verdictTable(verdicts);
  console.log(`\n${heading}\n${table.join('\n')}`);
  mkdirSync(dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, `${heading}\n\n\`\`\`\n${table.join('\n')}\n\`\`\`\n`);
  console.log(`Written: ${summaryFile}`);
  return verdicts.every(runPassed) ? 0 : 1;
}

/** A process that keeps one core busy until killed. */
function burnOneCore(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

export async function cpuLoadCommand(argv: string[]): Promise<number> {
  const args = parseCpuLoadArgs(argv);
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  if (!ensureBrowser() || (await status(bin('bddgen'), ['test'], { echo: false })) !== 0) return 1;
  const expected = scenariosSelected(args.selection, readScenarios()) * args.repeats;
  const burners = Array.from({ length: args.burners }, burnOneCore);
  let verdict: RunVerdict;
  try {
    verdict = await runFeatures(
      'cpu-load',
      args.selection,
      {},
      [`--workers=${args.workers}`, `--repeat-each=${args.repeats}`],
      expected,
    );
  } finally {
    for (const burner of burners) burner.kill();
  }
  const heading = `Under CPU load (${args.burners} process(es) keeping the cores busy), ${args.workers} workers, each scenario ${args.repeats} times (--repeat-each=${args.repeats}):`;
  return report(heading, [verdict], join(reportPaths().dir, 'slow-site', 'cpu-load', 'summary.md'));
}
