// `npm run drift`: runs the features against the clean mock, then against each drift variant of
// mock-server/drift/variants.ts (commands/drift-plan.ts decides which scenarios), judges each variant
// (harness/reporting/drift-sweep.ts), and writes drift.json, each guide's illustrated page and suggested rewrites, and their index.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { requireChromium } from '../harness/config/browser.ts';
import { DRIFT_JSON, driftAppendix, readDriftReport, type DriftReport } from '../harness/reporting/drift-report.ts';
import { judgeVariant } from '../harness/reporting/drift-sweep.ts';
import { ensureBrowser } from '../harness/config/ensure-browser.ts';
import { readScenarios } from '../harness/guide/features.ts';
import { loadGuides, loadGuideText } from '../harness/guide/guide.ts';
import { checkGuideCoverage } from '../harness/reporting/guide-coverage.ts';
import { writeGuideSuggestions } from '../harness/reporting/guide-rewrite.ts';
import { guideVerdicts } from '../harness/reporting/guide-verdicts.ts';
import { countVerdicts, writeGuideIndex, writeIllustratedGuide } from '../harness/reporting/illustrated-guide.ts';
import { runEnvironment } from '../harness/config/report-setup.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { tally } from '../harness/reporting/scenario-outcome.ts';
import { DRIFT_VARIANTS } from '../mock-server/index.ts';
import { cleanIsGreen, driftExitCode, driftTable, parseDriftArgs, sweepRuns, type SweepRun } from './drift-plan.ts';
import { bin, pool, run, status } from './processes.ts';

/** Two runs side by side, one browser each: what a 2-core machine takes without runs starving each other. */
const PARALLEL_RUNS = 2;

export async function driftCommand(argv: string[]): Promise<number> {
  const args = parseDriftArgs(argv, DRIFT_VARIANTS);
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  const out = reportPaths().drift;
  const resultsFile = (name: string) => join(out, name, 'results.json');
  if (!args.reportOnly && (!ensureBrowser() || (await status(bin('bddgen'), ['test'], { echo: false })) !== 0)) {
    return 1;
  }

  const playwright = async (sweep: SweepRun) => {
    // Only this run's results are replaced, so a partial sweep leaves the others for --report-only.
    const dir = join(out, sweep.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const json = resultsFile(sweep.name);
    const testArgs = ['test', '--workers=1', '--reporter=json', '--output', join(dir, 'test-results'), ...sweep.args];
    const env = { MOCK_DRIFT: sweep.drift ?? '', PLAYWRIGHT_JSON_OUTPUT_FILE: json, PLAYWRIGHT_JSON_OUTPUT_NAME: json };
    const finished = await run(bin('playwright'), testArgs, { env, output: 'capture' });
    if (finished.stderr.trim()) writeFileSync(join(dir, 'stderr.txt'), finished.stderr);
    console.log(`  finished ${sweep.name} (exit ${finished.exitCode})`);
    return finished.exitCode;
  };

  const started = Date.now();
  const previous = args.reportOnly ? (readDriftReport() ?? undefined) : undefined;
  const runs = sweepRuns(args);
  if (runs.length) {
    const what = `${args.skipClean ? '' : 'the clean mock and '}${args.variants.length} drift variant(s)`;
    console.log(`Running the features against ${what}, ${PARALLEL_RUNS} at a time…`);
  }
  const exitCodes = await pool(runs, PARALLEL_RUNS, playwright);
  const cleanExit = exitCodes[runs.findIndex((r) => r.name === 'clean')];

  const outcomesOf = (name: string) => readPlaywrightOutcomes(resultsFile(name)) ?? [];
  const clean = outcomesOf('clean');
  const cleanCount = tally(clean);
  const cleanGreen = cleanIsGreen(args, cleanExit, clean);
  const seconds = previous ? previous.seconds : Math.round((Date.now() - started) / 1000);
  const report: DriftReport = {
    generatedAt: new Date().toISOString(),
    seconds,
    // Only a sweep of the clean mock and every variant times what `npm run drift` costs (the benchmark reads it).
    wholeSweep: previous ? previous.wholeSweep === true : !args.skipClean && !args.partial,
    clean: { passed: cleanCount.passed, failed: cleanCount.failed + cleanCount.flaky },
    variants: args.variants.map((variant) => ({
      name: variant.name,
      kind: variant.kind,
      breaks: variant.breaks,
      caughtBy: [...variant.caughtBy],
      ...(variant.finding && { finding: variant.finding }),
      ...judgeVariant(variant, outcomesOf(variant.name)),
    })),
  };
  mkdirSync(dirname(DRIFT_JSON), { recursive: true });
  writeFileSync(DRIFT_JSON, `${JSON.stringify(report, null, 2)}\n`);

  // Each guide's illustrated page, from the clean run, with the part of the drift catalogue meant for its steps; and
  // how each guide should read now: every variant's drift records that say how, as a patch and a marked copy. Beside
  // drift.json, never in reports/guide/: the stakeholders' pages are a full run's against the site, not a sweep's
  // against a mock broken on purpose.
  const paths = reportPaths();
  const guideDir = join(out, 'guide');
  const guides = loadGuides();
  const scenarios = readScenarios();
  const environment = runEnvironment(requireChromium());
  const records = report.variants.flatMap((o) => o.records);
  const pages = guides.map((guide) => {
    const verdicts = guideVerdicts(guide, clean);
    const coverage = checkGuideCoverage(guide, loadGuideText(guide), scenarios, clean, guides);
    const outputDir = join(guideDir, guide.slug);
    const page = writeIllustratedGuide({
      guide,
      verdicts,
      coverage,
      environment,
      outputDir,
      appendix: driftAppendix(report, new Set(guide.steps.map((step) => step.id))),
      reportsDir: paths.dir,
      indexPage: join(guideDir, 'index.html'),
    });
    const suggested = writeGuideSuggestions(guide, loadGuideText(guide), records, outputDir);
    if (suggested.length) {
      console.log(`\nSuggested rewrites of ${guide.slug} (${join(outputDir, 'suggested-guide.diff')}):`);
      for (const s of suggested) console.log(`  ${s.guideStep}: ${s.text ? `“${s.text}”` : '(remove the sentence)'}`);
    }
    return { guide, page, ...countVerdicts(verdicts, coverage, false) };
  });
  const illustrated = writeGuideIndex({ entries: pages, environment, outputDir: guideDir });

  console.log(`\n${driftTable(report, { skipClean: args.skipClean, cleanGreen }).join('\n')}`);
  console.log(`Details: ${DRIFT_JSON}, ${illustrated}`);
  return driftExitCode(cleanGreen, report.variants);
}
