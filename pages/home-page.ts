import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';
import { pressAndAwaitAnswer } from './support/keyboard.ts';

/** "The website of Netflix": the site's home page, whose address is the one the harness is given. */
export class HomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** The "Sign In" control: a link styled as a button on the real site, so either role will do. */
  signInButton(): Promise<Locator> {
    return findByGuideLabel(this.page, ['link', 'button'], 'Sign In', 'The home page');
  }

  async clickSignInButton(): Promise<void> {
    await (await this.signInButton()).click();
  }

  /** The same, for a keyboard reader: Tab to it, then Enter. */
  async pressSignInButton(): Promise<void> {
    await pressAndAwaitAnswer(await this.signInButton(), 'Sign In', 'The home page');
  }
}
