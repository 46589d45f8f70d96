// The timed commands of `npm run bench`: each is a child process, timed from spawn to exit, as a person would wait.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DIR = 'reports/bench';
const bin = (name: string) => `node_modules/.bin/${name}`;

export interface Timed {
  seconds: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Seconds from spawn to the first stdout line matching `watch`, when asked for. */
  firstMatchSeconds?: number;
}

export function timed(
  command: string,
  args: string[],
  { env = {}, watch }: { env?: Record<string, string>; watch?: RegExp } = {},
): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let firstMatchSeconds: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (watch && firstMatchSeconds === undefined && watch.test(stdout)) {
      firstMatchSeconds = (performance.now() - started) / 1000;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) =>
      resolve({
        seconds: (performance.now() - started) / 1000,
        exitCode: code ?? 1,
        stdout,
        stderr,
        ...(firstMatchSeconds === undefined ? {} : { firstMatchSeconds }),
      }),
    );
  });
}

export interface RunOutcome {
  seconds: number;
  passed: number;
  failed: number;
  /** First lines of the output when the command failed, to say why in the table. */
  problem?: string;
}

const problemOf = (run: Timed) =>
  (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-3).join(' ').slice(0, 300);

/** `playwright test` with only the JSON reporter (no HTML, Cucumber or Allure reports), results under reports/bench. */
export async function playwrightSuite(
  workers: number,
  specs: string[],
  env: Record<string, string> = {},
): Promise<RunOutcome> {
  const json = join(BENCH_DIR, `playwright-${workers}w.json`);
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

/** The floor (scripts/bench/floor.ts) for one feature file per scenario. */
export async function floor(scenarioFiles: string[]): Promise<FloorOutcome> {
  const run = await timed(process.execPath, ['--import', 'tsx', 'scripts/bench/floor.ts', ...scenarioFiles]);
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

/** A verdict line of Playwright's list reporter: "  ✓  1 [chromium] › …" (or "ok"/"x" where UTF-8 is not shown). */
const VERDICT_LINE = /^\s*(✓|✘|ok|x|-)\s+\d+\s/m;

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
  const verdict = VERDICT_LINE.exec(run.stdout)?.[1];
  const passed = run.exitCode === 0 && (verdict === '✓' || verdict === 'ok');
  return {
    toVerdictSeconds: run.firstMatchSeconds ?? Number.NaN,
    wholeSeconds: run.seconds,
    passed,
    ...(passed ? {} : { problem: problemOf(run) }),
  };
}

/** bddgen, needed before `playwright test`; `npm run guide` runs it too. */
export function bddgen(): Promise<Timed> {
  return timed(bin('bddgen'), ['test']);
}

/** `npm run drift`, the whole sweep. */
export function driftSweep(): Promise<Timed> {
  return timed('npm', ['run', '--silent', 'drift']);
}
