import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, GuideDrift, guideLabel, pageTitle } from './support/drift.ts';
import { clickAndAwaitAnswer, personWaitMs } from './support/forms.ts';
import { pressAndAwaitAnswer } from './support/keyboard.ts';

const PLACE = 'The profile choice';
const WAIT_FOR_CHOICE_MS = 5_000;
const quoted = (names: string[]) => names.map((name) => `“${name}”`).join(', ');

/** "Netflix will ask you to choose one of the profiles": every profile of the account offered at once, to click. */
export class ProfileGatePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** A profile offered to click, by its name. */
  profile(name: string): Locator {
    const named = guideLabel(name);
    return this.page
      .getByRole('button', { name: named })
      .or(this.page.getByRole('link', { name: named }))
      .filter({ visible: true })
      .first();
  }

  /**
   * The site asks to choose one of the profiles: every one of them offered at once. When at most one shows (the one
   * in use, in a header), the site did not ask at all; when some are offered and others not, those are missing.
   */
  async expectToOffer(names: string[], when: string): Promise<void> {
    const deadline = Date.now() + personWaitMs(this.page, WAIT_FOR_CHOICE_MS);
    let shown: string[] = [];
    do {
      const visible = await Promise.all(names.map((name) => this.profile(name).isVisible()));
      shown = names.filter((_, i) => visible[i]);
      if (shown.length === names.length) return;
      await this.page.waitForTimeout(100);
    } while (Date.now() < deadline);
    if (shown.length < Math.min(2, names.length)) {
      const heading = await pageTitle(this.page);
      throw new GuideDrift(
        'behaviour',
        `${when}, the site did not ask to choose one of the profiles${heading ? `: the page shows “${heading}”` : ''}.`,
      );
    }
    const missing = names.filter((name) => !shown.includes(name));
    throw new GuideDrift(
      'missing',
      `${when}, ${PLACE.toLowerCase()} offers ${quoted(shown)} but not ${quoted(missing)}.`,
    );
  }

  async chooseProfile(name: string): Promise<void> {
    const profile = await findByGuideLabel(this.page, ['button', 'link'], name, PLACE);
    await clickAndAwaitAnswer(this.page, profile);
  }

  /** The same, for a keyboard reader: Tab to the profile, then Enter. */
  async chooseProfileByKeyboard(name: string): Promise<void> {
    await pressAndAwaitAnswer(await findByGuideLabel(this.page, ['button', 'link'], name, PLACE), name, PLACE);
  }
}
