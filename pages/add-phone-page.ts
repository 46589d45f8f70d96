import type { Locator, Page } from '@playwright/test';
import { escapeRegExp, findByGuideLabel, GuideDrift, guideControl, meaningWords } from './support/drift.ts';
import { findFieldByLabel, typeableFields } from './support/fields.ts';
import { clickAndAwaitAnswer, personWaitMs } from './support/forms.ts';
import { pressAndAwaitAnswer, tickByKeyboard, typeInto } from './support/keyboard.ts';

const PLACE = 'The phone number page';
/** The buttons the guide's page has: a button with another of them was not renamed. */
const BUTTONS = ['Save', 'Cancel'];
/** The button that sends the phone form: a control of another name sending it stands in its place (renamed). */
const SENDS_THE_FORM = ['Save'];
const BUTTON_ROLES = ['button', 'link'] as const;
const COUNTRY = /country|region/i;
const PHONE = /phone|mobile/i;
const TEXT_MESSAGES = meaningWords('text', 'message');
const WAIT_FOR_CHOICE_MS = 5_000;

/**
 * The page behind "Add phone number" (and "Change phone number"): "the phone number you want to add in the first
 * field", "the actual password in the second field", "a tick below, if you wish to receive text messages", "Save".
 * The guide names the fields by their place and meaning, not by label, so that is how they are found.
 */
/** The fields the guide names on this page, by what they ask for. */
export type PhoneField = 'phone number' | 'password' | 'text messages';

export class AddPhonePage {
  readonly page: Page;
  /** The country selector before the phone number, whatever the site calls it. */
  readonly countrySelector: Locator;
  /** The country the country selector shows as chosen (its option's text, e.g. "United States (+1)"). */
  readonly chosenCountry: Locator;
  readonly phoneNumber: Locator;
  readonly password: Locator;
  /** The tick box "if you wish to receive text messages", by its meaning words. */
  readonly textMessages: Locator;

  constructor(page: Page) {
    this.page = page;
    this.countrySelector = guideControl(page, ['combobox'], 'Country', { matching: COUNTRY });
    this.chosenCountry = this.countrySelector.locator('option:checked');
    this.phoneNumber = guideControl(page, ['textbox'], 'Phone number', { matching: PHONE });
    this.password = page
      .getByLabel(/password/i)
      .and(typeableFields(page))
      .first();
    this.textMessages = guideControl(page, ['checkbox'], 'Receive text messages', { matching: TEXT_MESSAGES });
  }

  /** A button of the page, by the guide's label. */
  button(label: string): Locator {
    return guideControl(this.page, BUTTON_ROLES, label);
  }

  /** The fields, as the guide names them, for checking their order. */
  fields(...which: PhoneField[]): { what: string; field: Locator }[] {
    const field = { 'phone number': this.phoneNumber, password: this.password, 'text messages': this.textMessages };
    const what = {
      'phone number': 'the phone number',
      password: 'the password',
      'text messages': 'the tick box for text messages',
    };
    return which.map((name) => ({ what: what[name], field: field[name] }));
  }

  /** The page has each field; otherwise says which one is missing or cannot be used, and what the page shows. */
  async expectFields(...which: PhoneField[]): Promise<void> {
    const find = {
      'phone number': () => this.#findPhoneNumberField(),
      password: () => this.#findPasswordField(),
      'text messages': () => this.#findTextMessagesBox(),
    };
    for (const name of which) await find[name]();
  }

  /** The page offers the button; otherwise says it was renamed, moved, covered or is missing. */
  async expectButton(label: string): Promise<void> {
    await this.#findButton(label);
  }

