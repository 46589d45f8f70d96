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

  /**
   * Signs in through the site's own sign-in API, as its form would, instead of typing into the form (the speed option
   * GUIDE_SIGN_IN=session), then opens the page the site sends a signed-in person to. The browser keeps the session.
   */
  async signInThroughSiteApi(email: string, password: string): Promise<void> {
    const login = await this.page.request.get('/login');
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await login.text())?.[1] ?? '';
    const answer = await this.page.request.post('/api/session', {
      data: { email, password },
      headers: { 'X-CSRF-Token': token },
      failOnStatusCode: false,
    });
    if (!answer.ok()) {
      throw new Error(
        `Signing in through the site's API (GUIDE_SIGN_IN=session) was refused with ${answer.status()}: ` +
          `${(await answer.text()).slice(0, 200)}. Run without GUIDE_SIGN_IN to sign in through the form.`,
      );
    }
    const { redirectTo } = (await answer.json()) as { redirectTo?: string };
    await this.page.goto(redirectTo ?? '/profiles');
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

  /** Signs in and waits for the site's answer; the sentence shown above the form then (empty if none). */
  async signInAndReadAnswer(email: string, password: string): Promise<string> {
    await this.enterCredentials(email, password);
    const answered = this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session');
    await this.clickSignIn();
    await answered;
    await this.page
      .getByRole('main')
      .getByRole('button', { name: 'Sign In' })
      .and(this.page.locator(':enabled'))
      .waitFor();
    return (await this.formError.innerText()).trim();
  }

  /** Signs in the same way several times in a row; the sentence shown after each attempt. */
  async signInRepeatedly(email: string, password: string, times: number): Promise<string[]> {
    const answers: string[] = [];
    for (let attempt = 0; attempt < times; attempt++) answers.push(await this.signInAndReadAnswer(email, password));
    return answers;
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
