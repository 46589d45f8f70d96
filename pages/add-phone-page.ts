import type { Locator, Page } from '@playwright/test';
import { escapeRegExp, findByGuideLabel, GuideDrift, meaningWords } from './support/drift.ts';
import { findFieldByLabel, typeableFields } from './support/fields.ts';
import { clickAndAwaitAnswer } from './support/forms.ts';
import { pressAndAwaitAnswer, tickByKeyboard, typeInto } from './support/keyboard.ts';

const PLACE = 'The phone number page';
/** The buttons the guide's page has: a button with another of them was not renamed. */
const BUTTONS = ['Save', 'Cancel'];

/**
 * The page behind "Add phone number" (and "Change phone number"): "the phone number you want to add in the first
 * field", "the actual password in the second field", "a tick below, if you wish to receive text messages", "Save".
 * The guide names the fields by their place and meaning, not by label, so that is how they are found.
 */
export class AddPhonePage {
  readonly page: Page;
  /** The fields as they are now, for checking what they say; acting goes through the methods below. */
  readonly phoneNumber: Locator;
  readonly password: Locator;

  constructor(page: Page) {
    this.page = page;
    this.phoneNumber = page
      .getByRole('textbox', { name: /phone|mobile/i })
      .filter({ visible: true })
      .first();
    this.password = page
      .getByLabel(/password/i)
      .and(typeableFields(page))
      .first();
  }

  /** The country the country selector shows as chosen (its option's text, e.g. "United States (+1)"). */
  async chosenCountry(): Promise<Locator> {
    return (await this.countrySelector()).locator('option:checked');
  }

  countrySelector(): Promise<Locator> {
    return findByGuideLabel(this.page, ['combobox'], 'Country', PLACE, { matching: /country|region/i });
  }

  /** A text box nothing names is still the phone field to the eye, but a screen reader announces no name for it. */
  async phoneNumberField(): Promise<Locator> {
    try {
      return await findByGuideLabel(this.page, ['textbox'], 'Phone number', PLACE, { matching: /phone|mobile/i });
    } catch (error) {
      const unnamed = this.page.getByRole('textbox', { name: /^$/ }).filter({ visible: true });
      if (!(error instanceof GuideDrift) || error.kind !== 'missing' || !(await unnamed.count())) throw error;
      throw new GuideDrift(
        'unusable',
        `${PLACE} has a text box where the guide's first field is, but nothing names it “Phone number”: it has no label, so a screen reader announces an unnamed field.`,
      );
    }
  }

  passwordField(): Promise<Locator> {
    return findFieldByLabel(this.page, 'Password', /password/i, PLACE);
  }

  textMessagesBox(): Promise<Locator> {
    return findByGuideLabel(this.page, ['checkbox'], 'Receive text messages', PLACE, {
      matching: meaningWords('text', 'message'),
    });
  }

  button(label: string): Promise<Locator> {
    return findByGuideLabel(this.page, ['button', 'link'], label, PLACE, { alsoNamedHere: BUTTONS });
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
    await clickAndAwaitAnswer(this.page, await this.button('Save'));
  }

  /** The guide's phone step by keyboard only: Tab to each field, type, Space for the tick, Enter on "Save". */
  async addPhoneByKeyboard(number: string, password: string, textMessages: boolean): Promise<void> {
    await typeInto(await this.phoneNumberField(), 'Phone number', PLACE, number);
    await typeInto(await this.passwordField(), 'Password', PLACE, password);
    await tickByKeyboard(await this.textMessagesBox(), 'Receive text messages', PLACE, textMessages);
    await pressAndAwaitAnswer(await this.button('Save'), 'Save', PLACE);
  }

  /** Tries to save the number again and again, each time with another wrong password, as someone guessing would. */
  async saveWithWrongPasswords(number: string, times: number): Promise<void> {
    for (let attempt = 1; attempt <= times; attempt++) {
      await this.enterPhoneNumber(number);
      await this.typePassword(`wrong-password-${attempt}`);
      await this.save();
    }
  }

  /** A hurried double-click: the page must still send the number once. */
  async saveWithDoubleClick(): Promise<void> {
    await (await this.button('Save')).dblclick();
  }

  async cancel(): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.button('Cancel'));
  }
}
