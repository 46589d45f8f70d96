import type { Page } from '@playwright/test';

/** What the page's own scripts can see of the browser's cookies for the site. */
export class BrowserCookies {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The names of the cookies the page's own scripts can read (`document.cookie`). */
  async readableByScripts(): Promise<string[]> {
    const cookies = await this.page.evaluate(() => document.cookie);
    return cookies
      .split(';')
      .map((cookie) => cookie.split('=')[0]?.trim() ?? '')
      .filter(Boolean);
  }
}
