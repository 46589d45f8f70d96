import { spawnSync } from 'node:child_process';
import { requireChromium } from './browser.ts';
import { driftAppendix } from './drift-report.ts';
import { readScenarios } from './features.ts';
import { loadGuide, loadGuideText } from './guide.ts';
import { checkCoverage } from './guide-coverage.ts';
import { guideVerdicts, type Verdict } from './guide-verdicts.ts';
import { writeIllustratedGuide } from './illustrated-guide.ts';
import { runEnvironment } from './report-setup.ts';
import { readPlaywrightOutcomes } from './results.ts';
import { speedOptions } from './speed-options.ts';
import { reportPaths } from './reports-dir.ts';

/**
 * After a run: the Allure report, the illustrated guide, and the per-step verdicts printed for the terminal.
 * Returns the Allure generator's exit status.
 */
export function publishReports(): number {
  const paths = reportPaths();
  const allureStatus =
    spawnSync('node_modules/.bin/allure', ['generate', paths.allureResults], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }).status ?? 1;

  const guide = loadGuide();
  const results = readPlaywrightOutcomes() ?? [];
  const allVerdicts = guideVerdicts(guide, results);
  const coverage = checkCoverage(guide, loadGuideText(guide), readScenarios(), results);
  const illustrated = writeIllustratedGuide({
    guide,
    verdicts: allVerdicts,
    coverage,
    environment: runEnvironment(requireChromium()),
    outputDir: paths.guide,
    // The last `npm run drift`'s summary, when there is one.
    appendix: driftAppendix(),
  });
  const stale = new Set(coverage.rows.filter((r) => r.stale).map((r) => r.step.id));
  const verdicts = allVerdicts
    .filter((v) => v.verdict !== 'prose')
    .map((v) => (stale.has(v.step.id) ? { ...v, verdict: 'stale' as const } : v));
  const MARKS: Record<Verdict, string> = {
    verified: '✔',
    drifted: '✘',
    'not reached': '↷',
    failed: '✘',
    stale: '⟳',
    'not covered': '·',
    'not run': '–',
    prose: ' ',
  };
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
    `\n${count('verified')} guide steps verified, ${count('drifted')} drifted, ${count('not reached')} not reached, ${count('failed')} failed, ${count('stale')} stale, ${count('not covered')} not covered, ${count('not run')} not run.`,
  );
  console.log('Reports:');
  console.log(`  The illustrated guide:      ${illustrated}`);
  console.log(
    `  Allure (stakeholders):      ${paths.allureReport}/index.html${allureStatus === 0 ? '' : '  (generation FAILED)'}`,
  );
  console.log(
    `  Playwright HTML (QA):       ${paths.playwrightHtml}/index.html   (npx playwright show-report ${paths.playwrightHtml})`,
  );
  console.log(
    speedOptions().traces === 'off'
      ? '  Traces of failed scenarios: none: GUIDE_TRACES=off (re-run a failed scenario without it to get one)'
      : `  Traces of failed scenarios: ${paths.testResults}/**/trace.zip     (npx playwright show-trace <file>)`,
  );
  console.log(
    `  Cucumber (tools):           ${paths.cucumber}/ (report.html, report.json, report.xml, messages.ndjson)`,
  );
  return allureStatus;
}
