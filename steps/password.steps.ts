import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';

/** What the guide's fields ask for, in whatever words the site labels them. */
const ACTUAL_PASSWORD = /current|actual|old|existing/i;
const NEW_PASSWORD = /^(?!.*(confirm|again|repeat|re-?enter)).*new/i;
const CONFIRMATION = /confirm|again|repeat|re-?enter/i;

/** A confirmation that the password was changed, in whatever words the site chose. */
const PASSWORD_UPDATED = /password.*\b(updated|changed|saved|reset)\b|\b(updated|changed|saved)\b.*password/i;

Then(
  'the next page lets me set up a new password',
  verifies('password.1', async function () {
    await expect(this.device.changePassword.heading).toBeVisible();
  }),
);

Then(
  'the first field asks for my actual password',
  verifies('password.2', async function () {
    await this.device.changePassword.expectFieldAsks(1, ACTUAL_PASSWORD, 'the actual password');
  }),
);

Then(
  'the next two fields ask for the new password, then its confirmation',
  verifies('password.3', async function () {
    await this.device.changePassword.expectFieldAsks(2, NEW_PASSWORD, 'the new password');
    await this.device.changePassword.expectFieldAsks(3, CONFIRMATION, 'its confirmation');
  }),
);

When(
  'I enter {string} in the first field',
  verifies('password.2', async function (password: string) {
    await this.device.changePassword.enterActualPassword(this.resolve(password));
  }),
);

When(
  'I enter {string} and {string} in the next two fields',
  verifies('password.3', async function (password: string, confirmation: string) {
    await this.device.changePassword.enterNewPasswordTwice(this.newPassword(password), this.newPassword(confirmation));
    this.notes.newPassword = this.newPassword(password);
  }),
);

When(
  'I place a tick near {string}',
  verifies('password.4', async function (label: string) {
    await this.device.changePassword.setTick(true, label);
  }),
);

When(
  'I remove the tick near {string}',
  verifies('password.4', async function (label: string) {
    await this.device.changePassword.setTick(false, label);
  }),
);

When(
  'I click on the {string} button to save my new password',
  verifies('password.5', async function (label: string) {
    this.beforePasswordChange(this.noted('newPassword'));
    await this.device.changePassword.save(label);
  }),
);

Given(
  'I have changed my password to {string} from the {string} text button',
  verifies('password.5', async function (password: string, textButton: string) {
    this.beforePasswordChange(this.newPassword(password));
    await this.device.account.clickTextButton('MEMBERSHIP & BILLING', textButton);
    await this.device.changePassword.changePassword({
      current: this.account.password,
      next: this.newPassword(password),
      signOutOtherDevices: false,
    });
    this.notes.newPassword = this.newPassword(password);
  }),
);

Given(
  'I have changed my password to {string} from the {string} text button, with a tick near {string}',
  verifies('password.4', async function (password: string, textButton: string, tickLabel: string) {
    this.beforePasswordChange(this.newPassword(password));
    await this.device.account.clickTextButton('MEMBERSHIP & BILLING', textButton);
    await this.device.changePassword.changePassword({
      current: this.account.password,
      next: this.newPassword(password),
      signOutOtherDevices: true,
      tick: tickLabel,
    });
    this.notes.newPassword = this.newPassword(password);
  }),
);

const POSITIONS: Record<string, number> = { first: 1, second: 2, third: 3 };

Then(
  'I see {string} at the {word} field',
  verifies('password.5', async function (message: string, which: string) {
    await expect(this.device.changePassword.field(POSITIONS[which] ?? 0)).toGiveTheReason(
      this.says(message),
      `the ${which} field`,
    );
  }),
);

Then(
  'I am still signed in on this device, back on the settings of my account',
  verifies('password.4', async function () {
    await expect(this.device.account.heading, 'this device should still be signed in').toBeVisible();
  }),
);

Then(
  'I am back on the page of settings',
  verifies('password.6', async function () {
    await expect(this.device.account.heading).toBeVisible();
  }),
);

Then(
  'I see a confirmation that my password has been updated',
  verifies('password.6', async function () {
    await expect(this.device.account.confirmationThat(PASSWORD_UPDATED)).toBeVisible();
  }),
);

Then(
  'my old password no longer does',
  verifies('password.5', async function () {
    const device = await this.signInOnAFreshDevice(this.account.password);
    await device.signIn.expectRefused('The old password');
  }),
);

Then(
  'my new password signs me in on another device',
  verifies('password.5', async function () {
    const fresh = await this.signInOnAFreshDevice(this.noted('newPassword'));
    await fresh.signIn.expectAccepted('The new password');
    await fresh.profiles.expectToOffer(this.profileNames, 'After signing in with the new password');
  }),
);

Then(
  'my old password still works',
  verifies('password.5', async function () {
    const fresh = await this.signInOnAFreshDevice(this.account.password);
    await fresh.signIn.expectAccepted('The old password');
    await fresh.profiles.expectToOffer(this.profileNames, 'After signing in with the old password');
  }),
);
