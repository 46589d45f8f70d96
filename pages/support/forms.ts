import { EventEmitter } from 'node:events';
import type { Frame, Locator, Page, Request, Response, Route } from '@playwright/test';
import { COMPOSED_TREE_SOURCE, inComposedTree, type ComposedTree } from './composed-tree.ts';

const sendsAChange = (request: Request) => request.method() !== 'GET' && request.method() !== 'HEAD';

/**
 * How long a person waits for one answer of the site (a page, a form sent) while the page shows it is busy, when the
 * run states no other: long enough for the site's password hashing on a loaded machine. The run setting
 * (GUIDE_SLOWEST_ANSWER_SECONDS) or the site profile (slowestAnswerSeconds) states it for each device's page.
 */
export const DEFAULT_SLOWEST_ANSWER_MS = 15_000;
/**
 * A page script starts showing its answer within a few frames of it: this long without any change means it shows
 * none. Once the page has changed, it has finished when it stays unchanged for a few frames more.
 */
const QUIET_MS = 150;
const QUIET_AFTER_A_CHANGE_MS = 50;
const SETTLE_LIMIT_MS = 3_000;
/** How often a page that says it is busy, without changing, is looked at again. */
const BUSY_POLL_MS = 50;
/** Where a device's page keeps the time of its last change (watchPageChanges). */
const LAST_CHANGE_KEY = '__guideLastChange';
/** Where a device's page keeps its test of whether it shows it is busy (pageShowsBusy). */
export const SHOWS_BUSY_KEY = '__guideShowsBusy';
/** Requests that never end while a page lives: not an answer anyone waits for. */
const STREAMS = new Set(['eventsource', 'websocket']);

/** What the harness knows of a device's page: the longest it waits for an answer, and its requests in flight. */
interface Watched {
  slowestAnswerMs: number;
  inFlight: Set<Request>;
  /** How long acts on this page waited after the site's first sign of an answer (answerWaitMs). */
  waitedMs: number;
  /**
   * The page's signs of an answer, repeated for each act's listeners: the page's own stay subscribed, as adding the
   * first listener of a network event to a Playwright page, and removing the last, is a round trip each.
   */
  signs: EventEmitter;
}
const watched = new WeakMap<Page, Watched>();

/** The longest a person waits for one answer on this page while it shows it is busy (watchPageChanges states it). */
export function slowestAnswerMs(page: Page): number {
  return watched.get(page)?.slowestAnswerMs ?? DEFAULT_SLOWEST_ANSWER_MS;
}

/**
 * A page object's own ceiling for something a person waits to see (a pop-up, a message, a heading), stretched like
 * the run's other ceilings when the site is allowed to be slower than the default; never shortened.
 */
export function personWaitMs(page: Page, ms: number): number {
  return Math.round(ms * Math.max(1, slowestAnswerMs(page) / DEFAULT_SLOWEST_ANSWER_MS));
}

/**
 * How long the acts on this page have waited, in all, from the site's first sign of an answer (a response, a load, a
 * new address) until the answer was judged shown: the cost of waiting as a person waits, which the benchmark shows per
 * guide step. On a fast site it should stay a few frames per act.
 */
export function answerWaitMs(page: Page): number {
  return watched.get(page)?.waitedMs ?? 0;
}

/** The page's requests still on their way, as the browser's network activity shows them (watchPageChanges). */
export function requestsInFlight(page: Page): number {
  return watched.get(page)?.inFlight.size ?? 0;
}

/**
 * Whether the page says it is busy, as a person sees it: something marked busy (aria-busy), a progress bar or spinner
 * (role progressbar, <progress>), a disabled button whose label says it is at work ("Signing in…", "Saving"), or a
 * status that does ("Saving your changes…"). Runs in the page (watchPageChanges installs it), so it stands alone.
 */
