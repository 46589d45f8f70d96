import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * What a deployment says of itself where the guide is silent: the words of its messages, what its pages can do,
 * and how soon a promise with a time is kept. The feature files quote the bundled mock's words; a faithful site that
 * words a message otherwise maps the mock's words to its own here, so different wording is not reported as drift.
 */
/** How long a person waits for one answer while the page says it is busy, unless the site or the run says otherwise. */
export const DEFAULT_SLOWEST_ANSWER_SECONDS = 15;

export const siteProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  /** The bundled mock's words, as the feature files quote them → this site's words. */
  wording: z.record(z.string().min(1), z.string().min(1)).default({}),
  capabilities: z
    .strictObject({
      /**
       * Its forms are sent by a page script that stays on the page when saving fails, says so and offers
       * "Try again", and sends a double-clicked form once. A site of plain HTML forms has none of that.
       */
      scriptedForms: z.boolean().default(true),
    })
    .prefault({}),
  /** Other devices are signed out this soon after a password change with the tick (the real service: an hour). */
  otherDevicesSignedOutWithinSeconds: z.number().min(0).max(7_200).default(0),
  /**
   * Which of the site's findings fail the run. A finding is a defect of the site that leaves the guide true (a colour
   * below WCAG AA, a broken security promise, a failed save handled badly, a changed look); it never makes a guide
   * step drift.
   */
  findings: z
    .strictObject({
      accessibility: z.enum(['fail', 'warn']).default('fail'),
      security: z.enum(['fail', 'warn']).default('fail'),
      resilience: z.enum(['fail', 'warn']).default('fail'),
      looks: z.enum(['fail', 'warn', 'off']).default('warn'),
    })
    .prefault({}),
  /**
   * The folder of this site's accepted pictures (`<guide slug>/<step id>.png`), relative to this profile; without it
   * the site has none yet, and the run says once how to accept them.
   */
  pictures: z.string().min(1).optional(),
  /**
   * The longest one answer of the site may take (a page, a form sent), while its page shows it is busy, before a
   * person would give up on it; the run setting GUIDE_SLOWEST_ANSWER_SECONDS overrides it.
   */
  slowestAnswerSeconds: z.number().min(1).max(600).default(DEFAULT_SLOWEST_ANSWER_SECONDS),
});

export type SiteProfile = z.infer<typeof siteProfileSchema>;
export type FindingPolicies = SiteProfile['findings'];
export type FindingClass = keyof FindingPolicies;
export type FindingPolicy = FindingPolicies[FindingClass];
export const FINDING_CLASSES = ['accessibility', 'security', 'resilience', 'looks'] as const satisfies FindingClass[];
export type Capability = keyof SiteProfile['capabilities'];

/** Tags a scenario carries when it needs a capability (features/faults/ needs scripted forms). */
const CAPABILITY_TAGS: Record<string, { capability: Capability; reason: string }> = {
  '@needs:scripted-forms': {
    capability: 'scriptedForms',
    reason:
      'the site profile says its forms are plain HTML forms, without a page script to report a failed save and offer “Try again”',
  },
};

const PROFILES_DIR = fileURLToPath(new URL('../site-profiles/', import.meta.url));

/** The bundled mock's own profile for each of its renditions (MOCK_SITE). */
export const BUNDLED_PROFILES = {
  modern: `${PROFILES_DIR}flickbox.json`,
  classic: `${PROFILES_DIR}classic.json`,
  components: `${PROFILES_DIR}components.json`,
} as const;

/** GUIDE_SITE_PROFILE when given, else the profile of the bundled rendition MOCK_SITE names (default: flickbox). */
export function siteProfilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GUIDE_SITE_PROFILE) return env.GUIDE_SITE_PROFILE;
  if (env.MOCK_SITE === 'classic') return BUNDLED_PROFILES.classic;
  if (env.MOCK_SITE === 'components') return BUNDLED_PROFILES.components;
  return BUNDLED_PROFILES.modern;
}

/** Reads and checks a profile; a profile that cannot be used is one sentence naming the file and the field. */
export function readSiteProfile(path: string): SiteProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The site profile ${path} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = siteProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new Error(`The site profile ${path} is not valid: ${problems.join('; ')}.`);
  }
  return parsed.data;
}

/** The profile of the site under test (a small file, read where it is needed rather than kept in module state). */
export function siteProfile(): SiteProfile {
  return readSiteProfile(siteProfilePath());
}

/** Where the site under test keeps its accepted pictures, or undefined when its profile names none. */
export function sitePicturesDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = siteProfilePath(env);
  const { pictures } = readSiteProfile(path);
  return pictures === undefined ? undefined : resolve(dirname(path), pictures);
}

/**
 * How long a person waits for one answer of the site while its page shows it is busy: the run setting
 * GUIDE_SLOWEST_ANSWER_SECONDS when given, else the site profile's slowestAnswerSeconds. A setting that is not a number
 * of seconds is one sentence.
 */
export function slowestAnswerSeconds(profile: SiteProfile, env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.GUIDE_SLOWEST_ANSWER_SECONDS;
  if (!setting) return profile.slowestAnswerSeconds;
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    throw new Error(
      `GUIDE_SLOWEST_ANSWER_SECONDS=${setting} is not a wait: give the seconds a person waits for one answer, 1 to 600.`,
    );
  }
  return seconds;
}

/** The site's own words for what the feature files quote in the bundled mock's words. */
export function inSiteWords(profile: SiteProfile, text: string): string {
  return profile.wording[text] ?? text;
}

/** Why a scenario with these tags cannot run on a site with this profile, or undefined when it can. */
export function unmetNeed(profile: SiteProfile, tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const need = CAPABILITY_TAGS[tag.startsWith('@') ? tag : `@${tag}`];
    if (need && !profile.capabilities[need.capability]) return need.reason;
  }
  return undefined;
}
