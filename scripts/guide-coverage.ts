// The coverage gate, guide by guide: each guide step → the scenarios tagged with it → their latest result. Fails
// when an action of a guide has no scenario, a tag names an unknown step, a guide's text changed since the features
// were written, or two guides share an action id. `-- --guide <slug>` checks one guide.
import { readScenarios } from '../harness/guide/features.ts';
import { checkGuideCoverage, crossGuideProblems } from '../harness/reporting/guide-coverage.ts';
import { loadGuides, loadGuideText } from '../harness/guide/guide.ts';
import { guidesNamed } from '../harness/config/guide-selection.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';

const all = loadGuides();
let guides = all;
try {
  guides = guidesNamed(process.argv.slice(2), all);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
// Drafts too: their steps are reported as drafted, not verified (never covered).
const scenarios = readScenarios('features', { drafts: true });
const results = readPlaywrightOutcomes() ?? [];
const problems = guides.length === all.length ? crossGuideProblems(all, scenarios) : [];

const RESULT_MARKS = { passed: '✔', failed: '✘', flaky: '≈', skipped: '-', 'not run': '?' } as const;
for (const guide of guides) {
  const coverage = checkGuideCoverage(guide, loadGuideText(guide), scenarios, results, all);
  problems.push(...coverage.problems);
  const { rows } = coverage;
  const width = Math.max(11, ...rows.map((r) => r.step.id.length));
  const indent = ' '.repeat(width + 1);
  console.log(`Guide coverage: ${guide.title} (guides/${guide.slug}/)\n`);
  for (const { step, stale, scenarios: tagged, drafted } of rows) {
    const status =
      step.kind !== 'action'
        ? `prose (${step.kind})`
        : tagged.length
          ? `${tagged.length} scenario(s)`
          : drafted.length
            ? 'DRAFTED, NOT VERIFIED'
            : 'NOT COVERED';
    console.log(`${step.id.padEnd(width)} ${(stale ? 'STALE ' : '') + status}  “${step.text}”`);
    if (step.kind !== 'action') console.log(`${indent}${step.reason ?? 'NO REASON GIVEN'}`);
    for (const { scenario, result } of tagged) {
      console.log(
        `${indent}${RESULT_MARKS[result]} ${result.padEnd(7)} ${scenario.file}:${scenario.line}  ${scenario.name}`,
      );
    }
  }
  const actions = rows.filter((r) => r.step.kind === 'action');
  const drafted = actions.filter((r) => !r.scenarios.length && r.drafted.length).length;
  console.log(
    `\n${actions.filter((r) => r.scenarios.length).length} of ${actions.length} action steps covered; ${drafted ? `${drafted} drafted, not verified; ` : ''}${rows.length - actions.length} prose steps; ${rows.filter((r) => r.stale).length} stale.\n`,
  );
}
if (problems.length) {
  console.log(`The coverage gate fails (${problems.length}):`);
  for (const problem of problems) console.log(`  ✘ ${problem}`);
  process.exit(1);
}
console.log(`The coverage gate passes (${guides.map((g) => g.slug).join(', ')}).`);
