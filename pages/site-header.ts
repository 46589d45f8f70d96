import type { Locator, Page } from '@playwright/test';
import { inComposedTree, type ComposedTree } from './support/composed-tree.ts';
import { escapeRegExp, findByGuideLabel, GuideDrift, guideControl, pageTitle } from './support/drift.ts';
import { clickAndAwaitAnswer, personWaitMs } from './support/forms.ts';
import { pressAndAwaitAnswer, pressOn } from './support/keyboard.ts';
import { HomePage } from './home-page.ts';

const PLACE = 'The profile’s pop-up menu';
/** Set by the harness, never by the site: the controls that appeared when the profile name was clicked. */
const POPUP_ATTRIBUTE = 'data-guide-popup';
/**
 * Set by the harness, never by the site: an element a person sees as clickable (a pointer cursor over it) that shows
 * the profile's name, when no button, link or disclosure does.
 */
const CLICKABLE_NAME_ATTRIBUTE = 'data-guide-clickable-name';
const WAIT_FOR_POPUP_MS = 5_000;
const WAIT_FOR_CLOSE_MS = 1_000;
const MENU_ITEM_ROLES = ['menuitem', 'link', 'button'] as const;
/** Everything a person can click, whatever the markup: the elements' own roles, not the site's names for them. */
const CLICKABLE =
  'a[href], button, summary, input[type="submit"], input[type="button"], [role="menuitem"], [role="link"], [role="button"]';

/**
 * Once a profile is chosen: "the profile name, placed, once again, in the right-upper corner", which opens "a pop-up
 * menu". The pop-up is whatever appears when the name is clicked (a menu, a popover, a disclosure, a list of links),
 * so its items are the controls that were not visible before the click.
 */
export class SiteHeader {
  readonly page: Page;
  /** The items of the pop-up opened last. */
  readonly popupItems: Locator;

  constructor(page: Page) {
    this.page = page;
    this.popupItems = page.locator(`[${POPUP_ATTRIBUTE}]`);
  }

  /**
   * The control showing the profile's name, wherever the page puts it (the placement check says where it went): a
   * button, a link, a disclosure's `<summary>`, or else anything a person sees as clickable (a pointer cursor) that
   * shows the name, once #profileNameShown has found it. Its name may add to the name ("Alex, account menu"), but
   * the name must be a word of its own in it.
   */
  profileName(name: string): Locator {
    const named = namePattern(name);
    return this.page
      .getByRole('button', { name: named })
      .or(this.page.getByRole('link', { name: named }))
      .or(this.page.locator('summary').filter({ hasText: named }))
      .or(this.page.locator(`[${CLICKABLE_NAME_ATTRIBUTE}]`).filter({ hasText: named }))
      .filter({ visible: true })
      .first();
  }