  /** The country selector shows the country chosen, e.g. "United States" for "United States (+1)". */
  async expectCountryChosen(country: string): Promise<void> {
    const chosen = (await this.#findCountrySelector()).locator('option:checked');
    const deadline = Date.now() + personWaitMs(this.page, WAIT_FOR_CHOICE_MS);
    let shown: string;
    do {
      shown = ((await chosen.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
      if (shown.toLowerCase().includes(country.toLowerCase())) return;
      await this.page.waitForTimeout(100);
    } while (Date.now() < deadline);
    throw new GuideDrift(
      'behaviour',
      `${PLACE} should have the country “${country}” chosen, but it shows ${shown ? `“${shown}”` : 'none'}.`,
    );
  }

  #findCountrySelector(): Promise<Locator> {
    return findByGuideLabel(this.page, ['combobox'], 'Country', PLACE, { matching: COUNTRY });
  }

  /** A text box nothing names is still the phone field to the eye, but a screen reader announces no name for it. */
  async #findPhoneNumberField(): Promise<Locator> {
    try {
      return await findByGuideLabel(this.page, ['textbox'], 'Phone number', PLACE, { matching: PHONE });
    } catch (error) {
      const unnamed = this.page.getByRole('textbox', { name: /^$/ }).filter({ visible: true });
      if (!(error instanceof GuideDrift) || error.kind !== 'missing' || !(await unnamed.count())) throw error;
      throw new GuideDrift(
        'unusable',
        `${PLACE} has a text box where the guide's first field is, but nothing names it “Phone number”: it has no label, so a screen reader announces an unnamed field.`,
      );
    }
  }

  #findPasswordField(): Promise<Locator> {
    return findFieldByLabel(this.page, 'Password', /password/i, PLACE);
  }

  #findTextMessagesBox(): Promise<Locator> {
    return findByGuideLabel(this.page, ['checkbox'], 'Receive text messages', PLACE, { matching: TEXT_MESSAGES });
  }

  #findButton(label: string): Promise<Locator> {
    return findByGuideLabel(this.page, BUTTON_ROLES, label, PLACE, {
      alsoNamedHere: BUTTONS,
      sendsTheForm: SENDS_THE_FORM.includes(label),
    });
  }

  /** Chooses a country by its name, whatever the option adds to it (e.g. its calling code). */
  async chooseCountry(name: string): Promise<void> {
    const selector = await this.#findCountrySelector();
    const startsWithName = new RegExp(`^\\s*${escapeRegExp(name)}(\\s|$)`, 'i');
    const option = selector.locator('option').filter({ hasText: startsWithName }).first();
    if (!(await option.count())) throw new GuideDrift('missing', `${PLACE} offers no country “${name}” to choose.`);
    await selector.selectOption((await option.getAttribute('value')) ?? name);
  }

  async enterPhoneNumber(number: string): Promise<void> {
    await (await this.#findPhoneNumberField()).fill(number);
  }

  async typePassword(password: string): Promise<void> {
    await (await this.#findPasswordField()).fill(password);
  }

  /** Sets the box to the state wanted, whatever the page started with. */
  async tickTextMessages(wanted: boolean): Promise<void> {
    await (await this.#findTextMessagesBox()).setChecked(wanted);
  }

  async save(): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findButton('Save'));
  }

  /** By keyboard only: Tab to the phone number field, type the number. */
  async typePhoneNumberByKeyboard(number: string): Promise<void> {
    await typeInto(await this.#findPhoneNumberField(), 'Phone number', PLACE, number);
  }

  /** By keyboard only: Tab to the password field, type the password. */
  async typePasswordByKeyboard(password: string): Promise<void> {
    await typeInto(await this.#findPasswordField(), 'Password', PLACE, password);
  }

  /** By keyboard only: Tab to the text messages tick box, Space until it is as wanted. */
  async tickTextMessagesByKeyboard(wanted: boolean): Promise<void> {
    await tickByKeyboard(await this.#findTextMessagesBox(), 'Receive text messages', PLACE, wanted);
  }

  /** By keyboard only: Tab to "Save", Enter, and wait for the site's answer. */
  async saveByKeyboard(): Promise<void> {
    await pressAndAwaitAnswer(await this.#findButton('Save'), 'Save', PLACE);
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
    await (await this.#findButton('Save')).dblclick();
  }

  async cancel(): Promise<void> {
    await clickAndAwaitAnswer(this.page, await this.#findButton('Cancel'));
  }
}
