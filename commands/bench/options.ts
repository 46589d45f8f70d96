// `npm run bench`'s options:
//   --runs N     runs of every timed line (default 3); the table shows their median and spread
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
        runs: { type: 'string', default: '3' },
        quick: { type: 'boolean', default: false },
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
  const runs = values.quick ? 1 : Number(values.runs);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const load = { seconds: Number(values['mock-seconds']), connections: Number(values.connections) };
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!whole(runs) || (limit !== undefined && !whole(limit))) {
    return { error: '--runs and --limit take a whole number of at least 1.' };
  }
  if (!(load.seconds > 0) || !whole(load.connections)) {
    return { error: '--mock-seconds takes a number of seconds above 0, --connections a whole number of at least 1.' };
  }
  return { runs, quick: values.quick, limit, drift: values.drift, levers: values.levers, load };
}
