// `npm run bench`'s options:
//   (none)       one run of every line, the growth fitted through 1 scenario and the whole suite: under 15 min on 2 cores
//   --long       the long form: 3 runs of every line, the growth through 1 scenario, half and the whole suite
//   --runs N     runs of every timed line (default 1, 3 with --long); the table shows their median and spread
//   --quick      one run, without the 1-worker full suite and cucumber-js: for working on the benchmark itself
//   --limit N    "the suite" is N scenarios spread evenly over the feature files instead of all of them
//   --drift      time `npm run drift` (once) instead of reading reports/drift/drift.json
//   --mock-seconds S, --connections C   the bounded load on the mock (default 5 s at 10 connections each)
//   --levers     also the suite (1 worker) with each speed option of harness/config/speed-options.ts, and all of them
import { parseArgs } from 'node:util';
import type { LoadOptions } from './mock.ts';

export interface BenchOptions {
  runs: number;
  quick: boolean;
  /** The long form: more runs, and the half-size suite as a third point of the growth. */
  long: boolean;
  limit: number | undefined;
  drift: boolean;
  levers: boolean;
  load: LoadOptions;
}

export function parseBenchArgs(args: string[]): BenchOptions | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        long: { type: 'boolean', default: false },
        limit: { type: 'string' },
        drift: { type: 'boolean', default: false },
        levers: { type: 'boolean', default: false },
        'mock-seconds': { type: 'string', default: '5' },
        connections: { type: 'string', default: '10' },
      },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.quick && values.long) return { error: '--quick and --long ask for opposite things: choose one.' };
  const runs = values.quick ? 1 : Number(values.runs ?? (values.long ? 3 : 1));
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const load = { seconds: Number(values['mock-seconds']), connections: Number(values.connections) };
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!whole(runs) || (limit !== undefined && !whole(limit))) {
    return { error: '--runs and --limit take a whole number of at least 1.' };
  }
  if (!(load.seconds > 0) || !whole(load.connections)) {
    return { error: '--mock-seconds takes a number of seconds above 0, --connections a whole number of at least 1.' };
  }
  return { runs, quick: values.quick, long: values.long, limit, drift: values.drift, levers: values.levers, load };
}