export function pageShowsBusy(): boolean {
  // ARIA's states are read with getAttribute, one pass over the page: standard states, not a site's own markup.
  const atWork =
    /(…|\.\.\.)\s*$|^\s*(please wait|loading|saving|sending|signing (in|out)|working|processing|submitting|updating)\b/i;
  const statusAtWork = /\b\w+ing\b[^.!?]*(…|\.\.\.)\s*$/i;
  // Open shadow roots too (a web component's spinner): a loop, not a helper, as this function is sent as its source.
  const roots: ParentNode[] = [document.body ?? document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      const role = element.getAttribute('role');
      const tag = element.tagName;
      const busy = element.getAttribute('aria-busy') === 'true' || role === 'progressbar' || tag === 'PROGRESS';
      const button =
        tag === 'BUTTON' ||
        role === 'button' ||
        (tag === 'INPUT' && /^(submit|button)$/i.test((element as HTMLInputElement).type));
      const disabledButton =
        button && (element.matches(':disabled') || element.getAttribute('aria-disabled') === 'true');
      const live = element.getAttribute('aria-live');
      const status = role === 'status' || tag === 'OUTPUT' || live === 'polite' || live === 'assertive';
      if (!busy && !disabledButton && !status) continue;
      if (!((element as HTMLElement).checkVisibility?.() ?? true)) continue;
      if (busy) return true;
      const text = (
        (element as HTMLElement).innerText ||
        element.getAttribute('aria-label') ||
        (element as HTMLInputElement).value ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim();
      if (disabledButton && atWork.test(text)) return true;
      if (status && statusAtWork.test(text)) return true;
    }
  }
  return false;
}
/** The harness marks what it found (data-guide-target, data-guide-section): that is not the site answering. */
const HARNESS_MARK_PREFIX = 'data-guide-';

/**
 * From every document a device opens, notes when the page last changed. An answer a page script shows in place
 * often lands before the harness starts waiting for it (the answer's response and the page's rendering of it arrive
 * together): knowing the page changed since the act, the wait ends a few frames after, instead of waiting for a
 * change that already happened. Also follows the page's requests in flight, and gives the page its test of whether
 * it shows it is busy; `slowestAnswerMs` is how long a person waits for one answer while it is.
 */
