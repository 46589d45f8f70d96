import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { guideStepIdsOf, readScenarios } from '../features.ts';
import type { Guide, GuideStep } from '../guide.ts';

type StoredGuide = Omit<Guide, 'slug'> & { note?: string };
import { formatOf, readArticle } from './article.ts';
import { apartFrom, classify, sentencesOf, slug } from './classify.ts';
import { draftFeature, type DraftFeature } from './draft-feature.ts';
import { freshIds, keepPriorUnits, reconcile, type Changes } from './ids.ts';
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

/** Reads an article, gives its sentences ids and pins (keeping the ids a previous run gave), and drafts features. */
export function initGuide(options: InitOptions): InitResult {
  const text = readFileSync(options.file, 'utf8');
  const source = basename(options.file);
  if (text.includes('\u0000'))
    throw new Error(`${options.file} is not text: save the article as text, Markdown or HTML.`);
  const guideSlug = options.slug ?? slug(source.replace(/\.[^.]+$/, ''));
  const guideDir = join(options.guidesDir, guideSlug);
  const stepsFile = join(guideDir, 'steps.json');
  const sentences = apartFrom(
    classify(sentencesOf(readArticle(text, formatOf(source, text)))),
    actionSectionsOfOtherGuides(options.guidesDir, guideSlug),
    guideSlug,
  );
  if (!sentences.some((s) => s.kind === 'action'))
    throw new Error(
      `${options.file} tells the reader to do nothing that guide:init can find: no steps, nothing written.`,
    );
  const prior = existsSync(stepsFile) ? (JSON.parse(readFileSync(stepsFile, 'utf8')) as StoredGuide) : undefined;
  const units = prior ? keepPriorUnits(sentences, prior.steps) : sentences;
  const fresh = freshIds(units);
  const { steps, changes } = prior ? reconcile(fresh, prior.steps) : { steps: fresh, changes: undefined };
  const title = sentences.find((s) => s.kind === 'title')?.text ?? prior?.title ?? guideSlug;
  const guide: StoredGuide = { source, title, note: STEPS_NOTE, steps };

  mkdirSync(guideDir, { recursive: true });
  if (resolve(options.file) !== resolve(guideDir, source)) copyFileSync(options.file, join(guideDir, source));
  writeFileSync(stepsFile, `${JSON.stringify(guide, null, 2)}\n`);

  const featureDir = join(options.featuresDir, guideSlug);
  const covered = new Set(existsSync(featureDir) ? readScenarios(featureDir).flatMap(guideStepIdsOf) : []);
  const matchStep = stepMatcher(stepExpressions(options.stepsDir));
  const written: DraftFeature[] = [];
  const kept: InitResult['kept'] = [];
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
    mkdirSync(featureDir, { recursive: true });
    writeFileSync(file, draft.text);
    written.push(draft);
  }
  const orphans = (changes?.removed ?? []).map((s) => s.id).filter((id) => covered.has(id));
  return { slug: guideSlug, guideDir, featureDir, guide, changes, written, kept, orphans };
}

/**
 * The article's sentences in order, cut exactly as guide:init cut them for steps.json: a coverage gate comparing a
 * guide's text with its steps.json should cut with this, so that both agree on what one sentence is.
 */
export function articleSentences(fileName: string, text: string): string[] {
  return sentencesOf(readArticle(text, formatOf(fileName, text))).map((s) => s.text);
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
