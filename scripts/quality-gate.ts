// The merge job's gate: zero failures, zero flaky scenarios, and no scenario lost on the way. A run that silently
// lost scenarios (a shard that never reported, a broken generator) must fail, not look green.
// `--expected <N>`: a run of a selection (guide:sharded with arguments) expects the N scenarios it selected instead.
import { parseArgs } from 'node:util';
import { readScenarios } from '../harness/guide/features.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { tally } from '../harness/reporting/scenario-outcome.ts';

const { values } = parseArgs({ options: { expected: { type: 'string' } } });
const written = values.expected === undefined ? readScenarios().length : Number(values.expected);
const results = readPlaywrightOutcomes() ?? [];
const counts = tally(results);
const count = (status: keyof typeof counts) => counts[status];
const problems = [
  count('failed') && `${count('failed')} scenario(s) failed`,
  count('flaky') && `${count('flaky')} scenario(s) were flaky (passed only on retry)`,
  results.length < written &&
    `only ${results.length} of the ${written} ${values.expected === undefined ? 'written' : 'selected'} scenarios reported a result`,
].filter(Boolean);

console.log(
  `Quality gate: ${count('passed')} passed, ${count('failed')} failed, ${count('flaky')} flaky, ${results.length}/${written} scenarios reported.`,
);
if (problems.length) {
  console.error(`Quality gate FAILED: ${problems.join('; ')}.`);
  process.exit(1);
}
console.log('Quality gate passed.');
