import { spawn } from 'node:child_process';
import { stringifyEnvInfo } from 'allure-js-commons/sdk/reporter';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evidenceKey,
  hashFile,
  leaveOutPictures,
  picturesOf,
  picturesToLeaveOut,
  SHAREABLE_BUDGET_BYTES,
  slimAllureHistory,
  tidyAllureResults,
  withoutTrackers,
} from './allure-results.ts';
import { requireChromium } from '../config/browser.ts';
import { driftAppendix } from './drift-report.ts';
import { readScenarios } from '../guide/features.ts';
import { EVIDENCE_PREFIX, loadGuides, loadGuideText } from '../guide/guide.ts';
import { checkGuideCoverage, scenariosOfGuide } from './guide-coverage.ts';
import { guideVerdicts } from './guide-verdicts.ts';
import { chooseEvidence, type ChosenEvidence } from './evidence-choice.ts';
import { writeGuideSuggestions } from './guide-rewrite.ts';
import { gapStatus, gatherGaps } from './guide-gaps.ts';
import { acceptedPicture, noAcceptedPicturesLine, stepLooks } from './guide-looks.ts';
import { gatherFindings, runAnswer } from './site-findings.ts';
import { digestLines, digestMarkdown, whatChanged } from './what-changed.ts';
import { siteProfile, sitePicturesDir } from '../../site/profile.ts';
import {
  countVerdicts,
  shownVerdict,
  writeGuideIndex,
  writeIllustratedGuide,
  type GuideIndexEntry,
  type GuidePicture,
  type Picture,
  type ShownLook,
  type ShownVerdict,
} from './illustrated-guide.ts';
import { runEnvironment } from '../config/report-setup.ts';
import { readPlaywrightOutcomes } from './results.ts';
import { SELECTION_ENV } from '../config/run-kind.ts';
import { PictureShrinker } from './shrink-images.ts';
import { imageTypeOf } from '../scenario/step-pictures.ts';
import { noteLine } from '../scenario/note.ts';
import { speedOptions } from '../config/speed-options.ts';
import { evidenceTally, traceLines } from './evidence-budget.ts';
import { reportPaths, type ReportPaths } from '../config/reports-dir.ts';
import { brokenLinks } from './page-links.ts';

export interface PublishOptions {
  paths?: ReportPaths;
  /** A selection's sentence (harness/config/run-kind.ts), shown on every page; absent for a full run. */
  selection?: string;
  /** The slugs of the guides to report on; every guide by default. */
  guides?: string[];
}

/**
 * After a run: the Allure report (a parent level per guide), an illustrated page per guide with an index of every
 * guide, and the per-step verdicts printed for the terminal, guide by guide, then the site's findings, each once, and
 * the run's two answers. Returns the Allure generator's exit status, and whether findings fail the run. `guides` narrows the pages and the terminal to those guides (`npm run guide -- --guide <slug>`).
 */
export interface Published {
  /** The Allure generator's exit status. */
  allureStatus: number;
  /** Whether findings of a class the site profile says fail the run were met. */
  findingsFailTheRun: boolean;
  /** Links of the illustrated guides that lead to no file (harness/reporting/page-links.ts): a report fault. */
  brokenLinks: string[];
}

/**
 * A published run's exit status: the report failed to generate or links to evidence that is not there, or the site's
 * findings fail the run.
 */
export const publishedStatus = ({ allureStatus, findingsFailTheRun, brokenLinks }: Published): number =>
  allureStatus || (brokenLinks.length > 0 ? 1 : 0) || (findingsFailTheRun ? 1 : 0);

export async function publishReports(options: PublishOptions = {}): Promise<Published> {
  // The pictures of a full run's reports are shrunk to be shared; a selection's are read by the person who ran it, as
  // they were taken (JPEG already), and its reports are written sooner without a browser to launch. Launched now, the
  // shrinker's browser is ready when the first pictures are: the results are read meanwhile.
  const shrinker = options.selection ? undefined : new PictureShrinker();
  try {
    return await publishWith(shrinker, options);
  } finally {
    await shrinker?.close();
  }
}

