import { acceptedPicturePath, differentShare, LOOK_PICTURE_PREFIX, type LookRecord } from './guide-looks.ts';
import { scenarioKey, type ScenarioOutcome } from './scenario-outcome.ts';

/** One look picture of the last run to become the accepted one (<the site's pictures folder>/<slug>/<step-id>.png). */
export interface Acceptance {
  step: string;
  /** Today's picture, as the run left it. */
  source: string;
  target: string;
  /** False when the accepted picture already has the same pixels: new bytes would only make a change of nothing. */
  copy: boolean;
  /** What the accepted picture was, in words: "new", "unchanged, kept as it was", "looked different, 3.1 % changed". */
  was: string;
}

export type AcceptancePlan = { pictures: Acceptance[] } | { error: string };

const WAS: Record<LookRecord['verdict'], (r: LookRecord) => string> = {
  same: (r) =>
    r.differentPixels ? `same within the threshold, ${differentShare(r)} changed` : 'unchanged, kept as it was',
  'looks different': (r) => `looked different, ${differentShare(r)} changed`,
  'no accepted picture': () => 'new',
};

/**
 * Which of the last run's look pictures become the accepted ones: every pictured guide step, or only those named.
 * Refuses, with one sentence, a step pictured by two scenarios (which one would be the guide's?), a named step the
 * run did not picture, and a picture taken on another site than the one whose pictures it would replace.
 */
export function planAcceptance(
  outcomes: ScenarioOutcome[],
  only: string[],
  exists: (path: string) => boolean,
  sitePictures: string | undefined,
  siteName?: string,
): AcceptancePlan {
  if (sitePictures === undefined) {
    return {
      error:
        'The site profile names no folder for its accepted pictures: add "pictures": "<folder>" to it (a path relative to the profile), then accept again.',
    };
  }
  const fresh = new Map<string, { record: LookRecord; source: string; from: string }>();
  for (const outcome of outcomes) {
    for (const record of outcome.looks ?? []) {
      if (only.length && !only.includes(record.guideStep)) continue;
      if (siteName && record.site && record.site !== siteName) {
        return {
          error: `Guide step ${record.guideStep} was pictured on “${record.site}”, not on “${siteName}”, the site whose pictures would be replaced: accept with the same GUIDE_SITE_PROFILE (or MOCK_SITE) as the run.`,
        };
      }
      const source = outcome.attachments.find((a) => a.name === `${LOOK_PICTURE_PREFIX}${record.guideStep}`)?.path;
      if (!source || !exists(source)) continue;
      const from = scenarioKey(outcome);
      const earlier = fresh.get(record.guideStep);
      if (earlier) {
        return {
          error: `Guide step ${record.guideStep} was pictured by two scenarios (${earlier.from}; ${from}): tag it @guide-path in one only.`,
        };
      }
      fresh.set(record.guideStep, { record, source, from });
    }
  }
  const unknown = only.filter((step) => !fresh.has(step));
  if (unknown.length) {
    return {
      error: `The last run has no look picture of ${unknown.join(', ')}; pictured steps: those of @guide-path scenarios.`,
    };
  }
  if (fresh.size === 0) return { error: 'The last run has no look pictures: it ran no @guide-path scenario.' };
  return {
    pictures: [...fresh]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([step, { record, source }]) => {
        const target = acceptedPicturePath(record.guide, step, sitePictures)!;
        const identical = record.verdict === 'same' && record.differentPixels === 0 && exists(target);
        return { step, source, target, copy: !identical, was: WAS[record.verdict](record) };
      }),
  };
}
