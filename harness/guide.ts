import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface GuideStep {
  id: string;
  section: string;
  /** "action" asks the user to do or see something and needs a scenario; every other kind is prose. */
  kind: 'action' | 'title' | 'intro' | 'image' | 'caption' | 'outro';
  text: string;
  /** Why a prose step needs no scenario. */
  reason?: string;
  /** Pins the text the features were written against. */
  textHash: string;
}

export interface Guide {
  source: string;
  title: string;
  steps: GuideStep[];
}

const guideDir = fileURLToPath(new URL('../guide/', import.meta.url));

export function loadGuide(): Guide {
  return JSON.parse(readFileSync(`${guideDir}steps.json`, 'utf8')) as Guide;
}

export function loadGuideText(guide: Guide = loadGuide()): string {
  return readFileSync(`${guideDir}${guide.source}`, 'utf8');
}

export function hashStepText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function guideStep(id: string, guide: Guide = loadGuide()): GuideStep {
  const step = guide.steps.find((s) => s.id === id);
  if (!step) throw new Error(`No guide step "${id}" in guide/steps.json.`);
  return step;
}

/** Screenshots taken after a guide step are attached under this prefix and the step id; reports find them so. */
export const EVIDENCE_PREFIX = 'screenshot after guide step ';
/**
 * Added to the name when the step that took it only looked (a Then step that passed): the picture of a guide step
 * is the state right after a step acted on it, when there is one (harness/evidence-choice.ts).
 */
export const CHECKED_SUFFIX = ' (checked)';
