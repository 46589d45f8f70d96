import type { Cookie, Page } from '@playwright/test';

/** What the browser itself keeps for the site: the cookies, as the browser (not the page's scripts) sees them. */
export class BrowserCookies {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async named(name: string): Promise<Cookie | undefined> {
    return (await this.page.context().cookies()).find((cookie) => cookie.name === name);
  }

  /** The cookies the page's own scripts can read (`document.cookie`). */
  readableByScripts(): Promise<string> {
    return this.page.evaluate(() => document.cookie);
  }
}
