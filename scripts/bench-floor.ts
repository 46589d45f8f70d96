// `node --import tsx scripts/bench-floor.ts <feature file> …`: the benchmark's floor in a process of its own
// (commands/bench/floor.ts), one argument per scenario to stand for. Prints one JSON line.
import { measureFloor } from '../commands/bench/floor.ts';

const result = await measureFloor(process.argv.slice(2));
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