  /** Waits for the profile name; true once a person could click it. */
  async #profileNameShown(name: string, timeout = personWaitMs(this.page, WAIT_FOR_POPUP_MS)): Promise<boolean> {
    const shown = () =>
      this.profileName(name)
        .waitFor({ state: 'visible', timeout })
        .then(() => true)
        .catch(() => false);
    if (await shown()) return true;
    const { source, flags } = namePattern(name);
    const found = await this.page
      .evaluate(inComposedTree(markClickableName), { attribute: CLICKABLE_NAME_ATTRIBUTE, source, flags })
      .catch(() => false);
    return found && this.profileName(name).isVisible();
  }

  /**
   * The page now shows the profile chosen. When it shows another of the account's profiles instead, that is what a
   * person would say: the site went on as someone else.
   */
  async expectProfileInUse(name: string, accountProfiles: string[]): Promise<void> {
    // Otherwise said below: who the page shows instead, if anyone.
    if (await this.#profileNameShown(name)) return;
    for (const other of accountProfiles.filter((profile) => profile !== name)) {
      if (await this.profileName(other).isVisible()) {
        throw new GuideDrift('behaviour', `The site continued as “${other}” after “${name}” was clicked.`);
      }
    }
    throw new GuideDrift('missing', `After “${name}” was clicked, the page shows no profile name to click.`);
  }

  /** Clicks the profile name and waits for the pop-up: new controls appearing on the same page. */
  async openProfileMenu(name: string): Promise<void> {
    const opened = await this.#openProfileMenu(name, (button) => button.click());
    if (!opened) {
      throw new GuideDrift(
        'missing',
        `Clicking the profile name “${name}” opened no pop-up menu: nothing new appeared on the page.`,
      );
    }
  }

  /**
   * "Hover over or click your profile name": the sentence holds when either opens the menu. A mouse rests on the name
   * first; the menu is closed again (the mouse moved away, Escape, or at last a reload), then the name is clicked, and
   * when the click opens nothing (or closes the menu the hover opened) the mouse rests on it again, so the menu is open
   * for the next words of the sentence. Returns what a person would say of the alternative that did not work, for a
   * note beside the step (undefined when both work); neither working is the sentence drifting.
   */
  async openProfileMenuByHoverOrClick(name: string): Promise<string | undefined> {
    const hoverOpens = await this.#openProfileMenu(name, (button) => button.hover());
    if (hoverOpens) await this.#closeProfileMenu(name);
    const clickOpens = await this.#openProfileMenu(name, (button) => button.click());
    const alternatives = { hover: hoverOpens, click: clickOpens };
    if (hoverOpens && !clickOpens) {
      await this.#closeProfileMenu(name);
      alternatives.hover = await this.#openProfileMenu(name, (button) => button.hover());
    }
    return hoverOrClickNote(name, alternatives);
  }

  /** Closes the pop-up opened last as a reader would: the mouse moves away, then Escape, then the page is reloaded. */
  async #closeProfileMenu(name: string): Promise<void> {
    const closed = () =>
      this.popupItems
        .filter({ visible: true })
        .first()
        .waitFor({ state: 'hidden', timeout: WAIT_FOR_CLOSE_MS })
        .then(() => true)
        .catch(() => false);
    await this.page.mouse.move(0, 0);
    if (await closed()) return;
    await this.page.keyboard.press('Escape');
    if (await closed()) return;
    await this.page.reload();
    await this.profileName(name).waitFor({ state: 'visible', timeout: personWaitMs(this.page, WAIT_FOR_POPUP_MS) });
  }

  /**
   * This browser is still signed in: the page shows the profile in use. A browser that was signed out shows the
   * sign-in page or the home page's "Sign In" instead, and that is what is said.
   */
  async expectStillSignedIn(name: string, after: string): Promise<void> {
    // Otherwise said below: what the browser shows instead.
    if (await this.#profileNameShown(name)) return;
    await this.page.waitForLoadState('load').catch(() => undefined);
    const heading = await pageTitle(this.page);
    throw new GuideDrift(
      'behaviour',
      `${after}, this browser was signed out too: it shows ${heading ? `“${heading}”` : 'a page'} and no profile name.`,
    );
  }

  /**
   * The same, for a keyboard reader: Tab to the profile name, then Enter, then Space. A menu that opens for a mouse
   * but not for these keys (a hover-only menu) cannot be followed from the keyboard.
   */
  async openProfileMenuByKeyboard(name: string): Promise<void> {
    const place = 'The page header';
    for (const key of ['Enter', 'Space'] as const) {
      if (await this.#openProfileMenu(name, (button) => pressOn(button, name, place, key))) return;
    }
    throw new GuideDrift(
      'unusable',
      `${place} shows the profile name “${name}”, but neither Enter nor Space on it opens a pop-up menu: it cannot be operated from the keyboard.`,
    );
  }

  /** Acts on the profile name; true when new controls (the pop-up) then appeared on the page. */
  async #openProfileMenu(name: string, act: (button: Locator) => Promise<void>): Promise<boolean> {
    const button = this.profileName(name);
    if (!(await this.#profileNameShown(name))) {
      throw new GuideDrift('missing', `The page shows no control with the profile name “${name}” to click.`);
    }
    await this.page.evaluate(inComposedTree(rememberVisibleControls), CLICKABLE);
    await act(button);
    return this.page
      .waitForFunction(
        inComposedTree(markControlsThatAppeared),
        { attribute: POPUP_ATTRIBUTE, controls: CLICKABLE },
        { timeout: personWaitMs(this.page, WAIT_FOR_POPUP_MS) },
      )
      .then(() => true)
      .catch(() => false);
  }

  async chooseFromProfileMenu(label: string): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findMenuItem(label));
  }

  /** The same, for a keyboard reader: Tab from the profile name into the pop-up, then Enter. */
  async chooseFromProfileMenuByKeyboard(label: string): Promise<void> {
    await pressAndAwaitAnswer(await this.#findMenuItem(label), label, PLACE);
  }

  /** An item of the pop-up opened last, by the guide's label. */
  menuItem(label: string): Locator {
    return guideControl(this.page, MENU_ITEM_ROLES, label, { among: this.popupItems });
  }

  /** The pop-up offers the item; otherwise says it was renamed, is elsewhere on the page, or is missing. */
  async expectMenuItem(label: string): Promise<void> {
    await this.#findMenuItem(label);
  }

  #findMenuItem(label: string): Promise<Locator> {
    return findByGuideLabel(this.page, MENU_ITEM_ROLES, label, PLACE, { among: this.popupItems });
  }

  /**
   * Signs out from the pop-up menu ("Sign out", "Sign out of Flickbox", "Log out") and waits until the page shows
   * the signed-out site, with its "Sign In" button.
   */
  async signOut(name: string): Promise<void> {
    await this.openProfileMenu(name);
    const item = await findByGuideLabel(this.page, MENU_ITEM_ROLES, 'Sign out', PLACE, {
      among: this.popupItems,
      matching: /\b(sign|log)\s*out\b/i,
    });
    await clickAndAwaitAnswer(this.page, item);
    await new HomePage(this.page).expectSignInButton();
  }
}