async function publishWith(
  shrinker: PictureShrinker | undefined,
  { paths = reportPaths(), selection, guides: onlyGuides }: PublishOptions,
): Promise<Published> {
  const allGuides = loadGuides();
  const guides = onlyGuides ? allGuides.filter((g) => onlyGuides.includes(g.slug)) : allGuides;
  const written = readScenarios();
  const results = readPlaywrightOutcomes(paths.playwrightJson, written) ?? [];
  const verdictsOf = new Map(guides.map((g) => [g.slug, guideVerdicts(g, results)]));
  // The site's own defects, each once, apart from the guide's verdicts (harness/reporting/site-findings.ts).
  const findings = gatherFindings(results, siteProfile().findings);
  // What changed: each distinct cause once (the guide's drifts, the site's findings, what named neither), with what
  // to do next: at the top of each guide's page, at the end of the terminal, in the nightly job's summary.
  const causes = whatChanged(results, findings);
  const chosen = new Map<string, ChosenEvidence>();
  for (const v of [...verdictsOf.values()].flat()) {
    const evidence = v.step.kind === 'action' ? chooseEvidence(v) : undefined;
    if (evidence && existsSync(evidence.path)) chosen.set(v.step.id, evidence);
  }

  const gherkinSteps = existsSync(paths.allureResults)
    ? await tidyAllureResults({
        dir: paths.allureResults,
        // Every guide's sections, each under its own title.
        guides: allGuides,
        written,
        chosenPictures: [...chosen.values()].map((c) => c.path),
        shrinker,
      })
    : new Map<string, string>();
  // What Allure's environment panel shows, written here rather than by allure-playwright: asking the browser for its
  // version in the runner's configuration delayed every run's first test.
  const environment = runEnvironment(requireChromium());
  if (existsSync(paths.allureResults)) {
    writeFileSync(join(paths.allureResults, 'environment.properties'), stringifyEnvInfo(environment));
  }
  // Allure generates its report while the illustrated guides are written: neither reads what the other writes.
  const historyBefore = existsSync(paths.allureHistory) ? readFileSync(paths.allureHistory) : undefined;
  const generateAllure = () =>
    new Promise<number>((resolve) => {
      const allure = spawn('node_modules/.bin/allure', ['generate', paths.allureResults], {
        stdio: ['ignore', 'ignore', 'inherit'],
        // allurerc.mjs reads where to write, and whether this is a selection, from these.
        env: {
          ...process.env,
          GUIDE_REPORTS_DIR: paths.dir,
          [SELECTION_ENV]: selection ?? '',
          GUIDE_REPORT_TITLE: `Guide verification: ${allGuides.map((g) => g.title).join(' · ')}`,
        },
      });
      allure.on('error', () => resolve(1));
      allure.on('close', (code) => resolve(code ?? 1));
    });
  const allureGenerating = generateAllure();

  const gaps = gatherGaps(written, results);
  const gapShots = gaps.flatMap((g) =>
    g.evidence.flatMap((e) => (e.picture && existsSync(e.picture) ? [e.picture] : [])),
  );
  // A picture not shrunk is shown as it was taken.
  const shrunk = (await shrinker?.shrink([...[...chosen.values()].map((c) => c.path), ...gapShots])) ?? new Map();
  const gapPictures = new Map<string, Picture>(
    gapShots.map((path) => {
      const data = shrunk.get(path) ?? readFileSync(path);
      return [path, { data, type: imageTypeOf(data) }];
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
    const data = shrunk.get(path) ?? readFileSync(path);
    pictures.set(id, {
      data,
      type: imageTypeOf(data),
      scenario,
      gherkinStep: gherkinSteps.get(evidenceKey(`${EVIDENCE_PREFIX}${id}`, hashFile(path))),
    });
  }
  const indexPage = join(paths.guide, 'index.html');
  const noPictures = sitePicturesDir() === undefined && looks.size > 0 ? noAcceptedPicturesLine() : undefined;
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
    const ownFiles = new Set(scenariosOfGuide(guide, written, allGuides).map((s) => s.file));
    const ownGaps = gaps.filter((gap) => ownFiles.has(gap.file));
    const ownStepIds = new Set(guide.steps.map((s) => s.id));
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
      looks,
      gaps: { gaps: ownGaps, pictures: gapPictures },
      findings: findings.filter((f) => f.guideSteps.some((id) => ownStepIds.has(id))),
      causes: causes.filter((c) => c.guideSteps.some((id) => ownStepIds.has(id))),
      ...(noPictures && { noAcceptedPictures: noPictures }),
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
    for (const { step, verdict, scenarios, reason, notes } of verdicts) {
      const text = step.text.length > 78 ? `${step.text.slice(0, 77)}…` : step.text;
      console.log(
        `  ${MARKS[verdict]} ${step.id.padEnd(width)} ${(verdict === 'not selected' ? 'not run in this selection' : verdict).padEnd(11)} ${String(scenarios.length).padStart(2)} scenario(s)  ${text}`,
      );
      if (reason) console.log(`      ↳ ${reason}`);
      for (const note of notes) console.log(`      ↳ ${noteLine(note)}`);
    }
    const count = (verdict: string) => verdicts.filter((v) => v.verdict === verdict).length;
    console.log(
      `${count('verified')} guide steps verified, ${count('drifted')} drifted, ${count('not reached')} not reached, ${count('failed')} failed, ${count('stale')} stale, ${count('not covered')} not covered, ${count('not run')} not run${selection ? `, ${count('not selected')} not run in this selection` : ''}.`,
    );
    if (ownGaps.length) {
      console.log(`What the guide doesn't tell the reader:`);
      for (const gap of ownGaps) console.log(`  • ${gap.note}  [${gapStatus(gap)}: ${gap.file}:${gap.line}]`);
    }
  }
  for (const line of digestLines(causes)) console.log(line);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, digestMarkdown(causes));
  if (noPictures) console.log(`\n${noPictures}`);
  const index = writeGuideIndex({ entries, environment, outputDir: paths.guide, selection });
  noteOnCucumberHtml(join(paths.cucumber, 'report.html'), [
    ...(selection ? [selection] : []),
    'Screenshots are not embedded here: see the Playwright report (each guide step and every failure, full resolution) or the illustrated guide.',
  ]);
  let allureStatus = await allureGenerating;
  const allureHtml = join(paths.allureReport, 'index.html');
  const excess = shareableBytes(paths) - SHAREABLE_BUDGET_BYTES;
  let picturesLeftOut = 0;
  if (allureStatus === 0 && excess > 0) {
    // Allure embeds a picture as base64 (4 bytes for 3): free a tenth more than the excess needs, then generate again
    // from the same history (the first generation added this run to it).
    const leftOut = picturesToLeaveOut(picturesOf(paths.allureResults), Math.ceil(((excess * 3) / 4) * 1.1));
    leaveOutPictures(paths.allureResults, leftOut);
    if (historyBefore) writeFileSync(paths.allureHistory, historyBefore);
    else rmSync(paths.allureHistory, { force: true });
    allureStatus = await generateAllure();
    picturesLeftOut = leftOut.size;
  }
  slimAllureHistory(paths.allureHistory);
  if (existsSync(allureHtml)) writeFileSync(allureHtml, withoutTrackers(readFileSync(allureHtml, 'utf8')));
  console.log('\nReports:');
  console.log(`  The illustrated guides:     ${index}`);
  for (const { guide, page } of entries) console.log(`    ${guide.slug}: ${page}`);
  console.log(
    `  Allure (stakeholders):      ${paths.allureReport}/index.html${allureStatus === 0 ? '' : '  (generation FAILED)'}`,
  );
  if (picturesLeftOut > 0)
    console.log(
      `    ${picturesLeftOut} picture(s) left out of it, to keep the shareable reports under ${SHAREABLE_BUDGET_BYTES / 1e6} MB: passing scenarios' first, then the steps that did not fail; every one is in the Playwright report.`,
    );
  console.log(
    `  Playwright HTML (QA):       ${paths.playwrightHtml}/index.html   (npx playwright show-report ${paths.playwrightHtml})`,
  );
  const traces =
    speedOptions().traces === 'off'
      ? ['  Traces of failed scenarios: none: GUIDE_TRACES=off (re-run a failed scenario without it to get one)']
      : traceLines(evidenceTally(results), paths.testResults);
  for (const line of traces) console.log(line);
  console.log(
    `  Cucumber (tools):           ${paths.cucumber}/ (report.html, report.json, report.xml, messages.ndjson)`,
  );
  const broken = [index, ...entries.map((e) => e.page)].flatMap((page) =>
    brokenLinks(page).map((link) => `${page} → ${link}`),
  );
  if (broken.length) {
    console.log('\nThe illustrated guides link to files that are not there (a fault of the reports, not of the site):');
    for (const line of broken) console.log(`  ${line}`);
  }
  const answer = runAnswer([...verdictsOf.values()].flat(), findings);
  console.log('');
  for (const line of answer.lines) console.log(line);
  return { allureStatus, findingsFailTheRun: answer.failingFindings.length > 0, brokenLinks: broken };
}

/** Where one guide's illustrated page, suggested diff and marked copy go: reports/guide/<slug>/. */
export function guideReportDir(paths: ReportPaths, slug: string): string {
  return join(paths.guide, slug);
}

/** The Cucumber HTML report has no title option: a selection's sentence, and where its pictures are, go at its top. */
function noteOnCucumberHtml(html: string, sentences: string[]): void {
  if (!existsSync(html)) return;
  const banner = sentences
    .map(
      (sentence) =>
        `<div role="note" style="font:600 15px system-ui,sans-serif;background:#fff2cc;color:#5a4300;padding:8px 16px;border-bottom:1px solid #e0c060">${sentence.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</div>`,
    )
    .join('');
  writeFileSync(
    html,
    readFileSync(html, 'utf8').replace(/<body([^>]*)>/, (_, attributes: string) => `<body${attributes}>${banner}`),
  );
}

/** What the reports meant to be sent weigh: the illustrated guides' folder and Allure's single page. */
export function shareableBytes(paths: ReportPaths): number {
  const weigh = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + weigh(join(path, name)), 0) : stat.size;
  };
  return weigh(paths.guide) + weigh(join(paths.allureReport, 'index.html'));
}
