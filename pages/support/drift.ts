import { inComposedTree, type ComposedTree } from './composed-tree.ts';
import type { Locator, Page } from '@playwright/test';
import { distance } from 'fastest-levenshtein';
import { requestsInFlight, SHOWS_BUSY_KEY, slowestAnswerMs, personWaitMs } from './forms.ts';

/**
 * The kinds of drift, defined here once: the page objects that throw them are the lowest layer, and the reports
 * (harness/scenario/outcome.ts) read them from here. mock-server/drift/variants.ts may not import test code, so its own
 * DriftKind is kept equal by tests/unit/outcome.test.ts.
 */
export const DRIFT_KINDS = ['moved', 'renamed', 'missing', 'reordered', 'unusable', 'behaviour'] as const;

/**
 * How the site differs from what the guide says. "unusable": the thing is there but a person cannot use it (covered
 * by another element, disabled, off-screen, shown only on hover).
 */
export type DriftKind = (typeof DRIFT_KINDS)[number];

/**
 * What a rewrite of the guide's sentence needs, said where the drift was found rather than read back from words:
 * the guide's label and the site's (renamed), where the label went (moved), the label gone (missing), or the guide's
 * order of things against the page's (reordered).
 */
export type RewriteHint =
  | { kind: 'renamed'; guideLabel: string; siteLabel: string }
  | { kind: 'moved'; guideLabel: string; where: string }
  | { kind: 'missing'; guideLabel: string }
  | { kind: 'reordered'; guideOrder: string[]; siteOrder: string[] };

/**
 * The site no longer matches what the guide says. `siteShowed` is what the site showed instead, in words a
 * stakeholder reads; it is what the reports show (steps/support/guide-step.ts records it). The message carries the
 * same words for the terminal and the trace, and nothing reads it back.
 */
export class GuideDrift extends Error {
  readonly kind: DriftKind;
  readonly siteShowed: string;
  /** Raw detail behind `siteShowed` (a comparison, a list of what the page offers), kept out of its sentence. */
  readonly evidence: string | undefined;
  /** What a rewrite of the guide's sentence needs (harness/reporting/guide-rewrite.ts), when the drift says how it changed. */
  readonly rewrite: RewriteHint | undefined;

  constructor(kind: DriftKind, siteShowed: string, evidence?: string, rewrite?: RewriteHint) {
    super(`Drift (${kind}): ${siteShowed}`);
    this.name = 'GuideDrift';
    this.kind = kind;
    this.siteShowed = siteShowed;
    this.evidence = evidence;
    this.rewrite = rewrite;
  }
}

type Role = Parameters<Page['getByRole']>[0];

/**
 * The guide's label, whole, ignoring case and surrounding space: "Change Password" finds "Change password". A label
 * the guide shortens with an ellipsis matches as a beginning: “Require all devices…” finds the box labelled
 * "Require all devices to sign in again with new password".
 */
export function guideLabel(label: string): RegExp {
  const shortened = /(…|\.\.\.)\s*$/.test(label);
  const text = escapeRegExp(label.replace(/\s*(…|\.\.\.)\s*$/, ''));
  return new RegExp(`^\\s*${text}${shortened ? '' : '\\s*$'}`, 'i');
}

/**
 * A label the guide only paraphrases, matched by its meaning words in any order: the guide's "if you wish to receive
 * text messages" finds "Receive text messages" and "I want to receive text messages from Flickbox" alike.
 */
