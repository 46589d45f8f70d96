import { Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';

When(
  'I click on the {string} button in {string}',
  verifies('phone.1', async function (label: string, section: string) {
    await this.device.account.clickTextButton(section, label);
  }),
);

Then(
  'the first field asks for the phone number, with the country {string} chosen',
  verifies('phone.2', async function (country: string) {
    const form = this.device.addPhone;
    await form.expectCountryChosen(country);
    await form.expectFields('phone number', 'password');
    await expect(form.fields('phone number', 'password')).toBeInTheGuideOrder();
  }),
);

Then(
  'the second field asks for my password',
  verifies('phone.3', async function () {
    const form = this.device.addPhone;
    await form.expectFields('phone number', 'password');
    await expect(form.password).toHaveAttribute('type', 'password');
    await expect(form.fields('phone number', 'password')).toBeInTheGuideOrder();
  }),
);

Then(
  'below them is a tick box to receive text messages',
  verifies('phone.4', async function () {
    const form = this.device.addPhone;
    await form.expectFields('password', 'text messages');
    await expect(form.fields('password', 'text messages')).toBeInTheGuideOrder();
  }),
);

Then(
  'the page offers the {string} and {string} buttons',
  verifies('phone.5', async function (first: string, second: string) {
    await this.device.addPhone.expectButton(first);
    await this.device.addPhone.expectButton(second);
  }),
);

When(
  'I choose the country {string}',
  verifies('phone.2', async function (country: string) {
    await this.device.addPhone.chooseCountry(country);
  }),
);

When(
  'I enter the phone number {string} in the first field',
  verifies('phone.2', async function (number: string) {
    await this.device.addPhone.enterPhoneNumber(this.resolve(number));
  }),
);

When(
  'I type my password in the second field',
  verifies('phone.3', async function () {
    await this.device.addPhone.typePassword(this.account.password);
  }),
);

When(
  'I type the password {string} in the second field',
  verifies('phone.3', async function (password: string) {
    await this.device.addPhone.typePassword(this.resolve(password));
  }),
);

When(
  'I place a tick to receive text messages',
  verifies('phone.4', async function () {
    await this.device.addPhone.tickTextMessages(true);
  }),
);

When(
  'I leave the tick box empty',
  verifies('phone.4', async function () {
    await this.device.addPhone.tickTextMessages(false);
  }),
);

When(
  'I click on the "Save" button of the phone number page',
  verifies('phone.5', async function () {
    this.beforePhoneChange();
    await this.device.addPhone.save();
  }),
);

When('I click on the "Cancel" button of the phone number page', async function () {
  await this.device.addPhone.cancel();
});

Then(
  'the first field says {string}',
  verifies('phone.2', async function (reason: string) {
    await expect(this.device.addPhone.phoneNumber).toGiveTheReason(
      this.says(reason),
      'the first field (the phone number)',
    );
  }),
);

Then(
  'the second field says {string}',
  verifies('phone.3', async function (reason: string) {
    await expect(this.device.addPhone.password).toGiveTheReason(this.says(reason), 'the second field (the password)');
  }),
);

Then(
  'I am back in the settings of my account',
  verifies('phone.5', async function () {
    await expect(this.device.account.heading).toBeVisible();
  }),
);

Then(
  'the {string} section shows my phone number as {string}',
  verifies('phone.5', async function (section: string, shown: string) {
    await this.device.account.expectSectionShows(section, this.says(shown));
  }),
);

Then(
  'the {string} section shows my choice {string}',
  verifies('phone.4', async function (section: string, choice: string) {
    await this.device.account.expectSectionShows(section, this.says(choice));
  }),
);

Then(
  'the {string} section now offers the {string} button',
  verifies('phone.5', async function (section: string, label: string) {
    await this.device.account.expectTextButton(section, label);
  }),
);

Then(
  'the site keeps my phone number as {string} with text messages {string}',
  verifies('phone.5', async function (e164: string, choice: string) {
    await this.expectKeptPhone({ e164, textMessages: choice === 'On' });
  }),
);

Then(
  'no phone number was saved',
  verifies('phone.5', async function () {
    await this.expectKeptPhone(null);
  }),
);
