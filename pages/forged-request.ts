import { inComposedTree, type ComposedTree } from './support/composed-tree.ts';
import type { Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';
import { captureSubmission, ONLY_THE_BROWSER_SETS, withFieldValue } from './support/forms.ts';

/** Where a forged request comes from: a page of another site the person happens to have open. */
const ANOTHER_SITE = 'https://another-site.example';

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
    const secrets = await this.page.evaluate(inComposedTree(valuesAnotherSiteCannotRead));
    const sent = await captureSubmission(this.page, control);
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
}

/** The values in the page another site cannot read: hidden fields and meta contents (where tokens live). */
function valuesAnotherSiteCannotRead(tree: ComposedTree): string[] {
  const hidden = tree.all('input[type="hidden"]').map((input) => (input as HTMLInputElement).value);
  // A <meta> means something to the browser only in the document's head, never inside a shadow root.
  const meta = [...document.querySelectorAll('meta[content]')].map((meta) => meta.getAttribute('content') ?? '');
  // Short values (a profile id "1", "on") would be mistaken for tokens in a body; tokens are long and random.
  return [...hidden, ...meta].filter((value) => value.length >= 16);
}

/** The body without any field whose value is one of the secrets. */
export function withoutSecrets(body: string | null, contentType: string, secrets: string[]): string | undefined {
  return secrets.reduce<string | undefined>(
    (kept, secret) => (kept === undefined ? undefined : withFieldValue(kept, contentType, secret, undefined)),
    body ?? undefined,
  );
}
