import { z } from 'zod';
import { jsonAttachment } from './json-attachment.ts';
import { FINDING_CLASSES, type FindingClass, type FindingPolicies } from '../../site/profile.ts';

export { FINDING_CLASSES, type FindingClass, type FindingPolicies };

/**
 * A defect of the site that leaves the guide true: a colour below WCAG AA on a control the reader can still use, a
 * security promise broken, a failed save handled badly, a changed look. Made where it was met, stored with the test
 * result as structured data apart from outcome records (harness/scenario/outcome.ts): a finding never makes a guide
 * step drift. The reports list each finding once (findingKey), with every scenario and guide step that met it
 * (harness/reporting/site-findings.ts); the site profile says which classes fail the run.
 */
export const findingRecordSchema = z.object({
  class: z.enum(FINDING_CLASSES),
  /** What the site is held to: an axe-core rule ("color-contrast"), the ASVS requirements of a security promise. */
  rule: z.string().min(1),
  /** The page it was met on, as a path ("/account"), without the site's address. */
  page: z.string(),
  /** What it is about: the element as a reader calls it, or the promise in the words of the scenario checking it. */
  subject: z.string().min(1),
  /** The guide step being followed when it was met. */
  guideStep: z.string().min(1),
  /** The finding in one sentence a stakeholder reads. */
  says: z.string().min(1),
  /** The raw detail behind that sentence: an assertion's diff, the rule's help. */
  evidence: z.string().optional(),
});

export type FindingRecord = z.infer<typeof findingRecordSchema>;

export const FINDING_ATTACHMENT = 'site-finding';
/** Its own media type: Cucumber JSON keeps no attachment names, and its reader takes plain JSON as outcome records. */
export const FINDING_MEDIA_TYPE = 'application/vnd.site-finding+json';
/** The Allure label carrying the class of a failed scenario's first finding, which allurerc.mjs's categories match on. */
export const FINDING_LABEL = 'site-finding';

export const { body: findingBody, read: readFindingBody } = jsonAttachment(findingRecordSchema, 'a site finding');

/**
 * Two findings with the same key are one finding met twice. An accessibility or looks finding is its element (or
 * picture) on its page. A broken promise (security, resilience) is its requirements at the guide step where it was
 * checked: the page is wherever the scenario stood when it failed, and the subject the name of the scenario, while
 * several scenarios check one promise (a sign-in that is never throttled fails each scenario about the lock).
 */
export function findingKey(f: Pick<FindingRecord, 'class' | 'rule' | 'page' | 'subject' | 'guideStep'>): string {
  if (f.class === 'security' || f.class === 'resilience') return [f.class, f.rule, f.guideStep].join('\u0000');
  return [f.class, f.rule, f.page, f.subject].join('\u0000');
}

/** The line every report shows for a finding. */
export function findingLine(f: Pick<FindingRecord, 'class' | 'says'>): string {
  return `Site finding (${f.class}): ${f.says}`;
}

/**
 * The promise a scenario checks, when the scenario exists to check one the guide does not state: a security promise
 * (features/security/, @security with its @asvs:… requirements) or what a person meets when saving fails
 * (features/faults/, @faults). A check of such a scenario's Then steps that finds the site doing otherwise is a
 * finding of that class; a Given or When step failing on the way, or a control renamed, moved, missing, reordered or
 * unusable, is still the guide drifting.
 */
export interface ScenarioPromise {
  class: Extract<FindingClass, 'security' | 'resilience'>;
  rule: string;
  /** The promise in the scenario's own words: its name. */
  subject: string;
}

export function promiseOf(tags: readonly string[], scenarioName: string): ScenarioPromise | undefined {
  const bare = tags.map((tag) => tag.replace(/^@/, ''));
  if (bare.includes('security')) {
    const requirements = bare.filter((tag) => tag.startsWith('asvs:')).map((tag) => tag.slice('asvs:'.length));
    const rule = requirements.length ? `ASVS ${requirements.join(', ')}` : 'security';
    return { class: 'security', rule, subject: scenarioName };
  }
  if (bare.includes('faults')) return { class: 'resilience', rule: 'a failed save', subject: scenarioName };
  return undefined;
}

/** A page's address as a finding names it: its path, so every deployment of the site names the same page alike. */
export function pageOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The terminal's heading of a finding: the promise checked and the guide step being followed. */
export function findingHeading(f: Pick<FindingRecord, 'rule' | 'subject' | 'guideStep' | 'page'>): string {
  return `While following guide step ${f.guideStep}${f.page ? ` on ${f.page}` : ''}, checking “${f.subject}” (${f.rule}):`;
}
