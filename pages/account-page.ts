import { inComposedTree, type ComposedTree } from './support/composed-tree.ts';
import type { Locator, Page } from '@playwright/test';
import { escapeRegExp, findByGuideLabel, GuideDrift, guideControl } from './support/drift.ts';
import { clickAndAwaitAnswer, personWaitMs } from './support/forms.ts';
import { pressAndAwaitAnswer } from './support/keyboard.ts';

const PLACE = 'The account page';
const WAIT_FOR_TEXT_MS = 5_000;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The line sharing most words (or characters of a number) with the text; undefined when none shares any. */
export function mostAlike(text: string, lines: string[]): string | undefined {
  const tokens = (line: string) =>
    new Set(
      line
        .toLowerCase()
        .split(/[\s:]+/)
        .filter(Boolean),
    );
  const wanted = tokens(text);
  let best: { line: string; score: number } | undefined;
  for (const line of lines) {
    const score = [...tokens(line)].filter((token) => wanted.has(token)).length;
    if (score > 0 && (!best || score > best.score)) best = { line, score };
  }
  return best?.line;
}

/** Set by the harness, never by the site: the part of the page a section heading introduces. */
const SECTION_ATTRIBUTE = 'data-guide-section';
/** The text buttons the guide names in "MEMBERSHIP & BILLING": a control with another of them was not renamed. */
const TEXT_BUTTONS = ['Change Password', 'Add phone number', 'Change phone number'];
const TEXT_BUTTON_ROLES = ['link', 'button'] as const;
/** The mark of a section: its guide title in lower case, words joined by dashes ("membership-billing"). */
const sectionKey = (title: string) => title.replace(/\W+/g, '-').toLowerCase();

/** "You will access the settings of your account": sections such as "MEMBERSHIP & BILLING", each under its heading. */
export class AccountPage {
  readonly page: Page;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /account|settings/i }).filter({ visible: true });
  }

  /** The confirmation the page shows after a change, found by what it says (e.g. the password was updated). */
  confirmationThat(what: RegExp): Locator {
    return this.page.getByText(what).filter({ visible: true }).first();
  }

  /**
   * A section by its heading, as a person scanning the page would see it: everything the heading introduces, up to
   * the next heading of its rank, whatever the markup around it. The page has no such element of its own, so the
   * harness marks it: the locator finds the section once expectSection (or any method reading the section) ran.
   */
  section(title: string): Locator {
    return this.page.locator(`[${SECTION_ATTRIBUTE}="${sectionKey(title)}"]`);
  }

  /** A text button of a section, by the guide's label. */
  textButton(sectionTitle: string, label: string): Locator {
    return guideControl(this.section(sectionTitle), TEXT_BUTTON_ROLES, label);
  }

  /** Every text button of a section with this label, without waiting for one: for checking there is none. */
  textButtonsNamed(sectionTitle: string, label: string): Locator {
    const section = this.section(sectionTitle);
    const name = new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`, 'i');
    return section.getByRole('link', { name }).or(section.getByRole('button', { name }));
  }

  /** The page has the section under its heading; otherwise says the heading was renamed, moved or is missing. */
  async expectSection(title: string): Promise<void> {
    await this.#findSection(title);
  }

  /** The section offers the text button; otherwise says it was renamed, moved, covered or is missing. */
  async expectTextButton(sectionTitle: string, label: string): Promise<void> {
    await this.#findTextButton(sectionTitle, label);
  }

  async #findSection(title: string): Promise<Locator> {
    const heading = await findByGuideLabel(this.page, ['heading'], title, PLACE);
    await heading.evaluate(inComposedTree(markSection), { attribute: SECTION_ATTRIBUTE, key: sectionKey(title) });
    return this.section(title);
  }

  /**
   * The section shows the text (a phone number, a choice, a note). When it does not, says what the section shows in
   * its place: the line most like the text wanted, not the whole section.
   */
  async expectSectionShows(title: string, text: string): Promise<void> {
    const section = await this.#findSection(title);
    const deadline = Date.now() + personWaitMs(this.page, WAIT_FOR_TEXT_MS);
    let lines: string[];
    do {
      const shown = await section.innerText().catch(() => '');
      if (oneLine(shown).includes(oneLine(text))) return;
      lines = shown.split('\n').map(oneLine).filter(Boolean);
      await this.page.waitForTimeout(100);
    } while (Date.now() < deadline);
    const instead = mostAlike(text, lines);
    throw new GuideDrift(
      'behaviour',
      `The “${title}” section should show “${text}”, but ${instead ? `it shows “${instead}” there` : 'it shows nothing like it'}.`,
    );
  }

  /** "Scroll down to the … section": the section is found by its heading and brought into view. */
  async scrollToSection(title: string): Promise<void> {
    await (await this.#findSection(title)).scrollIntoViewIfNeeded();
  }

  /** A status message the page shows (after a change made on another page), found by what it says. */
  statusMessage(says: RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: says }).or(this.confirmationThat(says)).first();
  }

  async #findTextButton(sectionTitle: string, label: string): Promise<Locator> {
    return findByGuideLabel(
      await this.#findSection(sectionTitle),
      TEXT_BUTTON_ROLES,
      label,
      `The “${sectionTitle}” section`,
      { alsoNamedHere: TEXT_BUTTONS },
    );
  }

  async clickTextButton(sectionTitle: string, label: string): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findTextButton(sectionTitle, label));
  }

  /** The same, for a keyboard reader: Tab to the text button, then Enter. */
  async pressTextButton(sectionTitle: string, label: string): Promise<void> {
    await pressAndAwaitAnswer(await this.#findTextButton(sectionTitle, label), label, `The “${sectionTitle}” section`);
  }
}

/**
 * Marks the largest element around the heading that holds no other heading of its rank or higher with the key.
 * Runs in the page, so it stands alone.
 */
function markSection(
  tree: ComposedTree,
  heading: Element,
  { attribute, key }: { attribute: string; key: string },
): void {
  const rank = (element: Element) =>
    Number(/^h([1-6])$/i.exec(element.tagName)?.[1] ?? element.getAttribute('aria-level') ?? 2);
  const own = rank(heading);
  const rivals = (element: Element) =>
    tree
      .all('h1, h2, h3, h4, h5, h6, [role="heading"]', element)
      .filter((other) => other !== heading && rank(other) <= own).length;
  let section: Element = heading;
  for (let around = tree.parent(section); around && around !== document.body; around = tree.parent(section)) {
    if (rivals(around) > 0) break;
    section = around;
  }
  for (const marked of tree.all(`[${attribute}="${key}"]`)) marked.removeAttribute(attribute);
  section.setAttribute(attribute, key);
}
