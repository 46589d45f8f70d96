import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile, tidyAllureResults, withoutTrackers } from './allure-results.ts';
import { requireChromium } from '../config/browser.ts';
import { driftAppendix } from './drift-report.ts';
import { readScenarios } from '../guide/features.ts';
import { loadGuide, loadGuideText } from '../guide/guide.ts';
import { checkCoverage } from './guide-coverage.ts';
import { guideVerdicts } from './guide-verdicts.ts';
import { chooseEvidence, type ChosenEvidence } from './evidence-choice.ts';
import { writeGuideSuggestions } from './guide-rewrite.ts';
import { gapStatus, gatherGaps } from './guide-gaps.ts';
import { acceptedPicture, lookSentence, stepLooks } from './guide-looks.ts';
import {
  shownVerdict,
  writeIllustratedGuide,
  type GuidePicture,
  type Picture,
  type ShownLook,
  type ShownVerdict,
} from './illustrated-guide.ts';
import { runEnvironment } from '../config/report-setup.ts';
import { readPlaywrightOutcomes } from './results.ts';
import { SELECTION_ENV } from '../config/run-kind.ts';
import { shrinkImages } from './shrink-images.ts';
import { speedOptions } from '../config/speed-options.ts';
import { reportPaths, type ReportPaths } from '../config/reports-dir.ts';

export interface PublishOptions {
  paths?: ReportPaths;
  /** A selection's sentence (harness/config/run-kind.ts), shown on every page; absent for a full run. */
  selection?: string;
}

/** The report files a run writes: cleared before it, so no page of an earlier run is left beside the new ones. */
export function clearRunReports(paths: ReportPaths): void {
  const { playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide } = paths;
  for (const path of [playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide])
    rmSync(path, { recursive: true, force: true });
}

/**
 * After a run: the Allure report, the illustrated guide, and the per-step verdicts printed for the terminal.
 * Returns the Allure generator's exit status.
 */
