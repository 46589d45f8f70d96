import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenScenario } from '../guide/features.ts';
import { guideStepIdsOf } from '../guide/features.ts';
import { EVIDENCE_PREFIX } from '../guide/guide.ts';
import type { PictureShrinker } from './shrink-images.ts';
import { LOOK_DIFF_PREFIX, LOOK_PICTURE_PREFIX } from './guide-looks.ts';
import { causeKey, OUTCOME_ATTACHMENT, readOutcomeBody } from '../scenario/outcome.ts';
import { FINDING_ATTACHMENT, findingKey, readFindingBody } from '../scenario/finding.ts';
import { groupCauses, type FailedCheck } from './cause-groups.ts';

/** The parent of the features that check the site beyond a guide's own sections (security, faults). */
export const SUPPORTING_EPIC = 'Supporting checks';

/** A guide as the tree needs it; `slug` names its folder of features (`features/<slug>/`) once guides have one. */
export interface TreeGuide {
  slug?: string;
  title: string;
  steps: { id: string }[];
}

interface Label {
  name: string;
  value: string;
}
interface Attachment {
  name: string;
  source: string;
  type: string;
}
interface Step {
  name?: string;
  status?: string;
  attachments?: Attachment[];
  steps?: Step[];
}
export interface AllureResult extends Step {
  name: string;
  labels: Label[];
  parameters?: { name: string; value: string; excluded?: boolean }[];
  /** The same for every attempt at one test: allure-playwright writes one result per attempt. */
  historyId?: string;
  start?: number;
  statusDetails?: { message?: string; trace?: string; flaky?: boolean };
}

/** The parameter that says what a failed scenario's evidence run came to, on its verdict's result. */
export const EVIDENCE_RUN_PARAMETER = 'Evidence run';

/**
 * One result per scenario, its first attempt's: the verdict (harness/config/speed-options.ts). allure-playwright
 * writes a result per attempt and Allure shows the last as the test's, so an evidence run that passed would read as
 * a passed scenario. The evidence run's result goes; what it came to stays on the verdict as a parameter, and one
 * that passed marks the verdict flaky. Its trace is the Playwright report's (LEFT_TO_QA), as every trace is.
 */
export function foldEvidenceRuns<T extends { result: AllureResult }>(results: T[]): T[] {
  const attempts = new Map<string, T[]>();
  for (const r of results) {
    const key = r.result.historyId ?? r.result.name;
    attempts.set(key, [...(attempts.get(key) ?? []), r]);
  }
  return [...attempts.values()].map((group) => {
    const [verdict, ...evidence] = group.sort((a, b) => (a.result.start ?? 0) - (b.result.start ?? 0));
    const last = evidence.at(-1)?.result;
    if (!last) return verdict!;
    const passed = last.status === 'passed';
    return {
      ...verdict!,
      result: {
        ...verdict!.result,
        parameters: [
          ...(verdict!.result.parameters ?? []),
          { name: EVIDENCE_RUN_PARAMETER, value: passed ? 'passed (flaky)' : String(last.status), excluded: true },
        ],
        ...(passed && { statusDetails: { ...verdict!.result.statusDetails, flaky: true } }),
      },
    };
  });
}

export interface Placement {
  /** The parent suite: the guide's title, or "Supporting checks". */
  epic: string;
  /** The feature's title as the tree shows it: numbered in the guide's order. */
  feature: string;
}

/**
 * Whose section a feature file is, from where it lies: a file at the top of a guide's folder (`features/<slug>/x.feature`,
 * or `features/x.feature` for the guide its scenarios verify) is a section of that guide; a file one folder further
 * down (`features/security/`, `features/faults/`, `features/<slug>/security/`) is a supporting check.
 */
function ownerOf(file: string, ids: string[], guides: TreeGuide[]): { guide: number; supporting: boolean } {
  const folders = file.split('/').slice(1, -1);
  const bySlug = guides.findIndex((g) => g.slug !== undefined && g.slug === folders[0]);
  if (bySlug >= 0) return { guide: bySlug, supporting: folders.length > 1 };
  const held = guides.map((g) => ids.filter((id) => g.steps.some((s) => s.id === id)).length);
  const most = held.indexOf(Math.max(...held));
  const guide = held[most] ? most : guides.length;
  return { guide, supporting: folders.length > 0 || guide === guides.length };
}

