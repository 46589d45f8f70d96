import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, guideLabel } from './support/drift.ts';

/** "Your Account": the settings of the account, in sections such as "MEMBERSHIP & BILLING". */
export class AccountPage {
  readonly page: Page;
  readonly heading: Locator;
  /** The confirmation the page shows after a change, e.g. of the password. */
  readonly confirmation: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^\s*account/i });
    this.confirmation = page.getByRole('main').getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.goto('/account');
  }

  /** A section found by its heading, as a person scanning the page would. */
  async section(title: string): Promise<Locator> {
    await findByGuideLabel(this.page.getByRole('main'), ['heading'], title, 'The account page');
    return this.page.getByRole('region', { name: guideLabel(title) });
  }

  async textButton(sectionTitle: string, label: string): Promise<Locator> {
    return findByGuideLabel(
      await this.section(sectionTitle),
      ['link', 'button'],
      label,
      `The “${sectionTitle}” section`,
    );
  }

  /** Every text button of a section with this label, without waiting for one: for checking there is none. */
  async textButtonsNamed(sectionTitle: string, label: string): Promise<Locator> {
    const section = await this.section(sectionTitle);
    const name = guideLabel(label);
    return section.getByRole('link', { name }).or(section.getByRole('button', { name }));
  }

  async clickTextButton(sectionTitle: string, label: string): Promise<void> {
    await (await this.textButton(sectionTitle, label)).click();
  }
}