export async function publishReports({ paths = reportPaths(), selection }: PublishOptions = {}): Promise<number> {
  const guide = loadGuide();
  const written = readScenarios();
  const results = readPlaywrightOutcomes(paths.playwrightJson, written) ?? [];
  const allVerdicts = guideVerdicts(guide, results);
  const chosen = new Map<string, ChosenEvidence>();
  for (const v of allVerdicts) {
    const evidence = v.step.kind === 'action' ? chooseEvidence(v) : undefined;
    if (evidence && existsSync(evidence.path)) chosen.set(v.step.id, evidence);
  }

  const gherkinSteps = existsSync(paths.allureResults)
    ? await tidyAllureResults({
        dir: paths.allureResults,
        guide,
        written,
        chosenPictures: [...chosen.values()].map((c) => c.path),
      })
    : new Map<string, string>();
  const allureStatus =
    spawnSync('node_modules/.bin/allure', ['generate', paths.allureResults], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // allurerc.mjs reads where to write, and whether this is a selection, from these.
      env: { ...process.env, GUIDE_REPORTS_DIR: paths.dir, [SELECTION_ENV]: selection ?? '' },
    }).status ?? 1;
  const allureHtml = join(paths.allureReport, 'index.html');
  if (existsSync(allureHtml)) writeFileSync(allureHtml, withoutTrackers(readFileSync(allureHtml, 'utf8')));

  const gaps = gatherGaps(written, results);
  const gapShots = gaps.flatMap((g) =>
    g.evidence.flatMap((e) => (e.picture && existsSync(e.picture) ? [e.picture] : [])),
  );
  const shrunk = await shrinkImages([...[...chosen.values()].map((c) => c.path), ...gapShots]);
  const gapPictures = new Map<string, Picture>(
    gapShots.flatMap((path) => {
      const jpeg = shrunk.get(path);
      return jpeg ? [[path, { data: jpeg, type: 'image/jpeg' as const }]] : [];
    }),
  );
  // The looks' pictures are small crops already: inline as PNG, so what differs stays exact.
  const png = (path: string | undefined): Picture | undefined =>
    path && existsSync(path) ? { data: readFileSync(path), type: 'image/png' } : undefined;
  const looks = new Map<string, ShownLook>();
  for (const [step, look] of stepLooks(results)) {
    const accepted = acceptedPicture(look.record.guide, step);
    looks.set(step, {
      record: look.record,
      ...(accepted && { accepted: { data: accepted, type: 'image/png' as const } }),
      ...(look.picture && { today: png(look.picture) }),
      ...(look.diff && { diff: png(look.diff) }),
    });
  }
  const pictures = new Map<string, GuidePicture>();
  for (const [id, { path, scenario }] of chosen) {
    const jpeg = shrunk.get(path);
    pictures.set(id, {
      data: jpeg ?? readFileSync(path),
      type: jpeg ? 'image/jpeg' : 'image/png',
      scenario,
      gherkinStep: gherkinSteps.get(hashFile(path)),
    });
  }
  const coverage = checkCoverage(guide, loadGuideText(guide), written, results);
  const illustrated = writeIllustratedGuide({
    guide,
    verdicts: allVerdicts,
    coverage,
    environment: runEnvironment(requireChromium()),
    outputDir: paths.guide,
    // The last `npm run drift`'s summary, when there is one; a selection is not compared with it.
    appendix: selection ? '' : driftAppendix(),
    selection,
    pictures,
    looks,
    gaps: { gaps, pictures: gapPictures },
  });
  writeGuideSuggestions(
    guide,
    loadGuideText(guide),
    results.flatMap((o) => o.records),
    paths.guide,
  );
  if (selection) markSelection(join(paths.cucumber, 'report.html'), selection);
  const rows = new Map(coverage.rows.map((r) => [r.step.id, r]));
  const verdicts = allVerdicts
    .filter((v) => v.verdict !== 'prose')
    .map((v) => {
      const row = rows.get(v.step.id);
      return { ...v, verdict: shownVerdict(v, row?.stale ?? false, row?.scenarios.length ?? 0, !!selection) };
    });
  const MARKS: Record<ShownVerdict, string> = {
    verified: '✔',
    drifted: '✘',
    'not reached': '↷',
    failed: '✘',
    stale: '⟳',
    'not covered': '·',
    'not run': '–',
    'not selected': '–',
  };
  console.log(`\nThe guide, step by step${selection ? ` (${selection})` : ''}:`);
  for (const { step, verdict, scenarios, reason } of verdicts) {
    const text = step.text.length > 78 ? `${step.text.slice(0, 77)}…` : step.text;
    console.log(
      `  ${MARKS[verdict]} ${step.id.padEnd(11)} ${(verdict === 'not selected' ? 'not run in this selection' : verdict).padEnd(11)} ${String(scenarios.length).padStart(2)} scenario(s)  ${text}`,
    );
    if (reason) console.log(`      ↳ ${reason}`);
  }
  const count = (verdict: string) => verdicts.filter((v) => v.verdict === verdict).length;
  console.log(
    `\n${count('verified')} guide steps verified, ${count('drifted')} drifted, ${count('not reached')} not reached, ${count('failed')} failed, ${count('stale')} stale, ${count('not covered')} not covered, ${count('not run')} not run${selection ? `, ${count('not selected')} not run in this selection` : ''}.`,
  );
  const different = [...looks.values()].filter((l) => l.record.verdict === 'looks different');
  if (different.length) {
    console.log(`\nLooks different (warnings, not failures; npm run guide:accept-pictures accepts today's):`);
    for (const { record } of different)
      console.log(`  ⚠ ${record.guideStep.padEnd(11)} looks different: ${lookSentence(record)}`);
  }
  if (gaps.length) {
    console.log(`\nWhat the guide doesn't tell the reader:`);
    for (const gap of gaps) console.log(`  • ${gap.note}  [${gapStatus(gap)}: ${gap.file}:${gap.line}]`);
  }
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

/** The Cucumber HTML report has no title option: the selection's sentence goes in at the top of its page. */
function markSelection(html: string, sentence: string): void {
  if (!existsSync(html)) return;
  const escaped = sentence.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const banner = `<div role="note" style="font:600 16px system-ui,sans-serif;background:#fff2cc;color:#5a4300;padding:10px 16px;border-bottom:1px solid #e0c060">${escaped}</div>`;
  writeFileSync(html, readFileSync(html, 'utf8').replace(/<body([^>]*)>/, `<body$1>${banner}`));
}