/**
 * Where each feature file sits in Allure's tree: under its guide's title, in the order of the guide's first step it
 * verifies, numbered so a sort by name keeps that order; supporting checks apart, under "Supporting checks".
 */
export function placeFeatures(
  guides: TreeGuide[],
  written: WrittenScenario[],
  titles: Map<string, string>,
): Map<string, Placement> {
  const ids = new Map<string, string[]>();
  for (const s of written) ids.set(s.file, [...(ids.get(s.file) ?? []), ...guideStepIdsOf(s)]);
  const placed = [...ids].map(([file, fileIds]) => {
    const owner = ownerOf(file, fileIds, guides);
    // Where in the guides' order its first verified step lies (a supporting check: in whichever guide it is).
    const order = guides.flatMap((g, gi) =>
      g.steps.flatMap((step, si) => (fileIds.includes(step.id) ? [gi * 10_000 + si] : [])),
    );
    const own = owner.guide * 10_000;
    const first = Math.min(...order.filter((o) => owner.supporting || (o >= own && o < own + 10_000)));
    return { file, ...owner, first };
  });
  placed.sort(
    (a, b) =>
      Number(a.supporting) - Number(b.supporting) ||
      (a.supporting ? 0 : a.guide - b.guide) ||
      a.first - b.first ||
      a.file.localeCompare(b.file),
  );
  const parentOf = (p: (typeof placed)[number]) => (p.supporting ? SUPPORTING_EPIC : guides[p.guide]!.title);
  const counts = new Map<string, number>();
  for (const p of placed) counts.set(parentOf(p), (counts.get(parentOf(p)) ?? 0) + 1);
  const numbered = new Map<string, number>();
  const placements = new Map<string, Placement>();
  for (const p of placed) {
    const parent = parentOf(p);
    const n = (numbered.get(parent) ?? 0) + 1;
    numbered.set(parent, n);
    // Allure sorts names as text: "10." would come before "2." unless every number has the same width.
    const width = String(counts.get(parent)).length;
    placements.set(p.file, {
      epic: parent,
      feature: `${String(n).padStart(width, '0')}. ${titles.get(p.file) ?? p.file}`,
    });
  }
  return placements;
}

/** An outline's story with its example row's values in place of "<column>". */
export function storyName(story: string, parameters: { name: string; value: string }[] = []): string {
  const values = new Map(parameters.map((p) => [p.name, p.value]));
  return story.replace(/<([^<>]+)>/g, (whole, name: string) => values.get(name) ?? whole);
}

/** The feature file of a result, from the generated spec allure-playwright names. */
export function featureFileOf(result: AllureResult & { fullName?: string }): string | undefined {
  return /(features\/\S+?\.feature)\.spec\.js/.exec(result.fullName ?? '')?.[1];
}

const EPIC_LABELS = new Set(['epic', 'feature', 'story', 'parentSuite', 'suite', 'subSuite']);

/** The labels the tree and the suites are built from, in the guide's order and words. */
export function relabel(result: AllureResult, placement: Placement | undefined): AllureResult {
  if (!placement) return result;
  const story = storyName(result.labels.find((l) => l.name === 'story')?.value ?? result.name, result.parameters);
  const labels = [
    ...result.labels.filter((l) => !EPIC_LABELS.has(l.name)),
    { name: 'epic', value: placement.epic },
    { name: 'feature', value: placement.feature },
    { name: 'story', value: story },
    { name: 'parentSuite', value: placement.epic },
    { name: 'suite', value: placement.feature },
  ];
  return { ...result, labels };
}

/**
 * Attachments the shareable report leaves to test-results and the Playwright report: traces, videos, and Playwright's
 * error context (the page's accessibility tree as a prompt for fixing the test: the QA engineer's, not a reader's).
 */
const LEFT_TO_QA = new Set(['application/zip', 'application/vnd.allure.playwright-trace', 'video/webm']);
const LEFT_TO_QA_NAMES = new Set(['error-context']);
/** The name Playwright gives the screenshots it takes when a test fails (`screenshot: 'only-on-failure'`). */
const FAILURE_SCREENSHOT = 'screenshot';

const failedStatus = (status: string | undefined) => status === 'failed' || status === 'broken';

/**
 * How many failed scenarios of one cause show every guide step's picture in the shareable report: the first met. The
 * others show the picture of the step that failed: forty scenarios failed by one renamed menu entry need not show
 * forty walks through the same pages, and a failing run's report stays small enough to send (under 10 MB).
 */
