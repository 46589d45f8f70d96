// The timed commands of `npm run bench`: each is a child process, timed from spawn to exit, as a person would wait.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, run, tsx, type Finished, type RunOptions } from '../processes.ts';

export const BENCH_DIR = 'reports/bench';

/** A command whose output is kept to count from, timed. */
const timed = (command: string, args: string[], options: RunOptions = {}) =>
  run(command, args, { ...options, output: 'capture' });

export interface RunOutcome {
  seconds: number;
  passed: number;
  failed: number;
  /** First lines of the output when the command failed, to say why in the table. */
  problem?: string;
}

const problemOf = (run: Finished) =>
  (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-3).join(' ').slice(0, 300);

/** Where a suite run's JSON report is written (each run replaces the last of its number of workers). */
export const suiteJson = (workers: number) => join(BENCH_DIR, `playwright-${workers}w.json`);

/** `playwright test` with only the JSON reporter (no HTML, Cucumber or Allure reports), results under reports/bench. */
export async function playwrightSuite(
  workers: number,
  specs: string[],
  env: Record<string, string> = {},
): Promise<RunOutcome> {
  const json = suiteJson(workers);
  rmSync(json, { force: true });
  const run = await timed(
    bin('playwright'),
    ['test', `--workers=${workers}`, '--reporter=json', '--output', join(BENCH_DIR, 'test-results'), ...specs],
    { env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: json, PLAYWRIGHT_JSON_OUTPUT_NAME: json } },
  );
  const stats = existsSync(json)
    ? (JSON.parse(readFileSync(json, 'utf8')) as { stats?: { expected?: number; unexpected?: number; flaky?: number } })
        .stats
    : undefined;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = stats?.unexpected ?? 0;
  return {
    seconds: run.seconds,
    passed,
    failed,
    ...(run.exitCode !== 0 && failed === 0 ? { problem: problemOf(run) } : {}),
  };
}

interface CucumberFeature {
  elements?: { type?: string; steps?: { result?: { status?: string } }[] }[];
}

/** `npm run cucumber` as configured (its HTML, JSON and JUnit reports), plus a JSON report of its own to count. */
export async function cucumberSuite(features: string[]): Promise<RunOutcome> {
  const json = join(BENCH_DIR, 'cucumber.json');
  rmSync(json, { force: true });
  const run = await timed('npm', ['run', '--silent', 'cucumber', '--', '--format', `json:${json}`, ...features]);
  const scenarios = existsSync(json)
    ? (JSON.parse(readFileSync(json, 'utf8')) as CucumberFeature[])
        .flatMap((feature) => feature.elements ?? [])
        .filter((element) => element.type === 'scenario')
    : [];
  const failed = scenarios.filter((s) => s.steps?.some((step) => step.result?.status !== 'passed')).length;
  return {
    seconds: run.seconds,
    passed: scenarios.length - failed,
    failed,
    ...(run.exitCode !== 0 && failed === 0 ? { problem: problemOf(run) } : {}),
  };
}

export interface FloorOutcome extends RunOutcome {
  launchMs: number;
  scenarioMs: number[];
}

/** The floor (commands/bench/floor.ts, in a process of its own) for one feature file per scenario. */
export async function floor(scenarioFiles: string[]): Promise<FloorOutcome> {
  const run = await timed(...tsx('scripts/bench-floor.ts', ...scenarioFiles));
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '{}';
  const result = JSON.parse(lastLine.startsWith('{') ? lastLine : '{}') as {
    ok?: boolean;
    launchMs?: number;
    scenarioMs?: number[];
    error?: string;
  };
  const passed = result.scenarioMs?.length ?? 0;
  return {
    seconds: run.seconds,
    passed,
    failed: scenarioFiles.length - passed,
    launchMs: result.launchMs ?? Number.NaN,
    scenarioMs: result.scenarioMs ?? [],
    ...(result.ok ? {} : { problem: result.error ?? problemOf(run) }),
  };
}

/**
 * A verdict line: Playwright's list reporter's "  ✓  1 [chromium] › …" (or "ok"/"x" where UTF-8 is not shown), or the
 * compact terminal's (harness/reporting/compact-terminal.ts) "[1/1] 1 passed, 0 failed, 0 skipped".
 */
const VERDICT_LINE = /^\s*(✓|✘|ok|x|-)\s+\d+\s|^\[\d+\/\d+\] \d+ passed, (\d+) failed/m;

export interface FirstResult {
  /** From the command to the first verdict line on its output. */
  toVerdictSeconds: number;
  /** The whole command, reports included. */
  wholeSeconds: number;
  passed: boolean;
  problem?: string;
}

/** `npm run guide -- <feature:line>` as a QA engineer types it. */
export async function guideOneScenario(selection: string): Promise<FirstResult> {
  const run = await timed('npm', ['run', '--silent', 'guide', '--', selection], { watch: VERDICT_LINE });
  const [, listed, failedCount] = VERDICT_LINE.exec(run.stdout) ?? [];
  const passed = run.exitCode === 0 && (listed === '✓' || listed === 'ok' || failedCount === '0');
  return {
    toVerdictSeconds: run.firstMatchSeconds ?? Number.NaN,
    wholeSeconds: run.seconds,
    passed,
    ...(passed ? {} : { problem: problemOf(run) }),
  };
}

/** bddgen, needed before `playwright test`; `npm run guide` runs it too. */
export function bddgen(): Promise<Finished> {
  return timed(bin('bddgen'), ['test']);
}

/** `npm run drift`, the whole sweep. */
export function driftSweep(): Promise<Finished> {
  return timed('npm', ['run', '--silent', 'drift']);
}
