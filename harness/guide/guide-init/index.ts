import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { guideStepIdsOf, readScenarios } from '../features.ts';
import type { Guide, GuideStep } from '../guide.ts';

type StoredGuide = Omit<Guide, 'slug'> & { note?: string };
import { articleUnits } from '../guide-sentences.ts';
import { apartFrom, classify, slug } from './classify.ts';
import { draftFeature, type DraftFeature } from './draft-feature.ts';
import { freshIds, keepPriorUnits, reconcile, type Changes } from './ids.ts';
import { readArticleFile, slugProblem } from './input.ts';
import { stepExpressions, stepMatcher } from './step-library.ts';

export { slug } from './classify.ts';

export const STEPS_NOTE =
  'One entry per sentence of the guide, in its order. kind "action" asks the user to do or see something and must be verified by a scenario tagged @guide:<id>; every other kind is prose, with the reason it needs no scenario. textHash pins the text the features were written against (sha256, first 16 hex).';

export interface InitOptions {
  file: string;
  slug?: string;
  guidesDir: string;
  featuresDir: string;
  stepsDir: string;
  /** The slug is an existing guide's: read the article as a new version of it (ids kept, changes listed). */
  update?: boolean;
}

export interface InitResult {
  slug: string;
  guideDir: string;
  featureDir: string;
  /** What steps.json holds: the slug is its folder's name. */
  guide: StoredGuide;
  /** Undefined on a first run: there was no steps.json to keep ids from. */
  changes?: Changes;
  written: DraftFeature[];
  /** Sections that already have a feature, with their ids that no scenario carries yet. */
  kept: { section: string; uncovered: string[] }[];
  /** Ids gone from the guide that scenarios still carry. */
  orphans: string[];
}

/**
 * Reads an article, gives its sentences ids and pins (keeping the ids a previous run gave), and drafts features.
 * Everything is checked and computed before anything is written (the slug, the file, the step library), and each
 * file is written whole (to a temporary name, then renamed): a failure leaves nothing half-written.
 */
export function initGuide(options: InitOptions): InitResult {
  const source = basename(options.file);
  const fromFile = slug(source.replace(/\.[^.]+$/, ''));
  const guideSlug = options.slug ?? fromFile;
  const badSlug = slugProblem(guideSlug, options.slug === undefined ? 'file' : 'option');
  if (badSlug) throw new Error(badSlug);
  const guideDir = join(options.guidesDir, guideSlug);
  const stepsFile = join(guideDir, 'steps.json');
  const prior = existsSync(stepsFile) ? (JSON.parse(readFileSync(stepsFile, 'utf8')) as StoredGuide) : undefined;
  if (prior && !options.update)
    throw new Error(
      `${guideDir}/ is already the guide “${prior.title}”: add --update to read ${options.file} as a new version of it, or name this one with --slug; nothing written.`,
    );
  const { text } = readArticleFile(options.file);
  const sentences = apartFrom(
    classify(articleUnits(source, text)),
    actionSectionsOfOtherGuides(options.guidesDir, guideSlug),
    guideSlug,
  );
  if (!sentences.some((s) => s.kind === 'action'))
    throw new Error(
      `${options.file} tells the reader to do nothing that guide:init can find (no numbered or bulleted steps, no “Step 1:”, no sentence starting with a verb such as “Click” or “Select”); nothing written.`,
    );
  const matchStep = stepMatcher(stepExpressions(options.stepsDir));
  const units = prior ? keepPriorUnits(sentences, prior.steps) : sentences;
  const fresh = freshIds(units);
  const { steps, changes } = prior ? reconcile(fresh, prior.steps) : { steps: fresh, changes: undefined };
  const title = sentences.find((s) => s.kind === 'title')?.text ?? prior?.title ?? guideSlug;
  const guide: StoredGuide = { source, title, note: STEPS_NOTE, steps };

  const featureDir = join(options.featuresDir, guideSlug);
  const covered = new Set(
    existsSync(featureDir) ? readScenarios(featureDir, { drafts: true }).flatMap(guideStepIdsOf) : [],
  );
  const written: DraftFeature[] = [];
  const kept: InitResult['kept'] = [];
  const files: [string, string][] = [];
  for (const section of new Set(steps.filter((s) => s.kind === 'action').map((s) => s.section))) {
    const ofSection = steps.flatMap((s, i): [GuideStep, number][] => (s.section === section ? [[s, i]] : []));
    const file = join(featureDir, `${section}.feature`);
    if (existsSync(file) || ofSection.some(([s]) => covered.has(s.id))) {
      kept.push({ section, uncovered: ofSection.map(([s]) => s.id).filter((id) => !covered.has(id)) });
      continue;
    }
    const draft = draftFeature(
      section,
      ofSection.map(([s]) => s),
      ofSection.map(([, i]) => units[i]!),
      { guideTitle: title, source: relative(process.cwd(), join(guideDir, source)), matchStep },
    );
    files.push([file, draft.text]);
    written.push(draft);
  }
  // The guide copy is the article's text in UTF-8, whatever it was saved in: every reader of guides/ reads UTF-8.
  writeWhole(join(guideDir, source), text);
  writeWhole(stepsFile, `${JSON.stringify(guide, null, 2)}\n`);
  for (const [file, content] of files) writeWhole(file, content);
  const orphans = (changes?.removed ?? []).map((s) => s.id).filter((id) => covered.has(id));
  return { slug: guideSlug, guideDir, featureDir, guide, changes, written, kept, orphans };
}

/** Written to a temporary name beside it, then renamed: a reader never sees half a file. */
function writeWhole(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * The article's sentences in order, cut exactly as guide:init cut them for steps.json: a coverage gate comparing a
 * guide's text with its steps.json should cut with this, so that both agree on what one sentence is.
 */
export function articleSentences(fileName: string, text: string): string[] {
  return articleUnits(fileName, text).map((s) => s.text);
}

function actionSectionsOfOtherGuides(guidesDir: string, guideSlug: string): Set<string> {
  if (!existsSync(guidesDir)) return new Set();
  const others = readdirSync(guidesDir).filter((name) => name !== guideSlug);
  return new Set(
    others
      .map((name) => join(guidesDir, name, 'steps.json'))
      .filter((file) => existsSync(file))
      .flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as StoredGuide).steps)
      .filter((step) => step.kind === 'action')
      .map((step) => step.section),
  );
}