export async function watchPageChanges(
  page: Page,
  { slowestAnswerMs = DEFAULT_SLOWEST_ANSWER_MS }: { slowestAnswerMs?: number } = {},
): Promise<void> {
  const inFlight = new Set<Request>();
  const signs = new EventEmitter();
  watched.set(page, { slowestAnswerMs, inFlight, waitedMs: 0, signs });
  for (const kind of ANSWER_SIGNS) page.on(kind as 'load', (sign) => signs.emit(kind, sign));
  page.on('request', (request) => {
    if (!STREAMS.has(request.resourceType())) inFlight.add(request);
  });
  const ended = (request: Request) => inFlight.delete(request);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  // As text: a function given to addInitScript cannot carry another one in, and the page's own rules may forbid
  // building one from a string (a Content-Security-Policy without 'unsafe-eval').
  // The composed tree: changes inside open shadow roots are the page changing too (pages/support/composed-tree.ts).
  const observe = (tree: ComposedTree, key: string, markPrefix: string) => {
    const byTheSite = (record: MutationRecord) =>
      record.type !== 'attributes' || !record.attributeName?.startsWith(markPrefix);
    tree.observe(
      (records) => {
        if (records.some(byTheSite)) (globalThis as Record<string, unknown>)[key] = performance.now();
      },
      { subtree: true, childList: true, characterData: true, attributes: true },
    );
  };
  await page.addInitScript({
    content: [
      `globalThis[${JSON.stringify(SHOWS_BUSY_KEY)}] = ${pageShowsBusy.toString()};`,
      `(${observe.toString()})(${COMPOSED_TREE_SOURCE}, ${JSON.stringify(LAST_CHANGE_KEY)}, ${JSON.stringify(HARNESS_MARK_PREFIX)});`,
    ].join('\n'),
  });
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
 *
 * A person waits for a page that says it is busy: while a request the act started is on its way, or the page shows
 * it is at work (pageShowsBusy), the wait goes on, up to the slowest answer the run allows (slowestAnswerMs), and only
 * then is the page judged. None of this waits when the site has answered already: on a fast site it costs nothing.
 */
export async function actAndAwaitAnswer(page: Page, act: () => Promise<void>): Promise<boolean> {
  const before = page.url();
  const limitMs = slowestAnswerMs(page);
  const actsRequests = requestsStartedFromNow(page);
  const signs = new AnswerSigns(page, limitMs);
  const loaded = signs.next('load', () => true).then((sign) => sign && ('loaded' as const));
  const moved = signs
    .next('framenavigated', (frame) => frame === page.mainFrame() && frame.url() !== before)
    .then((frame) => frame && ('moved' as const));
  const answered = signs.next('response', (response) => sendsAChange(response.request()));
  const failed = signs.next('requestfailed', sendsAChange);
  const actStarted = performance.now();
  let answeredAt: number | undefined;
  try {
    await act();
    const first = await Promise.race([answered, failed, loaded, moved]);
    answeredAt = performance.now();
    const sinceAct = () => performance.now() - actStarted;
    const deadline = actStarted + limitMs;
    if (first === 'loaded') {
      // A new page: its load is the answer, unless its script is still asking the site for something.
      if (actsRequests() > 0) await whileBusy(page, actsRequests, deadline, sinceAct);
      return true;
    }
    // A new document at a new address: its load is the answer, as when the load wins the race, also when the address
    // changes after the act's response (a page script that sends the form, then goes to the next page). The same
    // document at a new address (a page script's pushState) never loads again: the page settling is the answer.
    if (first !== 'moved' && isNavigationAnswer(first)) await loaded;
    else await Promise.race([moved.then(() => loaded), settled(page, sinceAct(), deadline)]);
    if (actsRequests() > 0) await whileBusy(page, actsRequests, deadline, sinceAct);
    return first !== undefined;
  } finally {
    signs.stop();
    const counted = watched.get(page);
    if (counted && answeredAt !== undefined) counted.waitedMs += performance.now() - answeredAt;
  }
}

interface PageSigns {
  load: Page;
  framenavigated: Frame;
  response: Response;
  requestfinished: Request;
  requestfailed: Request;
  close: Page;
}
const ANSWER_SIGNS: readonly (keyof PageSigns)[] = [
  'load',
  'framenavigated',
  'response',
  'requestfinished',
  'requestfailed',
  'close',
];

/**
 * The site's signs of an answer to one act: the page's next events of each kind, up to the slowest answer allowed, or
 * none once the page closes. Plain listeners, not Playwright's waiters: none is left behind once the answer is known
 * (a waiter runs until its timeout, and each one ends as a timed-out step of the scenario, in its trace too).
 */
class AnswerSigns {
  readonly #stops: (() => void)[] = [];

  constructor(
    private readonly page: Page,
    private readonly limitMs: number,
  ) {}

  next<Kind extends keyof PageSigns>(
    kind: Kind,
    accept: (sign: PageSigns[Kind]) => boolean,
  ): Promise<PageSigns[Kind] | undefined> {
    return new Promise((resolve) => {
      const end = (sign: PageSigns[Kind] | undefined) => {
        stop();
        resolve(sign);
      };
      const onSign = (sign: PageSigns[Kind]) => {
        if (accept(sign)) end(sign);
      };
      const onClose = () => end(undefined);
      const timer = setTimeout(onClose, Math.max(0, this.limitMs));
      // A page not watched (watchPageChanges) is listened to itself.
      const events = watched.get(this.page)?.signs ?? (this.page as unknown as EventEmitter);
      events.on(kind, onSign);
      events.on('close', onClose);
      const stop = () => {
        clearTimeout(timer);
        events.off(kind, onSign);
        events.off('close', onClose);
      };
      this.#stops.push(stop);
    });
  }

  /** Listens no more: what has not come by now is no longer awaited. */
  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }
}

/** How many of the page's requests started from now on are still on their way (none for a page not watched). */
function requestsStartedFromNow(page: Page): () => number {
  const inFlight = watched.get(page)?.inFlight;
  if (!inFlight) return () => 0;
  const earlier = new Set(inFlight);
  return () => {
    let count = 0;
    for (const request of inFlight) if (!earlier.has(request)) count++;
    return count;
  };
}

/**
 * While requests the act started are on their way (the answer has not come yet, or the page script asked for more),
 * waits for them to end, then for the page to settle again; until the deadline.
 */
