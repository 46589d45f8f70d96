// `npm run bench:doc [-- <bench.json>]`: the figures of docs/benchmark.md from a benchmark's record, by default the
// last run's reports/bench/bench.json (or one downloaded from the weekly workflow's artifacts).
import { BENCH_JSON } from '../commands/bench/bench-command.ts';
import { BENCH_DOC, writeBenchDoc } from '../commands/bench/report.ts';

try {
  writeBenchDoc(process.argv[2] ?? BENCH_JSON);
  console.log(`Written: the figures of ${BENCH_DOC}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
