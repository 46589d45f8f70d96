// `npm run guide:sharding-check [-- <selection>]`: a sharded run reports what a single run reports
// (commands/sharding-check.ts). Minutes, not seconds: it is not part of `npm test`.
import { shardingCheck } from '../commands/sharding-check.ts';

process.exit(await shardingCheck(process.argv.slice(2)));
