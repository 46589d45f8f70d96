// Proves the harness catches drift: runs the features against the clean mock, then against each drift variant of
// mock-server/drift/variants.ts, and says for each variant whether it was caught and by which guide step.
// `npm run drift -- <name> …` sweeps only the named variants; `-- --skip-clean` leaves out the clean run (minutes);
// `-- --report-only` prints the table and writes drift.json again from the last sweep's results.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireChromium } from '../harness/config/browser.ts';
import { readScenarios } from '../harness/guide/features.ts';
import { loadGuide, loadGuideText } from '../harness/guide/guide.ts';
import { checkCoverage } from '../harness/reporting/guide-coverage.ts';
import { guideVerdicts } from '../harness/reporting/guide-verdicts.ts';
import {
  DRIFT_JSON,
  driftAppendix,
  readDriftReport,
  type DriftOutcome,
  type DriftReport,
} from '../harness/reporting/drift-report.ts';
import { writeIllustratedGuide } from '../harness/reporting/illustrated-guide.ts';
import { writeGuideSuggestions } from '../harness/reporting/guide-rewrite.ts';
import { runEnvironment } from '../harness/config/report-setup.ts';
import { judgeVariant } from '../harness/reporting/drift-sweep.ts';
import { reportPaths } from '../harness/config/reports-dir.ts';
import { readPlaywrightOutcomes } from '../harness/reporting/results.ts';
import { tally } from '../harness/reporting/scenario-outcome.ts';
import { DRIFT_VARIANTS, type DriftVariant } from '../mock-server/index.ts';

const paths = reportPaths();
const OUT = paths.drift;
/** Two runs side by side, one browser each: what a 2-core machine takes without runs starving each other. */
const PARALLEL_RUNS = 2;
const bin = (name: string) => `node_modules/.bin/${name}`;

const FLAGS = ['--skip-clean', '--report-only'];
const skipClean = process.argv.includes('--skip-clean');
/** Writes the table and drift.json again from the last sweep's results, without running anything. */
const reportOnly = process.argv.includes('--report-only');
const only = process.argv.slice(2).filter((arg) => !FLAGS.includes(arg));
const variants = only.length ? DRIFT_VARIANTS.filter((v) => only.includes(v.name)) : DRIFT_VARIANTS;
if (only.length && variants.length !== only.length) {
  console.error(
    `Unknown drift variant among ${only.join(', ')}; known: ${DRIFT_VARIANTS.map((v) => v.name).join(', ')}.`,
  );
  process.exit(2);
}

