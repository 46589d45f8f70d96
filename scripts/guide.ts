// The main job: verify the guide against the site (the bundled mock unless GUIDE_BASE_URL is set), write the
// reports, and print a verdict per guide step. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { requireChromium } from '../harness/browser.ts';
import { readScenarios } from '../harness/features.ts';
import { loadGuide, loadGuideText } from '../harness/guide.ts';
import { checkCoverage } from '../harness/guide-coverage.ts';
import { guideVerdicts } from '../harness/guide-verdicts.ts';
import { driftAppendix } from '../harness/drift-report.ts';
import { writeIllustratedGuide } from '../harness/illustrated-guide.ts';
import { runEnvironment } from '../harness/report-setup.ts';
import { readScenarioResults } from '../harness/results.ts';

const bin = (name: string) => `node_modules/.bin/${name}`;
const run = (command: string, args: string[], quiet = false) =>
  spawnSync(command, args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit' }).status ?? 1;

if (run(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']) !== 0) process.exit(1);

// allure-playwright never clears its results: old ones would come back as retries.
rmSync('reports/allure-results', { recursive: true, force: true });
rmSync('reports/playwright-results.json', { force: true });

if (run(bin('bddgen'), ['test']) !== 0) process.exit(1);
const testStatus = run(bin('playwright'), ['test', ...process.argv.slice(2)]);
const allureStatus = run(bin('allure'), ['generate', 'reports/allure-results'], true);

const guide = loadGuide();
const results = readScenarioResults();
const allVerdicts = guideVerdicts(guide, results);
const coverage = checkCoverage(guide, loadGuideText(guide), readScenarios(), results);
const illustrated = writeIllustratedGuide({
  guide,
  verdicts: allVerdicts,
  coverage,
  environment: runEnvironment(requireChromium()),
  outputDir: 'reports/guide',
  // The last `npm run drift`'s summary, when there is one.
  appendix: driftAppendix(),
});
const stale = new Set(coverage.rows.filter((r) => r.stale).map((r) => r.step.id));
const verdicts = allVerdicts
  .filter((v) => v.verdict !== 'prose')
  .map((v) => (stale.has(v.step.id) ? { ...v, verdict: 'stale' as const } : v));
const MARKS = { verified: '✔', drifted: '✘', stale: '⟳', 'not covered': '·', 'not run': '–', prose: ' ' } as const;
console.log('\nThe guide, step by step:');
for (const { step, verdict, scenarios, reason } of verdicts) {
  const text = step.text.length > 78 ? `${step.text.slice(0, 77)}…` : step.text;
  console.log(
    `  ${MARKS[verdict]} ${step.id.padEnd(11)} ${verdict.padEnd(11)} ${String(scenarios.length).padStart(2)} scenario(s)  ${text}`,
  );
  if (reason) console.log(`      ↳ ${reason}`);
}
const count = (verdict: string) => verdicts.filter((v) => v.verdict === verdict).length;
console.log(
  `\n${count('verified')} guide steps verified, ${count('drifted')} drifted, ${count('stale')} stale, ${count('not covered')} not covered, ${count('not run')} not run.`,
);
console.log('Reports:');
console.log(`  The illustrated guide:      ${illustrated}`);
console.log(
  `  Allure (stakeholders):      reports/allure-report/index.html${allureStatus === 0 ? '' : '  (generation FAILED)'}`,
);
console.log(
  '  Playwright HTML (QA):       reports/playwright-html/index.html   (npx playwright show-report reports/playwright-html)',
);
console.log('  Traces of failed scenarios: reports/test-results/**/trace.zip     (npx playwright show-trace <file>)');
console.log('  Cucumber (tools):           reports/cucumber/ (report.html, report.json, report.xml, messages.ndjson)');
process.exit(testStatus || allureStatus);
