// `npm run guide:sharded -- <N> [selection]`: the nightly workflow's sharded run on this machine
// (commands/sharded-run.ts). The selection is `npm run guide`'s; GUIDE_PARALLEL_SHARDS caps how many shards run at
// once; GUIDE_REPORTS_DIR writes the reports elsewhere than reports/.
import { shardedRun } from '../commands/sharded-run.ts';

process.exit(await shardedRun(process.argv.slice(2)));
