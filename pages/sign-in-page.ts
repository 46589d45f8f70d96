import { inComposedTree, type ComposedTree } from './support/composed-tree.ts';
import type { Cookie, Locator, Page } from '@playwright/test';
import { findByGuideLabel, GuideDrift, pageTitle } from './support/drift.ts';
import {
  captureSubmission,
  clickAndAwaitAnswer,
  ONLY_THE_BROWSER_SETS,
  withFieldValue,
  personWaitMs,
} from './support/forms.ts';
import { pressAndAwaitAnswer, typeInto } from './support/keyboard.ts';
import { HomePage } from './home-page.ts';

const PLACE = 'The sign in page';
const WAIT_FOR_ANSWER_MS = 5_000;

/** "On the Netflix sign in page, use your email address and password for accessing the account of yours." */
export class SignInPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  /** The cookies the last sign-in set or changed: the site's session, whatever it calls it. */
  cookiesSetBySignIn: Cookie[] = [];

  constructor(page: Page) {
    this.page = page;
    this.heading = page
      .getByRole('heading', { name: /sign in/i })
      .filter({ visible: true })
      .first();
    this.email = page
      .getByLabel(/e-?mail/i)
      .filter({ visible: true })
      .first();
    this.password = page
      .getByLabel(/password/i)
      .and(page.locator('input'))
      .filter({ visible: true })
      .first();
  }

  /** As a person gets there: the website, then the sign-in button in its corner. */
  async open(): Promise<void> {
    const home = new HomePage(this.page);
    await home.open();
    await home.clickSignInButton();
    await this.heading.waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.enterCredentials(email, password);
    await this.clickSignIn();
  }

  async enterCredentials(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
  }

  /** The same for a keyboard reader: each field reached by Tab, and typed into. */
  async typeCredentials(email: string, password: string): Promise<void> {
    await typeInto(this.email, 'Email', PLACE, email);
    await typeInto(this.password, 'Password', PLACE, password);
  }

  /** "Click on the “Sign in” button", by keyboard: Tab to it, then Enter. */
  async pressSignIn(label = 'Sign in'): Promise<void> {
    await pressAndAwaitAnswer(await this.#findButton(label), label, PLACE);
  }

  /** "Click on the “Sign in” button", noting which cookies the site set in answer. */
  async clickSignIn(label = 'Sign in'): Promise<void> {
    const before = await this.page.context().cookies();
    await clickAndAwaitAnswer(this.page, await this.#findButton(label));
    const after = await this.page.context().cookies();
    this.cookiesSetBySignIn = after.filter(
      (cookie) => !before.some((old) => old.name === cookie.name && old.value === cookie.value),
    );
  }

  #findButton(label: string): Promise<Locator> {
    return findByGuideLabel(this.page, ['button'], label, PLACE, { sendsTheForm: true });
  }

  /** Signs in and waits for the site's answer; what the page then says above the form (empty if nothing). */
  async signInAndReadAnswer(email: string, password: string): Promise<string> {
    await this.signIn(email, password);
    return this.messageAboveTheForm();
  }

  /**
   * Sends what this page's form sends for the email, `times` times at once (as a script guessing passwords would),
   * each with a wrong password but the one in the middle, which has `rightPassword`; the site's HTTP statuses. A lock
   * that counts each attempt before checking it lets no more than its limit be checked, so the one in the middle is
   * refused; a lock that checks first and counts later lets most of the burst through, and with it the right one.
   */
  async sendAtOnce(email: string, times: number, rightPassword: string): Promise<number[]> {
    const middle = Math.floor(times / 2);
    const guess = (n: number) => `wrong-guess-${n}-of-${times}`;
    await this.enterCredentials(email, guess(0));
    const sent = await captureSubmission(this.page, await this.#findButton('Sign in'));
    const headers = Object.fromEntries(
      Object.entries(sent.headers).filter(([name]) => !ONLY_THE_BROWSER_SETS.test(name)),
    );
    const contentType = headers['content-type'] ?? '';
    // From the test process, not the browser: a browser opens six connections to a site, a script guessing
    // passwords as many as it likes, so all of them reach the site at once.
    const cookies = await this.page.context().cookies(sent.url);
    headers.cookie = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const answers = await Promise.all(
      Array.from({ length: times }, (_, n) =>
        fetch(sent.url, {
          method: sent.method,
          headers,
          body: withFieldValue(sent.body, contentType, guess(0), n === middle ? rightPassword : guess(n + 1)),
          redirect: 'manual',
        }),
      ),
    );
    return answers.map((answer) => answer.status);
  }

  /** Signs in the same way several times in a row; what the page said after each attempt. */
  async signInRepeatedly(email: string, password: string, times: number): Promise<string[]> {
    const answers: string[] = [];
    for (let attempt = 0; attempt < times; attempt++) answers.push(await this.signInAndReadAnswer(email, password));
    return answers;
  }

  /**
   * What the page says above the form, as a person reads it: the visible text between the page's heading and the
   * first field, leaving out labels and controls.
   */
  async messageAboveTheForm(): Promise<string> {
    await this.email.waitFor();
    return this.email.evaluate(inComposedTree(textAboveField));
  }

  /** The page says the sentence above its form (a refusal, a lock, a notice), within the time a person waits. */
  async expectMessageAboveTheForm(sentence: string): Promise<void> {
    const said = await this.#messageAboveTheFormOnce((message) => message.includes(sentence));
    if (said.includes(sentence)) return;
    throw new GuideDrift(
      'behaviour',
      `${PLACE} should say “${sentence}” above the form, but it says ${said ? `“${said}”` : 'nothing there'}.`,
    );
  }

  /** What the page says above its form once it says exactly `expected`, else what it says after the time a person waits. */
  messageAboveTheFormOnceItIs(expected: string): Promise<string> {
    return this.#messageAboveTheFormOnce((message) => message === expected);
  }

  async #messageAboveTheFormOnce(wanted: (message: string) => boolean): Promise<string> {
    const deadline = Date.now() + personWaitMs(this.page, WAIT_FOR_ANSWER_MS);
    let said: string;
    do {
      said = await this.messageAboveTheForm().catch(() => '');
      if (wanted(said)) return said;
      await this.page.waitForTimeout(100);
    } while (Date.now() < deadline);
    return said;
  }

  /** After signing in with `what` (e.g. "The old password"), the site refused it: the sign-in page is still shown. */
  async expectRefused(what: string): Promise<void> {
    if (await this.heading.isVisible()) return;
    const shown = await pageTitle(this.page);
    throw new GuideDrift(
      'behaviour',
      `${what} still signs in: the site went on to ${shown ? `“${shown}”` : 'another page'}.`,
    );
  }

  /** After signing in with `what` (e.g. "The new password"), the site let the person in: the sign-in page is gone. */
  async expectAccepted(what: string): Promise<void> {
    if (!(await this.heading.isVisible())) return;
    const said = await this.messageAboveTheForm().catch(() => '');
    throw new GuideDrift(
      'behaviour',
      `${what} does not sign in: ${PLACE.toLowerCase()} says ${said ? `“${said}”` : 'nothing'}.`,
    );
  }

  /**
   * "All devices must sign in again": the page this device shows is the sign in page. Otherwise it is still signed
   * in, said as a person would, with the page it shows instead (`who`: the device, "Device B").
   */
  async expectToHaveToSignIn(who: string): Promise<void> {
    const shown = await this.heading
      .waitFor({ timeout: personWaitMs(this.page, WAIT_FOR_ANSWER_MS) })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    const title = await pageTitle(this.page).catch(() => '');
    throw new GuideDrift(
      'behaviour',
      `${who} is still signed in: it shows ${title ? `“${title}”` : 'a page of the account'}, not the sign in page.`,
    );
  }

  /** A sentence the page shows, found by its words. */
  saying(text: string | RegExp): Locator {
    return this.page.getByText(text).filter({ visible: true }).first();
  }

  /** The field the guide names ("email", "password"): its message is its accessible description. */
  field(name: string): Locator {
    return /mail/i.test(name) ? this.email : this.password;
  }
}

/** Runs in the page, so it stands alone. */
function textAboveField(tree: ComposedTree, field: Element): string {
  const top = field.getBoundingClientRect().top;
  const headings = tree.all('h1, h2').filter((h) => h.getBoundingClientRect().bottom <= top);
  const below = headings.at(-1)?.getBoundingClientRect().bottom ?? 0;
  const skipped = 'label, button, a, input, select, textarea, h1, h2, h3, h4, h5, h6, header, nav, script, style';
  const texts: string[] = [];
  for (const node of tree.texts()) {
    const parent = node.parentElement;
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    if (!parent || !text || tree.closest(parent, skipped) || !parent.checkVisibility()) continue;
    const box = parent.getBoundingClientRect();
    if (box.top >= below && box.bottom <= top) texts.push(text);
  }
  return texts.join(' ').replace(/\s+([.,;:!?])/g, '$1');
}
