import { clickAndAwaitAnswer } from './support/forms.ts';
import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, guideControl } from './support/drift.ts';
import { pressAndAwaitAnswer } from './support/keyboard.ts';

const PLACE = 'The home page';
const SIGN_IN = 'Sign In';
const SIGN_IN_ROLES = ['link', 'button'] as const;

/** "The website of Netflix": the site's home page, whose address is the one the harness is given. */
export class HomePage {
  readonly page: Page;
  /** The "Sign In" control: a link styled as a button on the real site, so either role will do. */
  readonly signInButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.signInButton = guideControl(page, SIGN_IN_ROLES, SIGN_IN);
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** The "Sign In" control is there for a person to use; otherwise says it was renamed, moved, covered or is gone. */
  async expectSignInButton(): Promise<void> {
    await this.#findSignInButton();
  }

  /** Clicks it and waits for the sign-in page as a person does: loaded, its scripts too, before typing into it. */
  async clickSignInButton(): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findSignInButton());
  }

  /** The same, for a keyboard reader: Tab to it, then Enter. */
  async pressSignInButton(): Promise<void> {
    await pressAndAwaitAnswer(await this.#findSignInButton(), SIGN_IN, PLACE);
  }

  #findSignInButton(): Promise<Locator> {
    return findByGuideLabel(this.page, SIGN_IN_ROLES, SIGN_IN, PLACE);
  }
}