export function meaningWords(...words: string[]): RegExp {
  return new RegExp(words.map((word) => `(?=.*\\b${escapeRegExp(word)})`).join(''), 'is');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WAIT_FOR_LABEL_MS = 5_000;

export interface GuideLabelSearch {
  /** Only these count (e.g. the items of a pop-up that just opened); the rest of the scope is "elsewhere". */
  among?: Locator;
  /** Other labels the guide names in the same place: a control with one of them is not a renamed one. */
  alsoNamedHere?: string[];
  /** How the label is matched when the guide paraphrases it (meaningWords); the guide's exact words otherwise. */
  matching?: RegExp;
  /**
   * The guide's control sends the form it stands in ("Save", "Sign in", "Sign Out"): another control that sends the
   * same form leads where the guide's would, so it may stand in its place under another name ("Submit").
   */
  sendsTheForm?: boolean;
}

/**
 * The control the guide names, as a lazy locator for assertions: what findByGuideLabel waits for, without waiting
 * or explaining. A page object offers it beside a verb that finds it (and says what drifted when it cannot).
 */
export function guideControl(
  scope: Page | Locator,
  roles: readonly Role[],
  label: string,
  { among, matching = guideLabel(label) }: Pick<GuideLabelSearch, 'among' | 'matching'> = {},
): Locator {
  return candidatesOf(scope, roles, matching, among).first();
}

function candidatesOf(
  scope: Page | Locator,
  roles: readonly Role[],
  name: RegExp | undefined,
  among?: Locator,
): Locator {
  const found = byRoles(scope, roles, name).filter({ visible: true });
  return among ? found.and(among) : found;
}

function byRoles(within: Page | Locator, roles: readonly Role[], name?: RegExp): Locator {
  return roles.map((role) => within.getByRole(role, name && { name })).reduce((all, one) => all.or(one));
}

/**
 * The visible control the guide names, found for acting on it inside a page object. When it is not there, says what a person would: it was renamed (a control of
 * the same kind in its place has another name), it moved (the label is elsewhere on the page), or it is missing
 * (nothing of its kind is there), listing what the place offers instead.
 */
export async function findByGuideLabel(
  scope: Page | Locator,
  roles: readonly Role[],
  label: string,
  place: string,
  { among, alsoNamedHere = [], matching = guideLabel(label), sendsTheForm = false }: GuideLabelSearch = {},
): Promise<Locator> {
  const candidates = (name?: RegExp) => candidatesOf(scope, roles, name, among);
  const control = candidates(matching).first();
  // Finding the visible control and looking at it as a person would are one round trip when it is there already
  // (evaluateAll neither waits nor holds a handle); otherwise, or when the page was being replaced by the next one
  // (evaluateAll does not wait for it), evaluate waits for it, the locator matching visible controls only.
  const lookArgs = { attribute: GUIDE_TARGET_ATTRIBUTE, mark: true, busyKey: SHOWS_BUSY_KEY };
  const firstLook =
    (await control.evaluateAll(inComposedTree(readyForUse), lookArgs).catch(() => null)) ??
    (await control
      .evaluate(inComposedTree(readyForUse), lookArgs, { timeout: personWaitMs(control.page(), WAIT_FOR_LABEL_MS) })
      .catch((error: unknown) => {
        // Not there in time: said below, with what the place offers instead. Anything else is not a drift.
        if ((error as Error).name === 'TimeoutError') return undefined;
        throw error;
      }));
  if (firstLook) {
    await watchers.get(control.page())?.(control);
    await expectUsable(control, label, place, firstLook);
    return control;
  }
  // On a whole page, the site's header and navigation are not "in the place" of a form's control.
  const leaveOutChrome = !among && !('page' in scope);
  const offered = (await candidates().evaluateAll(inComposedTree(controlsOutsideChrome), leaveOutChrome))
    .map((control) => ({ ...control, name: oneLine(control.name) }))
    .filter((control) => control.name);
  const list = offered.length ? offered.map(({ name }) => `“${name}”`).join(', ') : 'nothing of that kind';
  const page = 'page' in scope ? scope.page() : scope;
  const elsewhere = byRoles(page, roles, matching).filter({ visible: true }).first();
  if (await elsewhere.count()) {
    const where = await whereOnThePage(elsewhere);
    throw new GuideDrift(
      'moved',
      `${place} has no “${label}”: it is ${where} instead (${place.replace(/^The /, 'the ')} offers ${list}).`,
      undefined,
      { kind: 'moved', guideLabel: label, where },
    );
  }
  const renamedTo = closestLabel(label, offered, { alsoNamedHere, sendsTheForm });
  if (renamedTo) {
    throw new GuideDrift(
      'renamed',
      `${place} has no “${label}”; in its place is “${renamedTo}” (it offers ${list}).`,
      undefined,
      { kind: 'renamed', guideLabel: label, siteLabel: renamedTo },
    );
  }
  throw new GuideDrift('missing', `${place} has no “${label}” (it offers ${list}).`, undefined, {
    kind: 'missing',
    guideLabel: label,
  });
}

/** A control the place offers instead of the guide's, as the page shows it. */
export interface OfferedControl {
  name: string;
  /** It sends the form it stands in (a submit button of a form): where it leads is that form's answer. */
  sendsForm: boolean;
}

/**
 * The offered control that stands where the guide's should, under another name: a credible rename, else none and
 * the guide's control is missing. Credible is what a person would accept as the same control: a name sharing a
 * meaningful word with the guide's ("Your Account" → "Account"; "Sign out of all devices" → "Manage access and
 * devices"), or the guide's own words misspelled ("Sing In"), or, where its destination is known, a control leading to
 * the same place: the only one not named by the guide here that sends the same form as the guide's would ("Save" →
 * "Submit", "Sign in" → "Log in"). A control sharing no word and leading elsewhere, or nowhere known ("Learn more" for
 * "Sign out of all devices"), is no rename: naming it would send the reader of the corrected guide to the wrong place.
 */
export function closestLabel(
  label: string,
  offered: readonly OfferedControl[],
  { alsoNamedHere = [], sendsTheForm = false }: Pick<GuideLabelSearch, 'alsoNamedHere' | 'sendsTheForm'> = {},
): string | undefined {
  const words = meaningfulStems(label);
  const byWord = offered.find(({ name }) => meaningfulStems(name).some((word) => words.includes(word)));
  if (byWord) return byWord.name;
  const wanted = label.toLowerCase();
  const bySpelling = offered.find(({ name }) => {
    const other = name.toLowerCase();
    return distance(wanted, other) <= Math.max(2, Math.floor(Math.max(wanted.length, other.length) / 3));
  });
  if (bySpelling) return bySpelling.name;
  if (!sendsTheForm) return undefined;
  const named = new Set(alsoNamedHere.map((name) => name.toLowerCase().trim()));
  const sameDestination = offered.filter(({ name, sendsForm }) => sendsForm && !named.has(name.toLowerCase().trim()));
  return sameDestination.length === 1 ? sameDestination[0]!.name : undefined;
}

/** The controls' visible names and whether each sends its form, leaving out the page's header, navigation or footer when asked. Runs in the page. */
function controlsOutsideChrome(tree: ComposedTree, elements: Element[], leaveOutChrome: boolean): OfferedControl[] {
  return elements
    .filter((element) => !leaveOutChrome || !tree.closest(element, 'header, nav, footer'))
    .map((element) => ({
      name: (element as HTMLElement).innerText || element.getAttribute('aria-label') || '',
      sendsForm:
        (element instanceof HTMLButtonElement || element instanceof HTMLInputElement) &&
        element.type === 'submit' &&
        element.form !== null,
    }));
}

/** Words that carry no meaning of a control's own: "Sign out of all devices" means what "Sign out every device" does. */
const STOP_WORDS = new Set(
  'a an the of to in on at by for from with and or your my our its this that these those all every each any some more here there now please'.split(
    ' ',
  ),
);

/** A label's meaningful words, each cut to its stem ("devices" and "device", "changing" and "change" alike). */
export function meaningfulStems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

/** A light English stemmer: plural and verb endings off, enough to see one word in "device"/"devices"/"devicing". */
function stem(word: string): string {
  for (const ending of ['ings', 'ing', 'ies', 'ied', 'es', 'ed', 's', 'e', 'y']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Where a person would say an element is: under which heading or in which landmark of the page. */
export async function whereOnThePage(element: Locator): Promise<string> {
  const where = await element.evaluate(
    inComposedTree((tree: ComposedTree, node: Element) => {
      const landmark = tree.closest(node, 'header, nav, footer, aside');
      if (landmark) {
        const name =
          landmark.tagName.toLowerCase() === 'header'
            ? 'the page header'
            : landmark.tagName.toLowerCase() === 'footer'
              ? 'the page footer'
              : 'the navigation';
        return name;
      }
      // The nearest heading before it, in reading order (the page's order, shadow roots where their hosts stand).
      const order = tree.all('*');
      const at = order.indexOf(node);
      const before = order.filter((e, i) => i < at && e.matches('h1, h2, h3, h4, h5, h6'));
      const heading = before.at(-1)?.textContent?.replace(/\s+/g, ' ').trim();
      return heading ? `under “${heading}”` : 'elsewhere on the page';
    }),
  );
  return where;
}

const WAIT_FOR_UNCOVERED_MS = 2_000;
/** How often a control disabled while the site is busy is looked at again. */
const BUSY_POLL_MS = 100;

/** Whether a person can use a control, as readyForUse sees it in the page. */
interface UseCheck {
  disabled: boolean;
  /** What lies on top of it, in words; null when nothing does. */
  cover: string | null;
  /** The page says it is busy (pageShowsBusy, or the control's own label says it is at work). */
  busy: boolean;
}

/**
 * A person can use the control: it is enabled and, where they would click it, nothing else lies on top of it (a
 * banner, a dialog, another element). Playwright would wait for it and time out; a person would say it is covered.
 * A control disabled while the site is busy (a request still on its way, the page saying so) is waited for, up to the
 * slowest answer the run allows; one disabled while nothing is at work is unusable at once.
 * `firstLook` is a check already made (findByGuideLabel makes it while marking the control).
 */
export async function expectUsable(
  control: Locator,
  label: string,
  place: string,
  firstLook?: UseCheck,
): Promise<void> {
  const page = control.page();
  const look = () =>
    control
      .evaluate(inComposedTree(readyForUse), {
        attribute: GUIDE_TARGET_ATTRIBUTE,
        mark: false,
        busyKey: SHOWS_BUSY_KEY,
      })
      .catch(() => undefined);
  let check = firstLook ?? (await look());
  const busyUntil = Date.now() + slowestAnswerMs(page);
  const siteBusy = () => check?.busy === true || requestsInFlight(page) > 0;
  let waitedWhileBusy = false;
  while (check?.disabled && siteBusy() && Date.now() < busyUntil) {
    waitedWhileBusy = true;
    await page.waitForTimeout(BUSY_POLL_MS);
    check = await look();
  }
  if (check?.disabled) {
    const seconds = Math.round(slowestAnswerMs(page) / 1000);
    throw new GuideDrift(
      'unusable',
      waitedWhileBusy && siteBusy()
        ? `${place} shows “${label}”, but it stayed disabled while the page said it was busy for ${seconds} s: a person cannot click it.`
        : `${place} shows “${label}”, but it is disabled: a person cannot click it.`,
    );
  }
  const deadline = Date.now() + WAIT_FOR_UNCOVERED_MS;
  while (check?.cover && Date.now() < deadline) {
    await page.waitForTimeout(100);
    check = await look();
  }
  if (!check?.cover) return;
  throw new GuideDrift(
    'unusable',
    `${place} shows “${label}”, but ${check.cover} lies on top of it: a person cannot click it.`,
  );
}

/**
 * In one round trip, as a person meets the control: marks it (for the evidence's outline and the accessibility
 * scan), scrolls it into view when it is not, and says whether it is disabled and what lies on top of it where a
 * person would click (null when at least one of a few points inside it reaches the element itself). Given the
 * locator's matches (evaluateAll), looks at the first; null when there is none. Runs in the page, so it stands alone.
 */
function readyForUse(
  tree: ComposedTree,
  found: Element | Element[],
  { attribute, mark, busyKey }: { attribute: string; mark: boolean; busyKey: string },
): UseCheck | null {
  const element = Array.isArray(found) ? found[0] : found;
  if (!element) return null;
  if (mark) {
    for (const marked of tree.all(`[${attribute}]`)) marked.removeAttribute(attribute);
    element.setAttribute(attribute, '');
  }
  // Disabled as Playwright's isDisabled has it: natively (a disabled fieldset too), or by the ARIA state on it or
  // on an element around it.
  let disabled = element.matches(':disabled');
  for (let node: Element | null = element; node && !disabled; node = tree.parent(node)) {
    disabled = node.getAttribute('aria-disabled') === 'true';
  }
  // Busy: the page says so (the test watchPageChanges gave it), or the control is inside something marked busy, or
  // its own label says it is at work ("Signing in…").
  const showsBusy = (globalThis as Record<string, unknown>)[busyKey];
  const insideBusy = (node: Element | null): boolean =>
    node !== null && (node.getAttribute('aria-busy') === 'true' || insideBusy(node.parentElement));
  const ownLabel = ((element as HTMLElement).innerText || element.getAttribute('aria-label') || '').trim();
  const busy =
    disabled &&
    ((typeof showsBusy === 'function' && (showsBusy as () => boolean)()) ||
      insideBusy(element) ||
      /(…|\.\.\.)$/.test(ownLabel));
  let box = element.getBoundingClientRect();
  const inView = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  if (!inView) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    box = element.getBoundingClientRect();
  }
  const points = [
    [0.5, 0.5],
    [0.25, 0.5],
    [0.75, 0.5],
    [0.5, 0.25],
    [0.5, 0.75],
  ];
  let top: Element | null = null;
  for (const [fx, fy] of points) {
    const hit = tree.elementFromPoint(box.left + box.width * fx!, box.top + box.height * fy!);
    if (!hit || tree.contains(element, hit) || tree.contains(hit, element)) return { disabled, cover: null, busy };
    top ??= hit;
  }
  if (!top) return { disabled, cover: null, busy };
  const region =
    tree.closest(top, 'dialog, [role="dialog"], [role="alertdialog"], aside, section, form, header, footer, div') ??
    top;
  const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
  const tag = region.tagName.toLowerCase();
  const role = region.getAttribute('role') ?? '';
  const kind =
    tag === 'dialog' || /dialog/.test(role)
      ? 'a dialog'
      : tag === 'header'
        ? 'the page header'
        : tag === 'form'
          ? 'a form'
          : 'a box';
  return {
    disabled,
    busy,
    cover: text ? `${kind} saying “${text.length > 90 ? `${text.slice(0, 87)}…` : text}”` : kind,
  };
}

/** Marks the element the guide names, so evidence screenshots can outline it (see GUIDE_TARGET_OUTLINE). */
export const GUIDE_TARGET_ATTRIBUTE = 'data-guide-target';

/** CSS applied only while a screenshot is taken. */
export const GUIDE_TARGET_OUTLINE = `[${GUIDE_TARGET_ATTRIBUTE}] { outline: 4px solid #ffb000 !important; outline-offset: 3px !important; }`;

/** Told of each control a guide step names, once found and before it is acted on (the harness scans it). */
export type GuideTargetWatcher = (control: Locator) => Promise<void>;
const watchers = new WeakMap<Page, GuideTargetWatcher>();

export function watchGuideTargets(page: Page, watcher: GuideTargetWatcher): void {
  watchers.set(page, watcher);
}

/** What the page calls itself: its first heading's text, for saying where the site went instead. */
export async function pageTitle(page: Page): Promise<string | undefined> {
  const text = await page
    .getByRole('heading')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  return text?.replace(/\s+/g, ' ').trim() || undefined;
}
