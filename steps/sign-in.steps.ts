import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';
import { GuideDrift } from '../pages/support/drift.ts';

When(
  'I go to the website',
  verifies('sign-in.1', async function () {
    await (await this.useDevice()).home.open();
  }),
);

Then(
  'I see the {string} button in the right-upper corner',
  verifies('sign-in.2', async function (label: string) {
    await this.device.home.expectSignInButton();
    await expect(this.device.home.signInButton).toBeInTheRightUpperCorner(`the “${label}” button`);
  }),
);

When(
  'I click on the button located in the right-upper corner',
  verifies('sign-in.2', async function () {
    await this.device.home.clickSignInButton();
  }),
);

Then(
  'the sign in page opens',
  verifies('sign-in.2', async function () {
    await expect(this.device.signIn.heading).toBeVisible();
  }),
);

Given(
  'I am on the sign in page',
  verifies('sign-in.3', async function () {
    await (await this.useDevice()).signIn.open();
  }),
);

Given(
  'I have signed in',
  verifies('sign-in.4', async function () {
    await this.signInOn('A');
    await this.device.profiles.expectToOffer(this.profileNames, 'After signing in');
  }),
);

When(
  'I use my email address and password',
  verifies('sign-in.3', async function () {
    await this.device.signIn.enterCredentials(this.account.email, this.account.password);
  }),
);

When(
  'I click on the {string} button',
  verifies('sign-in.4', async function (label: string) {
    await this.device.signIn.clickSignIn(label);
  }),
);

When(
  'I sign in with the email {string} and the password {string}',
  verifies('sign-in.3', async function (email: string, password: string) {
    await this.device.signIn.signIn(this.resolve(email), this.resolve(password));
  }),
);

Then(
  'I see the message {string} above the form',
  verifies('sign-in.4', async function (message: string) {
    await this.device.signIn.expectMessageAboveTheForm(this.says(message));
  }),
);

Then(
  'I see the message {string} at the {word} field',
  verifies('sign-in.4', async function (message: string, field: string) {
    await expect(this.device.signIn.field(field)).toGiveTheReason(this.says(message), `the ${field} field`);
  }),
);

When('I note the message above the form', async function () {
  this.notes.signInMessage = await this.device.signIn.messageAboveTheForm();
});

Then(
  'I am not signed in',
  verifies('sign-in.4', async function () {
    await expect(this.device.signIn.heading).toBeVisible();
    const sessions = await this.control.activeSessions(this.account.id);
    if (sessions.length > 0) {
      throw new GuideDrift(
        'behaviour',
        `The site signed me in (the account has ${sessions.length} session(s)), though it should not have.`,
      );
    }
  }),
);

Then(
  'I am signed in on this device only',
  verifies('sign-in.4', async function () {
    const sessions = await this.control.activeSessions(this.account.id);
    if (sessions.length !== 1) {
      throw new GuideDrift(
        'behaviour',
        `The account has ${sessions.length} sessions after signing in on this device, where this device's should be the only one.`,
      );
    }
  }),
);

// Harness step, not a guide step: the guide never signs out.
When('I sign out', async function () {
  await this.device.header.signOut(this.device.profileInUse);
});

// The second guide's words for the same pages ("How to Sign Out of Netflix on Every Device at Once", steps 1–2).

When(
  'I open the website and click the {string} button in the top-right corner',
  verifies('sign-out-sign-in.1', async function (label: string) {
    const { home } = await this.useDevice();
    await home.open();
    await home.expectSignInButton();
    await expect(home.signInButton).toBeInTheRightUpperCorner(`the “${label}” button`);
    await home.clickSignInButton();
  }),
);

When(
  'I type my email address and password, then click {string}',
  verifies('sign-out-sign-in.2', async function (label: string) {
    await this.device.signIn.enterCredentials(this.account.email, this.account.password);
    await this.device.signIn.clickSignIn(label);
  }),
);
