import type { Locator, Page, Request, Response, Route } from '@playwright/test';
import { inComposedTree, type ComposedTree } from './composed-tree.ts';

const sendsAChange = (request: Request) => request.method() !== 'GET' && request.method() !== 'HEAD';

/** Long enough for the site's password hashing on a loaded machine. */
const ANSWER_TIMEOUT_MS = 15_000;
/**
 * A page script starts showing its answer within a few frames of it: this long without any change means it shows
 * none. Once the page has changed, it has finished when it stays unchanged for a few frames more.
 */
const QUIET_MS = 150;
const QUIET_AFTER_A_CHANGE_MS = 50;
const SETTLE_LIMIT_MS = 3_000;
/** Where a device's page keeps the time of its last change (watchPageChanges). */
const LAST_CHANGE_KEY = '__guideLastChange';
/** The harness marks what it found (data-guide-target, data-guide-section): that is not the site answering. */
const HARNESS_MARK_PREFIX = 'data-guide-';

/**
 * From every document a device opens, notes when the page last changed. An answer a page script shows in place
 * often lands before the harness starts waiting for it (the answer's response and the page's rendering of it arrive
 * together): knowing the page changed since the act, the wait ends a few frames after, instead of waiting for a
 * change that already happened.
 */
export async function watchPageChanges(page: Page): Promise<void> {
  await page.addInitScript(
    inComposedTree((tree: ComposedTree, { key, markPrefix }: { key: string; markPrefix: string }) => {
      const byTheSite = (record: MutationRecord) =>
        record.type !== 'attributes' || !record.attributeName?.startsWith(markPrefix);
      tree.observe(
        (records) => {
          if (records.some(byTheSite)) (globalThis as Record<string, unknown>)[key] = performance.now();
        },
        { subtree: true, childList: true, characterData: true, attributes: true },
      );
    }),
    { key: LAST_CHANGE_KEY, markPrefix: HARNESS_MARK_PREFIX },
  );
}

/**
 * Clicks a control and waits until the site has answered and the answer is shown, whichever way the site works: a
 * link or a plain form (the answer is a new page, often after a redirect), a page script that sends the form and
 * changes the page in place or moves to another address, or a request that failed (a dropped connection has no
 * answer). What the page shows next is then judged against the answer.
 */
export async function clickAndAwaitAnswer(page: Page, control: Locator): Promise<void> {
  await actAndAwaitAnswer(page, () => control.click());
}

/**
 * Acts (a click, a key pressed on the focused control) and waits for the site's answer as clickAndAwaitAnswer does.
 * False when nothing answered at all: no page, no request, no new address, so the act did nothing.
 */
export async function actAndAwaitAnswer(page: Page, act: () => Promise<void>): Promise<boolean> {
  const before = page.url();
  // Each waiter that loses the race rejects at its timeout, unwatched: caught here, not an unhandled rejection.
  const loaded = page
    .waitForEvent('load', { timeout: ANSWER_TIMEOUT_MS })
    .then(() => 'loaded' as const)
    .catch(() => undefined);
  const moved = page
    .waitForURL((url) => url.href !== before, { waitUntil: 'commit', timeout: ANSWER_TIMEOUT_MS })
    .then(() => 'moved' as const)
    .catch(() => undefined);
  const answered = page
    .waitForResponse((response) => sendsAChange(response.request()), { timeout: ANSWER_TIMEOUT_MS })
    .catch(() => undefined);
  const failed = page
    .waitForEvent('requestfailed', { predicate: sendsAChange, timeout: ANSWER_TIMEOUT_MS })
    .catch(() => undefined);
  const actStarted = performance.now();
  await act();
  const first = await Promise.race([answered, failed, loaded, moved]);
  if (first === 'loaded') return true;
  const sinceAct = () => performance.now() - actStarted;
  // A new document at the new address: its load is the answer, as when the load wins the race. The same document
  // at a new address (a page script's pushState) never loads again: the page settling is the answer.
  if (first === 'moved') await Promise.race([loaded, settled(page, sinceAct())]);
  else if (isNavigationAnswer(first)) await loaded;
  else await settled(page, sinceAct());
  return first !== undefined;
}

function isNavigationAnswer(answer: Response | Request | undefined): boolean {
  if (!answer) return false;
  const request = 'request' in answer ? answer.request() : answer;
  return request.isNavigationRequest();
}

