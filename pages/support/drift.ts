import type { Locator, Page } from '@playwright/test';

/**
 * The kinds of drift, defined here once: the page objects that throw them are the lowest layer, and the reports
 * (harness/outcome.ts) read them from here. mock-server/drift/variants.ts may not import test code, so its own
 * DriftKind is kept equal by tests/unit/outcome.test.ts.
 */
export const DRIFT_KINDS = ['moved', 'renamed', 'missing', 'reordered', 'unusable', 'behaviour'] as const;

/**
 * How the site differs from what the guide says. "unusable": the thing is there but a person cannot use it (covered
 * by another element, disabled, off-screen, shown only on hover).
 */
export type DriftKind = (typeof DRIFT_KINDS)[number];

/**
 * The site no longer matches what the guide says. `siteShowed` is what the site showed instead, in words a
 * stakeholder reads; it is what the reports show (steps/support/guide-step.ts records it). The message carries the
 * same words for the terminal and the trace, and nothing reads it back.
 */
export class GuideDrift extends Error {
  readonly kind: DriftKind;
  readonly siteShowed: string;
  /** Raw detail behind `siteShowed` (a comparison, a list of what the page offers), kept out of its sentence. */
  readonly evidence: string | undefined;

  constructor(kind: DriftKind, siteShowed: string, evidence?: string) {
    super(`Drift (${kind}): ${siteShowed}`);
    this.name = 'GuideDrift';
    this.kind = kind;
    this.siteShowed = siteShowed;
    this.evidence = evidence;
  }
}

type Role = Parameters<Page['getByRole']>[0];

/**
 * The guide's label, whole, ignoring case and surrounding space: "Change Password" finds "Change password". A label
 * the guide shortens with an ellipsis matches as a beginning: “Require all devices…” finds the box labelled
 * "Require all devices to sign in again with new password".
 */
export function guideLabel(label: string): RegExp {
  const shortened = /(…|\.\.\.)\s*$/.test(label);
  const text = label.replace(/\s*(…|\.\.\.)\s*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${text}${shortened ? '' : '\\s*$'}`, 'i');
}

const WAIT_FOR_LABEL_MS = 5_000;

/**
 * The visible control the guide names. When it is not there, says whether it looks renamed (a control sharing a
 * word with the label) or missing, listing what the place offers instead.
 */
export async function findByGuideLabel(
  scope: Page | Locator,
  roles: Role[],
  label: string,
  place: string,
): Promise<Locator> {
  const byRole = (name?: RegExp) =>
    roles.map((role) => scope.getByRole(role, name && { name })).reduce((all, one) => all.or(one));
  const control = byRole(guideLabel(label)).first();
  try {
    await control.waitFor({ state: 'visible', timeout: WAIT_FOR_LABEL_MS });
    await markGuideTarget(control);
    return control;
  } catch {
    const offered = (await byRole().allInnerTexts()).map((name) => name.trim()).filter(Boolean);
    const words = label
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w.length > 3);
    const lookalike = offered.find((name) => words.some((word) => name.toLowerCase().includes(word)));
    const list = offered.length ? offered.map((name) => `“${name}”`).join(', ') : 'nothing of that kind';
    if (lookalike) {
      throw new GuideDrift('renamed', `${place} has no “${label}”; the closest is “${lookalike}” (it offers ${list}).`);
    }
    throw new GuideDrift('missing', `${place} has no “${label}” (it offers ${list}).`);
  }
}

/** Marks the element the guide names, so evidence screenshots can outline it (see GUIDE_TARGET_OUTLINE). */
export const GUIDE_TARGET_ATTRIBUTE = 'data-guide-target';

/** CSS applied only while a screenshot is taken. */
export const GUIDE_TARGET_OUTLINE = `[${GUIDE_TARGET_ATTRIBUTE}] { outline: 4px solid #ffb000 !important; outline-offset: 3px !important; }`;

async function markGuideTarget(control: Locator): Promise<void> {
  await control.evaluate((element, attribute) => {
    for (const marked of document.querySelectorAll(`[${attribute}]`)) marked.removeAttribute(attribute);
    element.setAttribute(attribute, '');
  }, GUIDE_TARGET_ATTRIBUTE);
}
