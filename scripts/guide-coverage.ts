// The coverage gate: each guide step → the scenarios tagged with it → their latest result. Fails when an action of
// the guide has no scenario, a tag names an unknown step, or the guide's text changed since the features were written.
import { readScenarios } from '../harness/guide/features.ts';
import { checkCoverage } from '../harness/reporting/guide-coverage.ts';
import { loadGuide, loadGuideText } from '../harness/guide/guide.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';

const guide = loadGuide();
const { rows, problems } = checkCoverage(guide, loadGuideText(guide), readScenarios(), readPlaywrightOutcomes() ?? []);

const RESULT_MARKS = { passed: '✔', failed: '✘', flaky: '≈', skipped: '-', 'not run': '?' } as const;
console.log(`Guide coverage: ${guide.title}\n`);
for (const { step, stale, scenarios } of rows) {
  const status =
    step.kind !== 'action'
      ? `prose (${step.kind})`
      : scenarios.length
        ? `${scenarios.length} scenario(s)`
        : 'NOT COVERED';
  console.log(`${step.id.padEnd(11)} ${(stale ? 'STALE ' : '') + status}  “${step.text}”`);
  if (step.kind !== 'action') console.log(`            ${step.reason ?? 'NO REASON GIVEN'}`);
  for (const { scenario, result } of scenarios) {
    console.log(
      `            ${RESULT_MARKS[result]} ${result.padEnd(7)} ${scenario.file}:${scenario.line}  ${scenario.name}`,
    );
  }
}
const actions = rows.filter((r) => r.step.kind === 'action');
console.log(
  `\n${actions.filter((r) => r.scenarios.length).length} of ${actions.length} action steps covered; ${rows.length - actions.length} prose steps; ${rows.filter((r) => r.stale).length} stale.`,
);
if (problems.length) {
  console.log(`\nThe coverage gate fails (${problems.length}):`);
  for (const problem of problems) console.log(`  ✘ ${problem}`);
  process.exit(1);
}
console.log('The coverage gate passes.');
