import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';

export class SignInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  /** The sentence shown when signing in was refused as a whole (e.g. wrong password). */
  readonly formError: Locator;
  /** A notice that says why the person has to sign in (e.g. the password was changed elsewhere). */
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Sign In', level: 1 });
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.formError = page.getByRole('alert');
    this.notice = page.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.goto('/login');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.enterCredentials(email, password);
    await this.clickSignIn();
  }

  async enterCredentials(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
  }

  async clickSignIn(): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.button('Sign in'));
  }

  async clickButton(label: string): Promise<void> {
    await (await this.button(label)).click();
  }

  button(label: string): Promise<Locator> {
    return findByGuideLabel(this.page.getByRole('main'), ['button'], label, 'The sign in page');
  }

  /** The refusal shown above the form, once there is one. */
  async shownFormError(): Promise<string> {
    await this.formError.filter({ hasText: /\S/ }).waitFor();
    return (await this.formError.innerText()).trim();
  }

  /** The message shown at one field, found through the field's aria-describedby. */
  messageAt(field: string): Locator {
    return this.page.locator(`[id="${field}-error"]`);
  }
}