/**
 * Until the page has stopped changing (a page script has shown the answer), or it navigates away. `sinceActMs`: how
 * long ago the act was; a change the page noted since then (watchPageChanges) counts as one seen here.
 */
export async function settled(page: Page, sinceActMs = 0): Promise<void> {
  await page
    .evaluate(
      inComposedTree(
        (tree: ComposedTree, { quietMs, afterChangeMs, limitMs, sinceActMs, key, markPrefix }: SettleOptions) =>
          new Promise<void>((resolve) => {
            const lastChange = (globalThis as Record<string, unknown>)[key];
            const changedSinceAct = typeof lastChange === 'number' && lastChange >= performance.now() - sinceActMs;
            let timer = setTimeout(done, changedSinceAct ? afterChangeMs : quietMs);
            const limit = setTimeout(done, limitMs);
            const byTheSite = (record: MutationRecord) =>
              record.type !== 'attributes' || !record.attributeName?.startsWith(markPrefix);
            const observer = tree.observe(
              (records) => {
                if (!records.some(byTheSite)) return;
                clearTimeout(timer);
                timer = setTimeout(done, afterChangeMs);
              },
              { subtree: true, childList: true, characterData: true, attributes: true },
            );
            function done() {
              observer.disconnect();
              clearTimeout(timer);
              clearTimeout(limit);
              resolve();
            }
          }),
      ),
      {
        quietMs: QUIET_MS,
        afterChangeMs: QUIET_AFTER_A_CHANGE_MS,
        limitMs: SETTLE_LIMIT_MS,
        sinceActMs,
        key: LAST_CHANGE_KEY,
        markPrefix: HARNESS_MARK_PREFIX,
      },
    )
    // The page navigated while waiting: the new page is the answer.
    .catch(() => page.waitForLoadState('load'));
}

interface SettleOptions {
  quietMs: number;
  afterChangeMs: number;
  limitMs: number;
  sinceActMs: number;
  key: string;
  markPrefix: string;
}

/** A request a form sent, as the browser sent it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * Clicks the control that sends a form and keeps the request from reaching the site: what the site's own form sends,
 * whatever its method, address, fields and token, for sending again as an attacker would.
 */
export async function captureSubmission(page: Page, control: Locator): Promise<SentRequest> {
  let resolveSent: (sent: SentRequest) => void = () => undefined;
  const captured = new Promise<SentRequest>((resolve) => (resolveSent = resolve));
  const hold = async (route: Route, request: Request) => {
    if (!sendsAChange(request)) return route.fallback();
    resolveSent({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData(),
    });
    await route.abort('aborted');
  };
  await page.route('**/*', hold);
  try {
    await control.click();
    return await captured;
  } finally {
    await page.unroute('**/*', hold);
  }
}

/** Headers only the browser sets: never copied onto a request sent again. */
export const ONLY_THE_BROWSER_SETS = /^(cookie|host|origin|referer|content-length|connection|sec-|accept-encoding)/i;

/** The body with every field whose value is `from` given the value `to`, in its own format (form or JSON). */
export function withFieldValue(
  body: string | null,
  contentType: string,
  from: string,
  to: string | undefined,
): string | undefined {
  if (body === null) return undefined;
  if (/json/i.test(contentType)) {
    const fields = JSON.parse(body) as Record<string, unknown>;
    const kept = Object.entries(fields).flatMap(([name, value]) =>
      String(value) !== from ? [[name, value]] : to === undefined ? [] : [[name, to]],
    );
    return JSON.stringify(Object.fromEntries(kept));
  }
  if (/x-www-form-urlencoded/i.test(contentType)) {
    const fields = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(body)) {
      if (value !== from) fields.append(name, value);
      else if (to !== undefined) fields.append(name, to);
    }
    return fields.toString();
  }
  return body;
}

/** What a form says as a whole when saving failed, e.g. that nothing was changed, and its offer to try again. */
export class FormMessage {
  readonly page: Page;
  readonly tryAgain: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tryAgain = page.getByRole('button', { name: /try again/i }).filter({ visible: true });
  }

  /** The message, found by its words wherever the page shows it. */
  saying(text: string): Locator {
    return this.page.getByText(text).filter({ visible: true }).first();
  }
}
