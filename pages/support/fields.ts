import type { Locator, Page } from '@playwright/test';
import { GuideDrift, guideLabel } from './drift.ts';

const WAIT_FOR_FIELD_MS = 5_000;

/**
 * A visible form field found by its label, for fields no role reaches (a password input has none). When it is
 * not there, says so and lists the labels the place shows instead, like findByGuideLabel does for controls.
 */
export async function findFieldByLabel(scope: Page | Locator, label: string, place: string): Promise<Locator> {
  const field = scope.getByLabel(guideLabel(label)).first();
  try {
    await field.waitFor({ state: 'visible', timeout: WAIT_FOR_FIELD_MS });
    return field;
  } catch {
    const offered = (await scope.locator('label').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    const list = offered.length ? offered.map((text) => `“${text}”`).join(', ') : 'no labelled fields';
    throw new GuideDrift('missing', `${place} has no “${label}” field (it shows ${list}).`);
  }
}