async function whileBusy(page: Page, pending: () => number, deadline: number, sinceAct: () => number): Promise<void> {
  while (pending() > 0 && performance.now() < deadline && !page.isClosed()) {
    await nextRequestEnd(page, deadline - performance.now());
    if (pending() === 0) await settled(page, sinceAct(), deadline);
  }
}

/** Until one of the page's requests ends, or `ms` have passed. */
async function nextRequestEnd(page: Page, ms: number): Promise<void> {
  const signs = new AnswerSigns(page, ms);
  await Promise.race([signs.next('requestfinished', () => true), signs.next('requestfailed', () => true)]);
  signs.stop();
}

function isNavigationAnswer(answer: Response | Request | undefined): boolean {
  if (!answer) return false;
  const request = 'request' in answer ? answer.request() : answer;
  return request.isNavigationRequest();
}

/**
 * Until the page has stopped changing (a page script has shown the answer), or it navigates away. `sinceActMs`: how
 * long ago the act was; a change the page noted since then (watchPageChanges) counts as one seen here. While the
 * page shows it is busy (pageShowsBusy) or is still loading, it has not answered yet: the wait goes on until `deadline`
 * (performance.now() of this process), the slowest answer allowed.
 */
export async function settled(
  page: Page,
  sinceActMs = 0,
  deadline = performance.now() + slowestAnswerMs(page),
): Promise<void> {
  await page
    .evaluate(
      inComposedTree(
        (
          tree: ComposedTree,
          { quietMs, afterChangeMs, limitMs, busyLimitMs, pollMs, sinceActMs, key, busyKey, markPrefix }: SettleOptions,
        ) =>
          new Promise<void>((resolve) => {
            const started = performance.now();
            const lastChange = (globalThis as Record<string, unknown>)[key];
            const changedSinceAct = typeof lastChange === 'number' && lastChange >= performance.now() - sinceActMs;
            const showsBusy = (globalThis as Record<string, unknown>)[busyKey];
            // A document still loading (its styles, its scripts) is busy as the browser's own spinner says.
            const busy = () =>
              performance.now() - started < busyLimitMs &&
              (document.readyState !== 'complete' ||
                (typeof showsBusy === 'function' && (showsBusy as () => boolean)()));
            // Quiet since the last change already counts: the page has to stay unchanged afterChangeMs, not more.
            const quietAlready = changedSinceAct ? performance.now() - lastChange : 0;
            let timer = setTimeout(quietEnough, changedSinceAct ? Math.max(0, afterChangeMs - quietAlready) : quietMs);
            let limit = setTimeout(limitReached, limitMs);
            const byTheSite = (record: MutationRecord) =>
              record.type !== 'attributes' || !record.attributeName?.startsWith(markPrefix);
            const observer = tree.observe(
              (records) => {
                if (!records.some(byTheSite)) return;
                clearTimeout(timer);
                timer = setTimeout(quietEnough, afterChangeMs);
              },
              { subtree: true, childList: true, characterData: true, attributes: true },
            );
            // Quiet, but still saying it is busy: not answered yet; the end of being busy changes the page, or not.
            function quietEnough() {
              if (busy()) timer = setTimeout(quietEnough, pollMs);
              else done();
            }
            function limitReached() {
              if (busy()) limit = setTimeout(limitReached, pollMs);
              else done();
            }
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
        busyLimitMs: Math.max(0, deadline - performance.now()),
        pollMs: BUSY_POLL_MS,
        sinceActMs,
        key: LAST_CHANGE_KEY,
        busyKey: SHOWS_BUSY_KEY,
        markPrefix: HARNESS_MARK_PREFIX,
      },
    )
    // The page navigated while waiting: the new page is the answer, once it has loaded and settled. Not
    // waitForLoadState: at the moment the old document goes, it may still answer for the one that replaces it.
    // Every change of the new document came after the act.
    .catch(async (error: unknown) => {
      const navigated = /destroyed|navigat/i.test((error as Error).message);
      if (!navigated || page.isClosed() || performance.now() >= deadline) return;
      await settled(page, Number.MAX_SAFE_INTEGER, deadline);
    });
}

interface SettleOptions {
  quietMs: number;
  afterChangeMs: number;
  limitMs: number;
  busyLimitMs: number;
  pollMs: number;
  sinceActMs: number;
  key: string;
  busyKey: string;
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
