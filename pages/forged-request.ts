import type { Page } from '@playwright/test';

/**
 * A request to the site's API that did not come from one of its forms: it carries the browser's cookies (as a
 * forged cross-site request would) but not the anti-CSRF token the site's pages hand out.
 */
export class ForgedRequest {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Sends the JSON body without the X-CSRF-Token header; the site's HTTP status. */
  async send(method: string, path: string, body: unknown): Promise<number> {
    const response = await this.page.request.fetch(path, { method, data: body, failOnStatusCode: false });
    return response.status();
  }
}
