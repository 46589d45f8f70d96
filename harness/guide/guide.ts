import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GuideStep {
  id: string;
  section: string;
  /** "action" asks the user to do or see something and needs a scenario; every other kind is prose. */
  kind: 'action' | 'title' | 'heading' | 'intro' | 'image' | 'caption' | 'note' | 'outro';
  text: string;
  /** Why a prose step needs no scenario. */
  reason?: string;
  /** Pins the text the features were written against. */
  textHash: string;
}

export interface Guide {
  /** The guide's folder under guides/, and its features' folder under features/. */
  slug: string;
  source: string;
  title: string;
  steps: GuideStep[];
}

/** Each guide is a folder here: its text (the original file, word for word) and its steps.json. */
export const GUIDES_DIR = 'guides';
/** The first guide; the supporting features (features/security/, features/faults/) check the site beyond its words. */
export const FIRST_GUIDE = 'strengthening-account-security';

const guidesRoot = fileURLToPath(new URL(`../../${GUIDES_DIR}/`, import.meta.url));

/** Where a guide's step ids and pins live, as a person finds it from the repository's root. */
export const stepsFileOf = (slug: string) => `${GUIDES_DIR}/${slug}/steps.json`;
/** Where a guide's features live. */
export const featuresDirOf = (slug: string) => `features/${slug}/`;

/** The slugs of every guide with step ids, in name order. */
export function guideSlugs(): string[] {
  return readdirSync(guidesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(guidesRoot, entry.name, 'steps.json')))
    .map((entry) => entry.name)
    .sort();
}

export function loadGuide(slug: string = FIRST_GUIDE): Guide {
  const stored = JSON.parse(readFileSync(join(guidesRoot, slug, 'steps.json'), 'utf8')) as Omit<Guide, 'slug'>;
  return { ...stored, slug };
}

export function loadGuides(): Guide[] {
  return guideSlugs().map((slug) => loadGuide(slug));
}

export function loadGuideText(guide: Guide = loadGuide()): string {
  return readFileSync(join(guidesRoot, guide.slug, guide.source), 'utf8');
}

export function hashStepText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The guide an action's id belongs to (prose ids, such as "title.1", repeat across guides and name none). */
export function guideOfStep(id: string, guides: Guide[] = loadGuides()): Guide | undefined {
  return guides.find((g) => g.steps.some((s) => s.id === id && s.kind === 'action'));
}

/** A step by its id, in the guides given (every guide by default): an action's id names one step of one guide. */
export function guideStep(id: string, guides: Guide | Guide[] = loadGuides()): GuideStep {
  const list = Array.isArray(guides) ? guides : [guides];
  const steps = list.flatMap((g) => g.steps);
  const step = steps.find((s) => s.id === id && s.kind === 'action') ?? steps.find((s) => s.id === id);
  if (!step) throw new Error(`No guide step "${id}" in ${list.map((g) => stepsFileOf(g.slug)).join(' or ')}.`);
  return step;
}

/** Screenshots taken after a guide step are attached under this prefix and the step id; reports find them so. */
export const EVIDENCE_PREFIX = 'screenshot after guide step ';
/**
 * Added to the name when the step that took it only looked (a Then step that passed): the picture of a guide step
 * is the state right after a step acted on it, when there is one (harness/reporting/evidence-choice.ts).
 */
export const CHECKED_SUFFIX = ' (checked)';
