import type { Locator, Page, Request } from '@playwright/test';

const sendsAChange = (request: Request) => request.method() !== 'GET';

/**
 * Clicks a control that sends a form and waits until the site has answered it, whether a script sent the form or the
 * browser posted it, or until the request failed (a dropped connection has no answer). What the page shows next is
 * then judged against the answer: on a loaded machine the answer alone can take most of an assertion's time.
 */
export async function clickAndAwaitAnswer(page: Page, control: Locator): Promise<void> {
  // Whichever comes second rejects at its timeout, unwatched: caught here so it is not an unhandled rejection.
  const answered = page.waitForResponse((response) => sendsAChange(response.request())).catch(() => undefined);
  const failed = page.waitForEvent('requestfailed', sendsAChange).catch(() => undefined);
  await control.click();
  await Promise.race([answered, failed]);
}

/** What a form says as a whole rather than at one field, e.g. that the site failed and nothing was changed. */
export class FormMessage {
  readonly text: Locator;
  readonly tryAgain: Locator;

  constructor(page: Page) {
    this.text = page.getByRole('main').getByRole('alert');
    this.tryAgain = page.getByRole('main').getByRole('button', { name: 'Try again' });
  }
}
