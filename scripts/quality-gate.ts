// `npm run quality-gate [-- --expected <N>]`: the merge job's gate (commands/quality-gate.ts). A run of a selection
// (guide:sharded with arguments) expects the N scenarios it selected instead of every scenario written.
import { parseArgs } from 'node:util';
import { qualityGate } from '../commands/quality-gate.ts';

const { values } = parseArgs({ options: { expected: { type: 'string' } } });
process.exit(qualityGate(values.expected === undefined ? undefined : Number(values.expected)));
