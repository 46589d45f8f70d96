import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, GuideDrift, pageTitle } from './support/drift.ts';
import { clickAndAwaitAnswer, personWaitMs } from './support/forms.ts';

const PLACE = 'The confirmation page';
const WAIT_FOR_PAGE_MS = 5_000;
/** What the page must say, in whatever words: that devices (all, other, every) are signed or logged out. */
const SAYS_DEVICES_SIGNED_OUT =
  /\b(sign|log)(ged|s)?[\s-]*out\b[^.]*\bdevices?\b|\bdevices?\b[^.]*\b(sign|log)(ged|s)?[\s-]*out\b/i;
/** "a way back": a link or button that leaves without confirming. */
const WAY_BACK = /^\s*(cancel|back\b.*|go back|not now|no\b.*|keep .*)\s*$/i;

/**
 * "On the next page, Netflix explains what will happen. Click the “Sign Out” button to confirm." The page after
 * "Sign out of all devices": it says that devices will be signed out, and asks for "Sign Out" before it does so.
 */
export class SignOutEverywherePage {
  readonly page: Page;
  readonly explanation: Locator;

  constructor(page: Page) {
    this.page = page;
    // Words of the page itself, not a link's name ("Sign out of all devices" names the way here, not what happens).
    this.explanation = page
      .getByText(SAYS_DEVICES_SIGNED_OUT)
      .filter({ visible: true })
      .and(page.locator(':not(a, button)'))
      .first();
  }

  /** The button that confirms, found by the guide's words only (no guessing at a relabelled one from elsewhere). */
  #confirmButton(label: string): Locator {
    return this.page
      .getByRole('button', { name: new RegExp(`^\\s*${label.replace(/\s+/g, '\\s*')}\\s*$`, 'i') })
      .filter({ visible: true })
      .first();
  }

  /**
   * The page explains what will happen and waits for a confirmation. A site that acted at once (the page after the
   * link is already the outcome) has no such page: the confirmation is missing.
   */
  async expectToExplainAndAsk(label: string): Promise<void> {
    try {
      await this.explanation.waitFor({ state: 'visible', timeout: personWaitMs(this.page, WAIT_FOR_PAGE_MS) });
      await this.#confirmButton(label).waitFor({
        state: 'visible',
        timeout: personWaitMs(this.page, WAIT_FOR_PAGE_MS),
      });
      return;
    } catch {
      // Said below, with what the page shows instead.
    }
    await this.page.waitForLoadState('load').catch(() => undefined);
    const heading = await pageTitle(this.page);
    const status = this.page.getByRole('status').filter({ visible: true }).first();
    const says = (await status.isVisible()) ? `, saying “${(await status.innerText()).trim()}”` : '';
    throw new GuideDrift(
      'missing',
      `After “Sign out of all devices”, no page explains what will happen and asks for “${label}”: the site shows ${heading ? `“${heading}”` : 'a page without a heading'}${says}.`,
    );
  }

  async confirm(label: string): Promise<void> {
    await clickAndAwaitAnswer(
      this.page,
      await findByGuideLabel(this.page, ['button'], label, PLACE, { sendsTheForm: true }),
    );
  }

  /** Leaves without confirming, by the page's own way back ("Cancel", "Back to …"). */
  async goBackWithoutConfirming(): Promise<void> {
    const back = this.page
      .getByRole('link', { name: WAY_BACK })
      .or(this.page.getByRole('button', { name: WAY_BACK }))
      .filter({ visible: true })
      .first();
    try {
      await back.waitFor({ state: 'visible', timeout: personWaitMs(this.page, WAIT_FOR_PAGE_MS) });
    } catch {
      throw new GuideDrift('missing', `${PLACE} offers no way back (such as “Cancel”) without confirming.`);
    }
    await clickAndAwaitAnswer(this.page, back);
  }
}