export const FULLY_PICTURED_PER_CAUSE = 1;

/**
 * Which attachments of a result the shareable report keeps: no attachment twice (same name and bytes; a picture with
 * the same bytes under any name, such as Playwright's failure screenshot of the page just captured), no trace, video
 * or error context, and of the evidence screenshots only those of a failed scenario (all of them when `fullyPictured`,
 * else those of its failed steps) or, once, the picture chosen for a step (taken out of `chosen` when kept).
 */
export function keptAttachments(
  result: AllureResult,
  hashOf: (source: string) => string,
  chosen: Set<string>,
  fullyPictured = true,
): AllureResult {
  const failedResult = failedStatus(result.status);
  const seen = new Set<string>();
  let pictured = false;
  const lookChanged = new Set(
    attachmentsOf(result).flatMap((a) =>
      a.name.startsWith(LOOK_DIFF_PREFIX) ? [a.name.slice(LOOK_DIFF_PREFIX.length)] : [],
    ),
  );
  const keep = (a: Attachment, inFailedStep: boolean): boolean => {
    if (LEFT_TO_QA.has(a.type) || LEFT_TO_QA_NAMES.has(a.name)) return false;
    const hash = hashOf(a.source);
    const evidence = a.name.startsWith(EVIDENCE_PREFIX);
    // A step's look picture says something beside its own picture only where the look changed (the difference beside it).
    if (a.name.startsWith(LOOK_PICTURE_PREFIX) && !lookChanged.has(a.name.slice(LOOK_PICTURE_PREFIX.length)))
      return false;
    if (evidence && failedResult && !fullyPictured && !inFailedStep) return false;
    if (evidence && !failedResult) {
      // Many scenarios pass through the same page: the chosen picture goes in once, not once per scenario.
      if (!chosen.has(hash)) return false;
      chosen.delete(hash);
    }
    // Playwright's screenshots at the failure show the page the guide steps' pictures already show (and every other
    // device's): they stand in only for a scenario that failed before any guide step was pictured.
    if (a.name === FAILURE_SCREENSHOT && pictured) return false;
    const key = a.type.startsWith('image/') ? hash : `${a.name}\n${hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (evidence) pictured = true;
    return true;
  };
  return keepingAttachments(result, keep);
}

/**
 * The step with only the attachments `keep` keeps (told whether they are in a step that failed), its steps first: a
 * picture kept once is kept under the Gherkin step that took it, not at the test's end. allure-playwright gives each
 * attachment a step of its own: one whose attachments all went goes with them.
 */
function keepingAttachments<T extends Step>(
  step: T,
  keep: (attachment: Attachment, inFailedStep: boolean) => boolean,
  inFailedStep = false,
): T {
  const steps = step.steps
    ?.map((child) => keepingAttachments(child, keep, inFailedStep || failedStatus(child.status)))
    .filter((child, i) => !(isAttachStep(step.steps![i]!) && !child.attachments?.length));
  return {
    ...step,
    ...(steps ? { steps } : {}),
    ...(step.attachments ? { attachments: step.attachments.filter((a) => keep(a, inFailedStep)) } : {}),
  };
}

/** The step allure-playwright makes for one attachment: named after it, holding it and nothing else. */
const isAttachStep = (step: Step) =>
  !step.steps?.length && step.attachments?.length === 1 && step.attachments[0]!.name === step.name;

/**
 * Keeps Allure's history file (allurerc.mjs historyPath) to what its trend and each test's history show: status,
 * times, error message. Every run's every test also carried its labels and the error's stack, and the report embeds
 * the history twice (the trend, and each test's own): a failing run's report went over 10 MB with five runs of it.
 */
export function slimAllureHistory(file: string): void {
  if (!existsSync(file)) return;
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const slim = lines.map((line) => {
    const point = JSON.parse(line) as { testResults?: Record<string, Record<string, unknown>> };
    for (const result of Object.values(point.testResults ?? {})) {
      delete result.labels;
      const error = result.error as { trace?: string } | undefined;
      if (error) delete error.trace;
    }
    return JSON.stringify(point);
  });
  writeFileSync(file, slim.length ? `${slim.join('\n')}\n` : '');
}

/**
 * The failed results that show every guide step's picture: the first FULLY_PICTURED_PER_CAUSE of each cause, causes
 * grouped as the "what changed" digest groups them (harness/reporting/cause-groups.ts), by the outcome records,
 * else the findings, else the first line of the error each carries.
 */
export function fullyPicturedResults(
  results: AllureResult[],
  readAttachment: (source: string) => string,
): Set<AllureResult> {
  const failedResults = results.filter((r) => failedStatus(r.status));
  const checks = failedResults.map((result): FailedCheck[] => {
    const bodies = (name: string) =>
      attachmentsOf(result).flatMap((a) => (a.name === name ? [readAttachment(a.source)] : []));
    const records = bodies(OUTCOME_ATTACHMENT).map((body) => readOutcomeBody(body, result.name));
    if (records.length > 0) {
      return records.map((r) => ({ key: causeKey(r), guideStep: r.guideStep, namesAChange: r.rewrite !== undefined }));
    }
    const findings = bodies(FINDING_ATTACHMENT).map((body) => readFindingBody(body, result.name));
    if (findings.length > 0)
      return findings.map((f) => ({ key: findingKey(f), guideStep: f.guideStep, namesAChange: true }));
    const line = (result.statusDetails?.message ?? '').trim().split('\n')[0] ?? '';
    return [{ key: line, guideStep: '', namesAChange: true }];
  });
  return new Set(
    groupCauses(checks).flatMap((group) =>
      group.scenarios.slice(0, FULLY_PICTURED_PER_CAUSE).map((i) => failedResults[i]!),
    ),
  );
}

function attachmentsOf(step: Step): Attachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

/**
 * How the Gherkin step of an evidence screenshot is found again: its name (the guide step) and its bytes' hash. Two
 * steps can leave the same picture (two devices on the same page), so the bytes alone do not say which.
 */
export const evidenceKey = (name: string, hash: string) => `${name}\n${hash}`;

/** The Gherkin step each evidence screenshot was attached under, by its bytes' hash. */
function evidenceSteps(result: AllureResult, hashOf: (source: string) => string, into: Map<string, string>): void {
  const walk = (step: Step, gherkin: string | undefined) => {
    for (const a of step.attachments ?? [])
      if (gherkin && !into.has(evidenceKey(a.name, hashOf(a.source))))
        into.set(evidenceKey(a.name, hashOf(a.source)), gherkin);
    // The step whose name starts with a Gherkin keyword is the one that acted; the attach step is its child.
    for (const child of step.steps ?? [])
      walk(child, /^(Given|When|Then|And|But) /.test(child.name ?? '') ? child.name : gherkin);
  };
  walk(result, undefined);
}

export const hashFile = (path: string) => createHash('sha1').update(readFileSync(path)).digest('hex');

export interface TidyInput {
  dir: string;
  /** The guides whose sections the tree shows, in the order they are listed. */
  guides: TreeGuide[];
  written: WrittenScenario[];
  /** Full-resolution screenshots chosen as the pictures of guide steps (harness/reporting/evidence-choice.ts). */
  chosenPictures: string[];
  /** What shrinks the pictures kept for the shareable report; undefined: they stay as they were taken. */
  shrinker: PictureShrinker | undefined;
}

/**
 * Rewrites allure-playwright's results for the shareable report before `allure generate` reads them. Returns the
 * Gherkin step each evidence screenshot (by hash of its bytes) was attached under.
 */
export async function tidyAllureResults({
  dir,
  guides,
  written,
  chosenPictures,
  shrinker,
}: TidyInput): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const hashOf = (source: string) => {
    if (!hashes.has(source)) hashes.set(source, hashFile(join(dir, source)));
    return hashes.get(source)!;
  };
  const chosen = new Set(chosenPictures.map(hashFile));
  const steps = new Map<string, string>();
  const attempts = resultFiles(dir);
  const read = foldEvidenceRuns(attempts);
  const folded = new Set(read.map(({ file }) => file));
  for (const { file } of attempts) if (!folded.has(file)) rmSync(join(dir, file));
  const titles = new Map(
    read.map(({ result }) => [
      featureFileOf(result) ?? '',
      result.labels.find((l) => l.name === 'feature')?.value ?? '',
    ]),
  );
  const placements = placeFeatures(guides, written, titles);
  // In the order the scenarios ran, so the pictured ones of each cause are those met first.
  const byStart = [...read].sort((a, b) => (a.result.start ?? 0) - (b.result.start ?? 0)).map((r) => r.result);
  const fullyPictured = fullyPicturedResults(byStart, (source) => readFileSync(join(dir, source), 'utf8'));
  const results = read.map(({ file, result }) => {
    evidenceSteps(result, hashOf, steps);
    const placed = relabel(result, placements.get(featureFileOf(result) ?? ''));
    const tidy = keptAttachments(placed, hashOf, chosen, fullyPictured.has(result));
    return { file, result: tidy };
  });

  const kept = new Set(results.flatMap(({ result }) => attachmentsOf(result).map((a) => a.source)));
  for (const file of readdirSync(dir).filter((f) => f.includes('-attachment'))) {
    if (!kept.has(file)) rmSync(join(dir, file));
  }
  const pictures = [...kept].filter((source) => /\.(png|jpg)$/.test(source)).map((source) => join(dir, source));
  const jpegs = (await shrinker?.shrink(pictures)) ?? new Map<string, Buffer>();
  for (const [path, jpeg] of jpegs) {
    writeFileSync(path, jpeg);
    if (path.endsWith('.png')) renameSync(path, path.replace(/\.png$/, '.jpg'));
  }
  const asJpeg = (a: Attachment): Attachment =>
    jpegs.has(join(dir, a.source)) ? { ...a, source: a.source.replace(/\.png$/, '.jpg'), type: 'image/jpeg' } : a;
  const walk = <T extends Step>(step: T): T => ({
    ...step,
    ...(step.attachments ? { attachments: step.attachments.map(asJpeg) } : {}),
    ...(step.steps ? { steps: step.steps.map(walk) } : {}),
  });
  for (const { file, result } of results) writeFileSync(join(dir, file), JSON.stringify(walk(result)));
  return steps;
}

/** The Allure page loads Google Tag Manager unless told not to, and Allure 3 has no option for it. */
export function withoutTrackers(html: string): string {
  return html.replace(
    /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/g,
    '',
  );
}

/**
 * What the reports meant to be sent (the illustrated guides and Allure) may weigh together: under 10 MB, with room for
 * a mail's own encoding. A heavier site's pictures could otherwise take a failing run's reports over it.
 */
export const SHAREABLE_BUDGET_BYTES = 9_500_000;

/** A picture in the tidied Allure results, and how much a reader needs it. */
export interface ReportPicture {
  source: string;
  bytes: number;
  /** 0: it shows a step that failed; 1: another step of a failed scenario; 2: a passing scenario's (the guide shows it too). */
  need: 0 | 1 | 2;
  /** When its scenario started: of pictures needed alike, the first cause met keeps its pictures longest. */
  start: number;
}

export function picturesOf(dir: string): ReportPicture[] {
  return resultFiles(dir).flatMap(({ result }) => {
    const failed = failedStatus(result.status);
    const pictures: ReportPicture[] = [];
    const walk = (step: Step, inFailedStep: boolean) => {
      for (const a of step.attachments ?? [])
        if (a.type.startsWith('image/') && existsSync(join(dir, a.source)))
          pictures.push({
            source: a.source,
            bytes: statSync(join(dir, a.source)).size,
            need: !failed ? 2 : inFailedStep ? 0 : 1,
            start: result.start ?? 0,
          });
      for (const child of step.steps ?? []) walk(child, inFailedStep || failedStatus(child.status));
    };
    walk(result, false);
    return pictures;
  });
}

/** The pictures to leave out so that at least `bytes` are freed: the least needed first, of those the last met. */
export function picturesToLeaveOut(pictures: ReportPicture[], bytes: number): Set<string> {
  const leftOut = new Set<string>();
  let freed = 0;
  for (const picture of [...pictures].sort((a, b) => b.need - a.need || b.start - a.start)) {
    if (freed >= bytes) break;
    if (leftOut.has(picture.source)) continue;
    leftOut.add(picture.source);
    freed += picture.bytes;
  }
  return leftOut;
}

/** Takes pictures out of the Allure results (and the steps allure-playwright made for them alone). */
export function leaveOutPictures(dir: string, sources: Set<string>): void {
  for (const { file, result } of resultFiles(dir)) {
    writeFileSync(join(dir, file), JSON.stringify(keepingAttachments(result, (a) => !sources.has(a.source))));
  }
  for (const source of sources) rmSync(join(dir, source), { force: true });
}

function resultFiles(dir: string): { file: string; result: AllureResult }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((file) => ({ file, result: JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureResult }));
}
