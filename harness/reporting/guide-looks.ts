import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { jsonAttachment } from '../scenario/json-attachment.ts';
import { GUIDE_PATH_TAG } from './evidence-choice.ts';
import { guideStepIdsOf } from '../guide/features.ts';
import { loadGuides, type Guide } from '../guide/guide.ts';
import type { ScenarioOutcome } from './scenario-outcome.ts';
import { siteProfilePath, sitePicturesDir } from '../../site/profile.ts';

/**
 * "Does it still look like the guide?": per guide step, the picture of the control the step names and its
 * surroundings, taken when a guide-path scenario finds that control, is compared with the picture a person accepted
 * (in the site's pictures folder, `<slug>/<step-id>.png`, `npm run guide:accept-pictures`). A difference is a warning in the
 * illustrated guide, never a failure: a new colour or spacing may be fine, only a person can say.
 */

/**
 * pixelmatch's per-pixel colour distance (0–1, YIQ), its default: below it two pixels count as the same. Together
 * with its anti-aliasing detection it leaves out the sub-pixel noise of text edges.
 */
export const PIXEL_THRESHOLD = 0.1;

/**
 * Share of the picture's pixels that must differ before it "looks different": 0.2 %. Clean runs on one machine differ
 * by 0 pixels (docs/guide-pictures-and-gaps.md has the figures), so the floor only has to stand above what another
 * run could add (a stray anti-aliased edge, a few dozen pixels), and below the smallest drift a reader notices: a
 * "Save" button turned light grey changes 2.3 % of its step's picture and 0.26 % of a whole-page picture.
 */
export const LOOK_THRESHOLD = 0.002;

/** Around the control: this many CSS pixels on each side, cut at the viewport's edge. */
export const LOOK_MARGIN = { x: 240, y: 140 };

export const LOOK_VERDICTS = ['same', 'looks different', 'no accepted picture'] as const;

export const lookRecordSchema = z.object({
  /** The guide's folder under guides/. */
  guide: z.string().min(1),
  guideStep: z.string().min(1),
  /** The site it was taken on (its profile's name): accepted pictures belong to one site. */
  site: z.string().min(1).optional(),
  verdict: z.enum(LOOK_VERDICTS),
  /** Pixels that differ (a size change counts every pixel outside the overlap). */
  differentPixels: z.number().int().nonnegative(),
  totalPixels: z.number().int().nonnegative(),
  /** LOOK_THRESHOLD when the comparison was made, so a report says what it was judged by. */
  threshold: z.number(),
  size: z.object({ width: z.number().int(), height: z.number().int() }),
  acceptedSize: z.object({ width: z.number().int(), height: z.number().int() }).optional(),
});

export type LookRecord = z.infer<typeof lookRecordSchema>;

export const LOOK_ATTACHMENT = 'guide-look';
export const LOOK_MEDIA_TYPE = 'application/vnd.guide-look+json';
/** The fresh picture of a step, and the picture of what differs, are attached under these names and the step id. */
export const LOOK_PICTURE_PREFIX = 'look of guide step ';
export const LOOK_DIFF_PREFIX = 'look difference of guide step ';

export const { body: lookBody, read: readLookBody } = jsonAttachment(lookRecordSchema, 'a look record');

/**
 * The steps whose look a scenario pictures: those it is tagged with, when it walks the guide's own path (@guide-path).
 * One picture per step, from the scenario most like the guide; other scenarios reach the same pages in other states.
 */
export function lookStepsOf(tags: string[]): string[] {
  const bare = tags.map((tag) => tag.replace(/^@/, ''));
  return bare.includes(GUIDE_PATH_TAG) ? guideStepIdsOf({ tags: bare }) : [];
}

/** The guide (its folder under guides/) a step id belongs to: an action's id names one step of one guide. */
export function guideOfStep(step: string, guides: Guide[] = loadGuides()): string {
  const guide = guides.find((g) => g.steps.some((s) => s.id === step));
  if (!guide) throw new Error(`No guide has a step "${step}".`);
  return guide.slug;
}

/**
 * Accepted pictures belong to a site: the folder its profile names (`pictures`, site/profile.ts) holds one folder per
 * guide, `<slug>/<step id>.png`. A site whose profile names none has no accepted pictures yet.
 */
export const acceptedPicturePath = (guide: string, step: string, sitePictures = sitePicturesDir()) =>
  sitePictures === undefined ? undefined : join(sitePictures, guide, `${step}.png`);

/** The accepted picture of a step on the site under test, if a person has accepted one. */
export function acceptedPicture(guide: string, step: string, sitePictures = sitePicturesDir()): Buffer | undefined {
  const path = acceptedPicturePath(guide, step, sitePictures);
  return path !== undefined && existsSync(path) ? readFileSync(path) : undefined;
}

/** The one line a run says when the site under test has no accepted pictures yet, instead of a warning per step. */
export function noAcceptedPicturesLine(profilePath = siteProfilePath()): string {
  return `No accepted pictures for this site yet: its profile (${profilePath}) names no "pictures" folder. Add one (e.g. "pictures": "pictures/my-site"), look at the illustrated guide, then run npm run guide:accept-pictures.`;
}

