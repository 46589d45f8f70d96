import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidenceKey, hashFile, tidyAllureResults, withoutTrackers } from './allure-results.ts';
import { requireChromium } from './browser.ts';
import { driftAppendix } from './drift-report.ts';
import { readScenarios } from './features.ts';
import { EVIDENCE_PREFIX, loadGuides, loadGuideText } from './guide.ts';
import { checkGuideCoverage } from './guide-coverage.ts';
import { guideVerdicts } from './guide-verdicts.ts';
import { chooseEvidence, type ChosenEvidence } from './evidence-choice.ts';
import { writeGuideSuggestions } from './guide-rewrite.ts';
import {
  countVerdicts,
  shownVerdict,
  writeGuideIndex,
  writeIllustratedGuide,
  type GuideIndexEntry,
  type GuidePicture,
  type ShownVerdict,
} from './illustrated-guide.ts';
import { runEnvironment } from './report-setup.ts';
import { readPlaywrightOutcomes } from './results.ts';
import { SELECTION_ENV } from './run-kind.ts';
import { shrinkImages } from './shrink-images.ts';
import { speedOptions } from './speed-options.ts';
import { reportPaths, type ReportPaths } from './reports-dir.ts';

export interface PublishOptions {
  paths?: ReportPaths;
  /** A selection's sentence (harness/run-kind.ts), shown on every page; absent for a full run. */
  selection?: string;
  /** The slugs of the guides to report on; every guide by default. */
  guides?: string[];
}

/** The report files a run writes: cleared before it, so no page of an earlier run is left beside the new ones. */
export function clearRunReports(paths: ReportPaths): void {
  const { playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide } = paths;
  for (const path of [playwrightJson, playwrightHtml, testResults, cucumber, allureResults, allureReport, guide])
    rmSync(path, { recursive: true, force: true });
}

/**
 * After a run: the Allure report (a parent level per guide), an illustrated page per guide with an index of every
 * guide, and the per-step verdicts printed for the terminal, guide by guide. Returns the Allure generator's exit
 * status. `guides` narrows the pages and the terminal to those guides (`npm run guide -- --guide <slug>`).
 */
export async function publishReports({
  paths = reportPaths(),
  selection,
  guides: onlyGuides,
}: PublishOptions = {}): Promise<number> {
  const allGuides = loadGuides();
  const guides = onlyGuides ? allGuides.filter((g) => onlyGuides.includes(g.slug)) : allGuides;
  const written = readScenarios();
  const results = readPlaywrightOutcomes(paths.playwrightJson, written) ?? [];
  const verdictsOf = new Map(guides.map((g) => [g.slug, guideVerdicts(g, results)]));
  const chosen = new Map<string, ChosenEvidence>();
  for (const v of [...verdictsOf.values()].flat()) {
    const evidence = v.step.kind === 'action' ? chooseEvidence(v) : undefined;
    if (evidence && existsSync(evidence.path)) chosen.set(v.step.id, evidence);
  }

  const gherkinSteps = existsSync(paths.allureResults)
    ? await tidyAllureResults({
        dir: paths.allureResults,
        guides: allGuides,
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

  const shrunk = await shrinkImages([...chosen.values()].map((c) => c.path));
  const pictures = new Map<string, GuidePicture>();
  for (const [id, { path, scenario }] of chosen) {
    const jpeg = shrunk.get(path);
    pictures.set(id, {
      data: jpeg ?? readFileSync(path),
      type: jpeg ? 'image/jpeg' : 'image/png',
      scenario,
      gherkinStep: gherkinSteps.get(evidenceKey(`${EVIDENCE_PREFIX}${id}`, hashFile(path))),
    });
  }
  const environment = runEnvironment(requireChromium());
  const indexPage = join(paths.guide, 'index.html');
  const entries: GuideIndexEntry[] = [];
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
  for (const guide of guides) {
    const allVerdicts = verdictsOf.get(guide.slug)!;
    const coverage = checkGuideCoverage(guide, loadGuideText(guide), written, results, allGuides);
    const outputDir = guideReportDir(paths, guide.slug);
    const page = writeIllustratedGuide({
      guide,
      verdicts: allVerdicts,
      coverage,
      environment,
      outputDir,
      // The last `npm run drift`'s summary, when there is one; a selection is not compared with it.
      appendix: selection ? '' : driftAppendix(undefined, new Set(guide.steps.map((s) => s.id))),
      selection,
      pictures,
      reportsDir: paths.dir,
      indexPage,
    });
    entries.push({ guide, page, ...countVerdicts(allVerdicts, coverage, !!selection) });
    writeGuideSuggestions(
      guide,
      loadGuideText(guide),
      results.flatMap((o) => o.records),
      outputDir,
    );
    const rows = new Map(coverage.rows.map((r) => [r.step.id, r]));
    const verdicts = allVerdicts
      .filter((v) => v.verdict !== 'prose')
      .map((v) => {
        const row = rows.get(v.step.id);
        return { ...v, verdict: shownVerdict(v, row?.stale ?? false, row?.scenarios.length ?? 0, !!selection) };
      });
    console.log(`\n${guide.title}, step by step${selection ? ` (${selection})` : ''}:`);
    const width = Math.max(11, ...verdicts.map((v) => v.step.id.length));
    for (const { step, verdict, scenarios, reason } of verdicts) {
      const text = step.text.length > 78 ? `${step.text.slice(0, 77)}…` : step.text;
      console.log(
        `  ${MARKS[verdict]} ${step.id.padEnd(width)} ${(verdict === 'not selected' ? 'not run in this selection' : verdict).padEnd(11)} ${String(scenarios.length).padStart(2)} scenario(s)  ${text}`,
      );
      if (reason) console.log(`      ↳ ${reason}`);
    }
    const count = (verdict: string) => verdicts.filter((v) => v.verdict === verdict).length;
    console.log(
      `${count('verified')} guide steps verified, ${count('drifted')} drifted, ${count('not reached')} not reached, ${count('failed')} failed, ${count('stale')} stale, ${count('not covered')} not covered, ${count('not run')} not run${selection ? `, ${count('not selected')} not run in this selection` : ''}.`,
    );
  }
  const index = writeGuideIndex({ entries, environment, outputDir: paths.guide, selection });
  if (selection) markSelection(join(paths.cucumber, 'report.html'), selection);
  console.log('\nReports:');
  console.log(`  The illustrated guides:     ${index}`);
  for (const { guide, page } of entries) console.log(`    ${guide.slug}: ${page}`);
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

/** Where one guide's illustrated page, suggested diff and marked copy go: reports/guide/<slug>/. */
export function guideReportDir(paths: ReportPaths, slug: string): string {
  return join(paths.guide, slug);
}

/** The Cucumber HTML report has no title option: the selection's sentence goes in at the top of its page. */
function markSelection(html: string, sentence: string): void {
  if (!existsSync(html)) return;
  const escaped = sentence.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const banner = `<div role="note" style="font:600 16px system-ui,sans-serif;background:#fff2cc;color:#5a4300;padding:10px 16px;border-bottom:1px solid #e0c060">${escaped}</div>`;
  writeFileSync(html, readFileSync(html, 'utf8').replace(/<body([^>]*)>/, `<body$1>${banner}`));
}
