import { personWaitMs } from './forms.ts';
import type { Locator, Page } from '@playwright/test';
import { GuideDrift } from './drift.ts';

const WAIT_FOR_FIELD_MS = 5_000;

/** Fields a person types into, in the page's order, leaving out the site's header and navigation (a search box). */
export function typeableFields(page: Page): Locator {
  return page
    .locator(
      'input:not([type="hidden"], [type="checkbox"], [type="radio"], [type="submit"], [type="button"], [type="search"]), textarea',
    )
    .filter({ visible: true });
}

/**
 * A visible form field found by words of its label, for fields no role reaches (a password input has none). When it
 * is not there, says so and lists the labels the page shows instead, like findByGuideLabel does for controls.
 */
export async function findFieldByLabel(page: Page, label: string, matching: RegExp, place: string): Promise<Locator> {
  const field = page.getByLabel(matching).and(typeableFields(page)).first();
  try {
    await field.waitFor({ state: 'visible', timeout: personWaitMs(page, WAIT_FOR_FIELD_MS) });
    return field;
  } catch {
    const offered = (await page.locator('label').filter({ visible: true }).allInnerTexts())
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const list = offered.length ? offered.map((text) => `“${text}”`).join(', ') : 'no labelled fields';
    throw new GuideDrift('missing', `${place} has no “${label}” field (it shows ${list}).`);
  }
}