export interface LookComparison {
  record: LookRecord;
  /** The accepted picture with what differs in red, when anything differs. */
  diff?: Buffer;
}

/** Compares today's picture of a step with the accepted one. */
export function compareLook(
  { guide, guideStep, site }: { guide: string; guideStep: string; site?: string },
  fresh: Buffer,
  accepted: Buffer | undefined,
  threshold = LOOK_THRESHOLD,
): LookComparison {
  const now = PNG.sync.read(fresh);
  const size = { width: now.width, height: now.height };
  if (!accepted) {
    return {
      record: {
        guide,
        guideStep,
        ...(site && { site }),
        verdict: 'no accepted picture',
        differentPixels: 0,
        totalPixels: size.width * size.height,
        threshold,
        size,
      },
    };
  }
  const before = PNG.sync.read(accepted);
  const width = Math.max(now.width, before.width);
  const height = Math.max(now.height, before.height);
  // Pictures of different sizes are laid on the same magenta canvas: what one has and the other lacks differs.
  const a = onCanvas(before, width, height);
  const b = onCanvas(now, width, height);
  const out = new PNG({ width, height });
  const differentPixels = pixelmatch(a.data, b.data, out.data, width, height, { threshold: PIXEL_THRESHOLD });
  const totalPixels = width * height;
  const resized = now.width !== before.width || now.height !== before.height;
  return {
    record: {
      guide,
      guideStep,
      ...(site && { site }),
      // A picture whose size changed looks different whatever its pixels: the layout around the control moved.
      verdict: resized || differentPixels / totalPixels > threshold ? 'looks different' : 'same',
      differentPixels,
      totalPixels,
      threshold,
      size,
      acceptedSize: { width: before.width, height: before.height },
    },
    ...(differentPixels > 0 && { diff: PNG.sync.write(out) }),
  };
}

/** The part of the viewport around a box (CSS pixels), cut at the viewport's edges, in whole pixels. */
export function clipAround(
  box: { x: number; y: number; width: number; height: number },
  viewport: { width: number; height: number },
  margin = LOOK_MARGIN,
): { x: number; y: number; width: number; height: number } | undefined {
  const left = Math.max(0, Math.floor(box.x - margin.x));
  const top = Math.max(0, Math.floor(box.y - margin.y));
  const right = Math.min(viewport.width, Math.ceil(box.x + box.width + margin.x));
  const bottom = Math.min(viewport.height, Math.ceil(box.y + box.height + margin.y));
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : undefined;
}

function onCanvas(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height });
  for (let i = 0; i < canvas.data.length; i += 4) canvas.data.set([255, 0, 255, 255], i);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}

/** The share of a record's picture that differs, as a person reads it: "2.31 %". */
export function differentShare(record: Pick<LookRecord, 'differentPixels' | 'totalPixels'>): string {
  const share = record.totalPixels ? (100 * record.differentPixels) / record.totalPixels : 0;
  return `${share.toFixed(2)} %`;
}

/** The one sentence of a step that looks different. */
export function lookSentence(record: LookRecord): string {
  const resized =
    record.acceptedSize &&
    (record.acceptedSize.width !== record.size.width || record.acceptedSize.height !== record.size.height)
      ? `; its size went from ${record.acceptedSize.width}×${record.acceptedSize.height} to ${record.size.width}×${record.size.height}`
      : '';
  return `${differentShare(record)} of the picture differs from the accepted one (a warning above ${(record.threshold * 100).toFixed(1)} %)${resized}.`;
}

/**
 * Dates and times a page shows change from run to run (or month to month: "Member since November 2026"): blanked in
 * a look picture. A regular expression's source, for the page script of harness/scenario/evidence-masks.ts.
 */
export const DATE_PATTERN =
  '\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?(?: \\d{1,2},?)? \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[AP]M)?\\b';

/** A step's look in a run, as the reports show it: the record, and the files of today's picture and of what differs. */
export interface StepLook {
  record: LookRecord;
  scenario: ScenarioOutcome['scenario'];
  /** Today's picture. */
  picture?: string;
  /** The accepted picture with what differs in red. */
  diff?: string;
}

/** Every pictured step's look in a run, by step id (the first scenario that pictured it, when two did). */
export function stepLooks(outcomes: ScenarioOutcome[]): Map<string, StepLook> {
  const looks = new Map<string, StepLook>();
  for (const o of outcomes) {
    for (const record of o.looks ?? []) {
      if (looks.has(record.guideStep)) continue;
      const file = (prefix: string) => o.attachments.find((a) => a.name === `${prefix}${record.guideStep}`)?.path;
      const picture = file(LOOK_PICTURE_PREFIX);
      const diff = file(LOOK_DIFF_PREFIX);
      looks.set(record.guideStep, {
        record,
        scenario: o.scenario,
        ...(picture && { picture }),
        ...(diff && { diff }),
      });
    }
  }
  return looks;
}
