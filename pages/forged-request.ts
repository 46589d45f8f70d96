import type { Locator, Page, Request, Route } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';

/** Where a forged request comes from: a page of another site the person happens to have open. */
const ANOTHER_SITE = 'https://another-site.example';
/** Headers a page of another site cannot set on a request it makes the browser send. */
const ONLY_THE_BROWSER_SETS = /^(cookie|host|origin|referer|content-length|connection|sec-|accept-encoding)/i;

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * A change the person never made: another site makes the browser send what one of this site's forms sends, with the
 * browser's cookies (as a cross-site request would carry them) but without the anti-CSRF token the site's pages hand
 * out, which another site cannot read. The request is taken from the site's own form, so its method, address and
 * fields are the site's, whatever they are.
 */
export class ForgedRequest {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /**
   * Clicks the button that sends the form (e.g. "Save"), keeps the request from reaching the site, and sends it again
   * as another site would; the site's HTTP status.
   */
  async replayWithoutToken(buttonLabel: string): Promise<number> {
    const control = await findByGuideLabel(this.page, ['button'], buttonLabel, 'The page');
    const secrets = await this.page.evaluate(valuesAnotherSiteCannotRead);
    const sent = await this.#interceptSubmission(control);
    const headers = Object.fromEntries(
      Object.entries(sent.headers).filter(
        ([name, value]) => !ONLY_THE_BROWSER_SETS.test(name) && !secrets.some((secret) => value.includes(secret)),
      ),
    );
    const answer = await this.page.request.fetch(sent.url, {
      method: sent.method,
      headers: { ...headers, origin: ANOTHER_SITE, referer: `${ANOTHER_SITE}/` },
      data: withoutSecrets(sent.body, headers['content-type'] ?? '', secrets),
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    return answer.status();
  }

  async #interceptSubmission(control: Locator): Promise<SentRequest> {
    let resolveSent: (sent: SentRequest) => void = () => undefined;
    const captured = new Promise<SentRequest>((resolve) => (resolveSent = resolve));
    const hold = async (route: Route, request: Request) => {
      if (request.method() === 'GET' || request.method() === 'HEAD') return route.fallback();
      resolveSent({
        method: request.method(),
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postData(),
      });
      await route.abort('aborted');
    };
    await this.page.route('**/*', hold);
    try {
      await control.click();
      return await captured;
    } finally {
      await this.page.unroute('**/*', hold);
    }
  }
}

/** The values in the page another site cannot read: hidden fields and meta contents (where tokens live). */
function valuesAnotherSiteCannotRead(): string[] {
  const hidden = [...document.querySelectorAll('input[type="hidden"]')].map(
    (input) => (input as HTMLInputElement).value,
  );
  const meta = [...document.querySelectorAll('meta[content]')].map((meta) => meta.getAttribute('content') ?? '');
  // Short values (a profile id "1", "on") would be mistaken for tokens in a body; tokens are long and random.
  return [...hidden, ...meta].filter((value) => value.length >= 16);
}

/** The body without any field whose value is one of the secrets, in its own format (form or JSON). */
export function withoutSecrets(body: string | null, contentType: string, secrets: string[]): string | undefined {
  if (body === null) return undefined;
  if (/json/i.test(contentType)) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return JSON.stringify(
      Object.fromEntries(Object.entries(parsed).filter(([, value]) => !secrets.includes(String(value)))),
    );
  }
  if (/x-www-form-urlencoded/i.test(contentType)) {
    const fields = new URLSearchParams(body);
    for (const [name, value] of [...fields]) if (secrets.includes(value)) fields.delete(name, value);
    return fields.toString();
  }
  return body;
}
