import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, guideLabel } from './support/drift.ts';

/** "Your Account": the settings of the account, in sections such as "MEMBERSHIP & BILLING". */
export class AccountPage {
  readonly page: Page;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: /^\s*account/i });
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

  async clickTextButton(sectionTitle: string, label: string): Promise<void> {
    await (await this.textButton(sectionTitle, label)).click();
  }
}
