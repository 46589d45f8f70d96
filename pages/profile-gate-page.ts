import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, guideLabel } from './support/drift.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';

const PLACE = 'The profile choice';

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

  async chooseProfile(name: string): Promise<void> {
    const profile = await findByGuideLabel(this.page, ['button', 'link'], name, PLACE);
    await clickAndAwaitAnswer(this.page, profile);
  }
}
