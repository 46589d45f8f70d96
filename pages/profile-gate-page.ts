import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';

/** "Who's watching?": the profile choice the site asks for right after signing in. */
export class ProfileGatePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly profiles: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: /who.s watching\?/i });
    this.profiles = page.getByRole('main').getByRole('listitem').getByRole('button');
  }

  async open(): Promise<void> {
    await this.page.goto('/profiles');
  }

  async chooseProfile(name: string): Promise<void> {
    const profile = await findByGuideLabel(this.page.getByRole('main'), ['button', 'link'], name, 'The profile choice');
    await clickAndAwaitAnswer(this.page, profile);
  }
}