/**
 * What a person would say of "hover over or click" when one of the two opens nothing: a note, the other having
 * worked (undefined when both did). Neither working is the guide's sentence drifting: nothing opens the menu.
 */
export function hoverOrClickNote(name: string, opens: { hover: boolean; click: boolean }): string | undefined {
  if (!opens.hover && !opens.click) {
    throw new GuideDrift(
      'missing',
      `Neither hovering over nor clicking the profile name “${name}” opens a pop-up menu: nothing new appeared on the page.`,
    );
  }
  if (!opens.hover) return `Hovering over the profile name “${name}” opens nothing; a click does.`;
  if (!opens.click)
    return `Clicking the profile name “${name}” opens nothing (or closes the menu again); hovering does.`;
  return undefined;
}

/** The profile's name as a word of its own in a longer name ("Alex, account menu"), in any case. */
function namePattern(name: string): RegExp {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}([^\\p{L}\\p{N}]|$)`, 'iu');
}

// The three functions below run in the page, so they stand alone.

/**
 * Marks the innermost visible elements under a pointer cursor whose text shows the name (a clickable `<div>` or
 * custom element); true when there is one.
 */
function markClickableName(
  tree: ComposedTree,
  { attribute, source, flags }: { attribute: string; source: string; flags: string },
): boolean {
  const named = new RegExp(source, flags);
  for (const marked of tree.all(`[${attribute}]`)) marked.removeAttribute(attribute);
  const clickable = tree
    .all('*', document.body)
    .filter(
      (element) =>
        getComputedStyle(element).cursor === 'pointer' &&
        named.test(element.textContent ?? '') &&
        element.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    );
  const innermost = clickable.filter((element) => !clickable.some((o) => o !== element && tree.contains(element, o)));
  for (const element of innermost) element.setAttribute(attribute, '');
  return innermost.length > 0;
}

function rememberVisibleControls(tree: ComposedTree, controls: string): void {
  const seen = new WeakSet<Element>();
  for (const control of tree.all(controls)) {
    if (control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) seen.add(control);
  }
  (window as unknown as { guideSeenControls?: WeakSet<Element> }).guideSeenControls = seen;
}

function markControlsThatAppeared(
  tree: ComposedTree,
  { attribute, controls }: { attribute: string; controls: string },
): boolean {
  const seen = (window as unknown as { guideSeenControls?: WeakSet<Element> }).guideSeenControls;
  for (const marked of tree.all(`[${attribute}]`)) marked.removeAttribute(attribute);
  let count = 0;
  for (const control of tree.all(controls)) {
    const visible = control.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    if (visible && !seen?.has(control)) {
      control.setAttribute(attribute, '');
      count++;
    }
  }
  return count > 0;
}
