import type { Locator, Page } from '@playwright/test';

/**
 * Clicks a control that sends a form and waits until the site has answered it, whether a script sent the form or the
 * browser posted it. What the page shows next is then judged against the answer: on a loaded machine the answer
 * alone can take most of an assertion's time.
 */
export async function clickAndAwaitAnswer(page: Page, control: Locator): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() !== 'GET');
  await control.click();
  await answered;
}
