import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenScenario } from '../guide/features.ts';
import { guideStepIdsOf } from '../guide/features.ts';
import { EVIDENCE_PREFIX, type Guide } from '../guide/guide.ts';
import { shrinkImages } from './shrink-images.ts';

/** The epic of the features that check the site beyond the guide's own words (security, faults). */
export const SUPPORTING_EPIC = 'Supporting checks';
const SUPPORTING_DIRS = ['features/security/', 'features/faults/'];

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
  attachments?: Attachment[];
  steps?: Step[];
}
export interface AllureResult extends Step {
  name: string;
  status?: string;
  labels: Label[];
  parameters?: { name: string; value: string }[];
}

export interface Placement {
  epic: string;
  /** The feature's title as the tree shows it: numbered in the guide's order. */
  feature: string;
}

/**
 * Where each feature file sits in Allure's tree: the guide's features in the order of the guide's first step each
 * verifies, numbered so any sort keeps that order; security and fault features apart, under "Supporting checks".
 */
export function placeFeatures(
  guide: Guide,
  written: WrittenScenario[],
  titles: Map<string, string>,
): Map<string, Placement> {
  const position = new Map(guide.steps.map((s, i) => [s.id, i]));
  const firstStep = new Map<string, number>();
  for (const s of written) {
    const positions = guideStepIdsOf(s).map((id) => position.get(id) ?? Infinity);
    firstStep.set(s.file, Math.min(firstStep.get(s.file) ?? Infinity, ...positions));
  }
  const supporting = (file: string) => SUPPORTING_DIRS.some((dir) => file.startsWith(dir));
  const files = [...firstStep.keys()].sort(
    (a, b) =>
      Number(supporting(a)) - Number(supporting(b)) || firstStep.get(a)! - firstStep.get(b)! || a.localeCompare(b),
  );
  const placements = new Map<string, Placement>();
  let number = { guide: 0, supporting: 0 };
  for (const file of files) {
    const isSupporting = supporting(file);
    number = isSupporting ? { ...number, supporting: number.supporting + 1 } : { ...number, guide: number.guide + 1 };
    const n = isSupporting ? number.supporting : number.guide;
    placements.set(file, {
      epic: isSupporting ? SUPPORTING_EPIC : guide.title,
      feature: `${n}. ${titles.get(file) ?? file}`,
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

/** Attachments the shareable report leaves to test-results and the Playwright report: traces, videos. */
const LEFT_TO_QA = new Set(['application/zip', 'video/webm']);

/**
 * Which attachments of a result the shareable report keeps: no attachment twice (same name and bytes), no trace or
 * video, and of the evidence screenshots only those of a failed scenario or, once, the picture chosen for a step
 * (taken out of `chosen` when kept).
 */
export function keptAttachments(
  result: AllureResult,
  hashOf: (source: string) => string,
  chosen: Set<string>,
): AllureResult {
  const failedResult = result.status === 'failed' || result.status === 'broken';
  const seen = new Set<string>();
  const keep = (a: Attachment): boolean => {
    if (LEFT_TO_QA.has(a.type)) return false;
    const hash = hashOf(a.source);
    if (a.name.startsWith(EVIDENCE_PREFIX) && !failedResult) {
      // Many scenarios pass through the same page: the chosen picture goes in once, not once per scenario.
      if (!chosen.has(hash)) return false;
      chosen.delete(hash);
    }
    const key = `${a.name}\n${hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const walk = <T extends Step>(step: T): T => ({
    ...step,
    ...(step.attachments ? { attachments: step.attachments.filter(keep) } : {}),
    ...(step.steps ? { steps: step.steps.map(walk) } : {}),
  });
  return walk(result);
}

function attachmentsOf(step: Step): Attachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

/** The Gherkin step each evidence screenshot was attached under, by its bytes' hash. */
function evidenceSteps(result: AllureResult, hashOf: (source: string) => string, into: Map<string, string>): void {
  const walk = (step: Step, gherkin: string | undefined) => {
    for (const a of step.attachments ?? [])
      if (gherkin && !into.has(hashOf(a.source))) into.set(hashOf(a.source), gherkin);
    // The step whose name starts with a Gherkin keyword is the one that acted; the attach step is its child.
    for (const child of step.steps ?? [])
      walk(child, /^(Given|When|Then|And|But) /.test(child.name ?? '') ? child.name : gherkin);
  };
  walk(result, undefined);
}

export const hashFile = (path: string) => createHash('sha1').update(readFileSync(path)).digest('hex');

export interface TidyInput {
  dir: string;
  guide: Guide;
  written: WrittenScenario[];
  /** Full-resolution screenshots chosen as the pictures of guide steps (harness/reporting/evidence-choice.ts). */
  chosenPictures: string[];
}

/**
 * Rewrites allure-playwright's results for the shareable report before `allure generate` reads them. Returns the
 * Gherkin step each evidence screenshot (by hash of its bytes) was attached under.
 */
export async function tidyAllureResults({
  dir,
  guide,
  written,
  chosenPictures,
}: TidyInput): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const hashOf = (source: string) => {
    if (!hashes.has(source)) hashes.set(source, hashFile(join(dir, source)));
    return hashes.get(source)!;
  };
  const chosen = new Set(chosenPictures.map(hashFile));
  const steps = new Map<string, string>();
  const read = readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((file) => ({ file, result: JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureResult }));
  const titles = new Map(
    read.map(({ result }) => [
      featureFileOf(result) ?? '',
      result.labels.find((l) => l.name === 'feature')?.value ?? '',
    ]),
  );
  const placements = placeFeatures(guide, written, titles);
  const results = read.map(({ file, result }) => {
    evidenceSteps(result, hashOf, steps);
    const tidy = keptAttachments(relabel(result, placements.get(featureFileOf(result) ?? '')), hashOf, chosen);
    return { file, result: tidy };
  });

  const kept = new Set(results.flatMap(({ result }) => attachmentsOf(result).map((a) => a.source)));
  for (const file of readdirSync(dir).filter((f) => f.includes('-attachment'))) {
    if (!kept.has(file)) rmSync(join(dir, file));
  }
  const pngs = [...kept].filter((source) => source.endsWith('.png')).map((source) => join(dir, source));
  const jpegs = await shrinkImages(pngs);
  for (const [path, jpeg] of jpegs) {
    writeFileSync(path, jpeg);
    renameSync(path, path.replace(/\.png$/, '.jpg'));
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
