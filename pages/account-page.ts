import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';

const PLACE = 'The account page';
/** Set by the harness, never by the site: the part of the page a section heading introduces. */
const SECTION_ATTRIBUTE = 'data-guide-section';
/** The text buttons the guide names in "MEMBERSHIP & BILLING": a control with another of them was not renamed. */
const TEXT_BUTTONS = ['Change Password', 'Add phone number', 'Change phone number'];

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
   * A section found by its heading, as a person scanning the page would: everything the heading introduces, up to
   * the next heading of its rank, whatever the markup around it.
   */
  async section(title: string): Promise<Locator> {
    const heading = await findByGuideLabel(this.page, ['heading'], title, PLACE);
    const key = await heading.evaluate(markSection, SECTION_ATTRIBUTE);
    return this.page.locator(`[${SECTION_ATTRIBUTE}="${key}"]`);
  }

  async textButton(sectionTitle: string, label: string): Promise<Locator> {
    return findByGuideLabel(
      await this.section(sectionTitle),
      ['link', 'button'],
      label,
      `The “${sectionTitle}” section`,
      {
        alsoNamedHere: TEXT_BUTTONS,
      },
    );
  }

  /** Every text button of a section with this label, without waiting for one: for checking there is none. */
  async textButtonsNamed(sectionTitle: string, label: string): Promise<Locator> {
    const section = await this.section(sectionTitle);
    const name = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
    return section.getByRole('link', { name }).or(section.getByRole('button', { name }));
  }

  async clickTextButton(sectionTitle: string, label: string): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.textButton(sectionTitle, label));
  }
}

/**
 * Marks the largest element around the heading that holds no other heading of its rank or higher, and returns the
 * mark. Runs in the page, so it stands alone.
 */
function markSection(heading: Element, attribute: string): string {
  const rank = (element: Element) =>
    Number(/^h([1-6])$/i.exec(element.tagName)?.[1] ?? element.getAttribute('aria-level') ?? 2);
  const own = rank(heading);
  const rivals = (element: Element) =>
    [...element.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(
      (other) => other !== heading && rank(other) <= own,
    ).length;
  let section: Element = heading;
  while (section.parentElement && section.parentElement !== document.body && rivals(section.parentElement) === 0) {
    section = section.parentElement;
  }
  const key = (heading.textContent ?? '').replace(/\W+/g, '-').toLowerCase();
  for (const marked of document.querySelectorAll(`[${attribute}="${key}"]`)) marked.removeAttribute(attribute);
  section.setAttribute(attribute, key);
  return key;
}