if (!reportOnly) {
  const ensureBrowser = ['--import', 'tsx', 'scripts/ensure-browser.ts'];
  if (spawnSync(process.execPath, ensureBrowser, { stdio: 'inherit' }).status !== 0) process.exit(1);
  if (spawnSync(bin('bddgen'), ['test'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

interface Run {
  name: string;
  /** Extra `playwright test` arguments. */
  args: string[];
  drift: string | null;
}

const escapeTag = (tag: string) => tag.replace(/[.\-:]/g, '\\$&');

/** Only the scenarios of the guide steps a variant should break (and of its tag): the sweep stays minutes, not an hour. */
const grepFor = (variant: DriftVariant) => {
  const steps = variant.caughtBy.map((id) => `@guide:${escapeTag(id)}\\b`).join('|');
  return variant.caughtByTag ? `^(?=.*@${escapeTag(variant.caughtByTag)}\\b)(?=.*(${steps}))` : steps;
};

const runs: Run[] = [
  ...(skipClean ? [] : [{ name: 'clean', args: [], drift: null }]),
  ...variants.map((variant) => ({
    name: variant.name,
    // One failing scenario is enough to call a variant caught.
    args: ['--grep', grepFor(variant), '--max-failures=1'],
    drift: variant.name,
  })),
];

const resultsFile = (name: string) => join(OUT, name, 'results.json');

function runPlaywright(run: Run): Promise<number> {
  // Only this run's results are replaced, so a partial sweep leaves the others for --report-only.
  rmSync(join(OUT, run.name), { recursive: true, force: true });
  mkdirSync(join(OUT, run.name), { recursive: true });
  const json = resultsFile(run.name);
  return new Promise((resolve) => {
    const child = spawn(
      bin('playwright'),
      ['test', '--workers=1', '--reporter=json', '--output', join(OUT, run.name, 'test-results'), ...run.args],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          MOCK_DRIFT: run.drift ?? '',
          PLAYWRIGHT_JSON_OUTPUT_FILE: json,
          PLAYWRIGHT_JSON_OUTPUT_NAME: json,
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      if (stderr.trim()) writeFileSync(join(OUT, run.name, 'stderr.txt'), stderr);
      console.log(`  finished ${run.name} (exit ${code})`);
      resolve(code ?? 1);
    });
  });
}

const started = Date.now();
const previous = reportOnly ? (readDriftReport() ?? undefined) : undefined;
const queue = reportOnly ? [] : [...runs];
if (!reportOnly) {
  console.log(
    `Running the features against ${skipClean ? '' : 'the clean mock and '}${variants.length} drift variant(s), ${PARALLEL_RUNS} at a time…`,
  );
}
const exitCodes = new Map<string, number>();
await Promise.all(
  Array.from({ length: PARALLEL_RUNS }, async () => {
    for (let run = queue.shift(); run; run = queue.shift()) exitCodes.set(run.name, await runPlaywright(run));
  }),
);

const outcomesOf = (name: string) => readPlaywrightOutcomes(resultsFile(name)) ?? [];
const cleanResults = outcomesOf('clean');
const cleanCount = tally(cleanResults);
const cleanGreen =
  skipClean ||
  ((reportOnly || exitCodes.get('clean') === 0) &&
    cleanResults.length > 0 &&
    cleanCount.failed + cleanCount.flaky === 0);

const outcomes: DriftOutcome[] = variants.map((variant) => ({
  name: variant.name,
  kind: variant.kind,
  breaks: variant.breaks,
  caughtBy: [...variant.caughtBy],
  ...judgeVariant(variant, outcomesOf(variant.name)),
}));
const seconds = previous ? previous.seconds : Math.round((Date.now() - started) / 1000);
// Only a sweep of the clean mock and every variant times what `npm run drift` costs (the benchmark reads it).
const wholeSweep = previous ? previous.wholeSweep === true : !skipClean && only.length === 0;

const report: DriftReport = {
  generatedAt: new Date().toISOString(),
  seconds,
  wholeSweep,
  clean: { passed: cleanCount.passed, failed: cleanCount.failed + cleanCount.flaky },
  variants: outcomes,
};
writeFileSync(DRIFT_JSON, `${JSON.stringify(report, null, 2)}\n`);

// The illustrated guide, from the clean run, with the drift catalogue's summary at its end.
const guide = loadGuide();
const illustrated = writeIllustratedGuide({
  guide,
  verdicts: guideVerdicts(guide, cleanResults),
  coverage: checkCoverage(guide, loadGuideText(guide), readScenarios(), cleanResults),
  environment: runEnvironment(requireChromium()),
  outputDir: paths.guide,
  appendix: driftAppendix(report),
});

// How the guide should read now: every variant's drift records that say how, as a patch and a marked copy.
const suggested = writeGuideSuggestions(
  guide,
  loadGuideText(guide),
  outcomes.flatMap((o) => o.records),
  paths.guide,
);
if (suggested.length) {
  console.log(`\nSuggested rewrites (${join(paths.guide, 'suggested-guide.diff')}):`);
  for (const s of suggested) console.log(`  ${s.guideStep}: ${s.text ? `“${s.text}”` : '(remove the sentence)'}`);
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
console.log(
  skipClean
    ? '\nClean mock: not run (--skip-clean)'
    : `\nClean mock: ${report.clean.passed} passed, ${report.clean.failed} failed${cleanGreen ? '' : '  ✘ NOT GREEN'}`,
);
const nameWidth = Math.max(30, ...outcomes.map((o) => o.name.length));
console.log(
  `\n${'variant'.padEnd(nameWidth)} ${'kind'.padEnd(10)} ${'verdict'.padEnd(29)} ${'guide steps'.padEnd(22)} deciding record`,
);
for (const o of outcomes) {
  console.log(
    `${o.name.padEnd(nameWidth)} ${o.kind.padEnd(10)} ${o.verdict.padEnd(29)} ${clip(o.guideSteps.join(', ') || '—', 22).padEnd(22)} ${clip(o.message, 110)}`,
  );
}
const caught = outcomes.filter((o) => o.verdict === 'caught').length;
console.log(
  `\n${caught} of ${outcomes.length} variants caught by the guide step expected, with the kind expected (${Math.round((100 * caught) / Math.max(outcomes.length, 1))}%), in ${Math.floor(seconds / 60)} min ${seconds % 60} s.`,
);
console.log(`Details: ${DRIFT_JSON}, ${illustrated}`);
process.exit(cleanGreen && caught === outcomes.length ? 0 : 1);
