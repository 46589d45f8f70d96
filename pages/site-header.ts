import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel } from './support/drift.ts';

/** The header shown once a profile is chosen, with the profile's pop-up menu in the right-upper corner. */
export class SiteHeader {
  readonly page: Page;
  readonly banner: Locator;
  readonly profileButton: Locator;
  readonly profileMenu: Locator;

  constructor(page: Page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    // Found anywhere on the page, as a person would: when it leaves the header, the placement check says where it went.
    this.profileButton = page.locator('button[aria-haspopup="menu"], [aria-haspopup="true"]').first();
    this.profileMenu = page.getByRole('menu');
  }

  /** The profile's name on the button that opens its pop-up menu, wherever the page puts it. */
  profileName(name: string): Locator {
    return this.profileButton.getByText(name, { exact: true });
  }

  async openProfileMenu(): Promise<void> {
    await this.profileButton.click();
    await this.profileMenu.waitFor({ state: 'visible' });
  }

  async chooseFromProfileMenu(label: string): Promise<void> {
    await (await this.menuItem(label)).click();
  }

  /** Signs out from the pop-up menu and waits for the signed-out home page. */
  async signOut(): Promise<void> {
    await this.openProfileMenu();
    await this.profileMenu.getByRole('menuitem', { name: /^\s*sign out/i }).click();
    await this.page.waitForURL((url) => url.pathname === '/');
  }

  menuItem(label: string): Promise<Locator> {
    return findByGuideLabel(this.profileMenu, ['menuitem', 'link'], label, 'The profile’s pop-up menu');
  }
}
