// The one way the commands start other programs: a child process, timed from spawn to exit, and a pool that runs
// several at once.
import { spawn } from 'node:child_process';

/** A command installed by npm, run without npx's start-up. */
export const bin = (name: string) => `node_modules/.bin/${name}`;

/** `node --import tsx <script>`: a TypeScript entry point of this repository in its own process. */
export const tsx = (script: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args],
];

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** inherit: the person sees the output as it comes (default); capture: kept in the result; quiet: dropped. */
  output?: 'inherit' | 'capture' | 'quiet';
  /** Print the command line before running it. */
  echo?: boolean;
  /** With capture: time the first stdout text that matches this. */
  watch?: RegExp;
}

export interface Finished {
  exitCode: number;
  seconds: number;
  /** Empty unless captured. */
  stdout: string;
  stderr: string;
  /** Seconds from spawn to the first stdout matching `watch`, when asked for and seen. */
  firstMatchSeconds?: number;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<Finished> {
  const { env = {}, output = 'inherit', echo = false, watch } = options;
  if (echo) console.log(`\n▶ ${[command.replace(bin(''), ''), ...args].join(' ')}`);
  const started = performance.now();
  const stdio = output === 'inherit' ? 'inherit' : output === 'quiet' ? 'ignore' : 'pipe';
  const child = spawn(command, args, { stdio: ['ignore', stdio, stdio], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let firstMatchSeconds: number | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (watch && firstMatchSeconds === undefined && watch.test(stdout)) {
      firstMatchSeconds = (performance.now() - started) / 1000;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const finish = (exitCode: number) =>
      resolve({
        exitCode,
        seconds: (performance.now() - started) / 1000,
        stdout,
        stderr,
        ...(firstMatchSeconds === undefined ? {} : { firstMatchSeconds }),
      });
    child.on('error', (error) => {
      stderr += error.message;
      finish(127);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

/** The exit status of a command whose output the person watches. */
export const status = async (command: string, args: string[], options: RunOptions = {}) =>
  (await run(command, args, { echo: true, ...options })).exitCode;

/** Works through `items` with at most `size` at a time; the results in the order of the items. */
export async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return results;
}
