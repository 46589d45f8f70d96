import type { Locator, Page } from '@playwright/test';
import { findByGuideLabel, GuideDrift, guideLabel } from './support/drift.ts';
import { findFieldByLabel } from './support/fields.ts';

const PLACE = 'The phone number page';

/**
 * The page behind "Add phone number" (and "Change phone number"): the phone number with its country first, the
 * account password second, a tick box for text messages below, then "Save". Its labels are the site's; the guide
 * only names the fields by their place, which Then steps check.
 */
export class AddPhonePage {
  readonly page: Page;
  readonly form: Locator;
  readonly heading: Locator;
  /** The country option the selector shows as chosen. */
  readonly chosenCountry: Locator;
  /** The fields as they are now, for checking what they say; acting goes through the methods below. */
  readonly phoneNumber: Locator;
  readonly password: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByRole('main').locator('form');
    this.heading = page.getByRole('heading', { level: 1, name: /phone number/i });
    this.chosenCountry = this.form.getByLabel(guideLabel('Country')).locator('option:checked');
    this.phoneNumber = this.form.getByLabel(guideLabel('Phone number'));
    this.password = this.form.getByLabel(guideLabel('Password'));
  }

  countrySelector(): Promise<Locator> {
    return findByGuideLabel(this.form, ['combobox'], 'Country', PLACE);
  }

  phoneNumberField(): Promise<Locator> {
    return findByGuideLabel(this.form, ['textbox'], 'Phone number', PLACE);
  }

  passwordField(): Promise<Locator> {
    return findFieldByLabel(this.form, 'Password', PLACE);
  }

  textMessagesBox(): Promise<Locator> {
    return findByGuideLabel(this.form, ['checkbox'], 'Receive text messages', PLACE);
  }

  button(label: string): Promise<Locator> {
    return findByGuideLabel(this.form, ['button', 'link'], label, PLACE);
  }

  /** Chooses a country by its name, whatever the option adds to it (e.g. its calling code). */
  async chooseCountry(name: string): Promise<void> {
    const selector = await this.countrySelector();
    const startsWithName = new RegExp(`^\\s*${escapeRegExp(name)}(\\s|$)`, 'i');
    const option = selector.locator('option').filter({ hasText: startsWithName }).first();
    if (!(await option.count())) throw new GuideDrift('missing', `${PLACE} offers no country “${name}” to choose.`);
    await selector.selectOption((await option.getAttribute('value')) ?? name);
  }

  async enterPhoneNumber(number: string): Promise<void> {
    await (await this.phoneNumberField()).fill(number);
  }

  async typePassword(password: string): Promise<void> {
    await (await this.passwordField()).fill(password);
  }

  /** Sets the box to the state wanted, whatever the page started with. */
  async tickTextMessages(wanted: boolean): Promise<void> {
    await (await this.textMessagesBox()).setChecked(wanted);
  }

  async save(): Promise<void> {
    await (await this.button('Save')).click();
  }

  /** A hurried double-click: the page must still send the number once. */
  async saveWithDoubleClick(): Promise<void> {
    await (await this.button('Save')).dblclick();
  }

  async cancel(): Promise<void> {
    await (await this.button('Cancel')).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
