import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';

/** What a notice says when the password was changed elsewhere, in whatever words. */
const PASSWORD_CHANGED = /password.*\b(changed|updated|reset|new)\b|\b(changed|updated|reset)\b.*password/i;

// Each device is its own browser context, so its own cookies and its own session on the site.

Given(
  'I have signed in on device {word}',
  verifies('sign-in.4', async function (name: string) {
    await this.signInOn(name);
    await this.device.profiles.expectToOffer(this.profileNames, `After signing in on device ${name}`);
    await this.noteSessionOf(name);
  }),
);

Then(
  'on device {word} the next page load shows the sign in page',
  verifies('password.4', async function (name: string) {
    const device = await this.useDevice(name);
    await device.loadNextPage();
    await device.signIn.expectToHaveToSignIn(`Device ${name}`);
  }),
);

Then(
  'the sign in page says why: the password was changed',
  verifies('password.4', async function () {
    await expect
      .poll(() => this.device.signIn.messageAboveTheForm(), { message: 'what the sign in page says above the form' })
      .toMatch(PASSWORD_CHANGED);
  }),
);

Then(
  'on device {word} the next page load shows me still signed in',
  verifies('password.4', async function (name: string) {
    await (await this.useDevice(name)).loadNextPage();
    const device = await this.useDevice(name);
    await expect(
      device.header.profileName(device.profileInUse),
      `device ${name} should still be signed in`,
    ).toBeVisible();
  }),
);

Then(
  'the site has signed out every device but this one, which has a new session',
  verifies('password.4', async function () {
    await this.expectSessions({ stillSignedIn: [], newSessions: 1 }, 'after the change, although the tick was placed');
  }),
);

Then(
  'device B keeps its session and this device has a new one',
  verifies('password.4', async function () {
    await this.expectSessions(
      { stillSignedIn: ['B'], newSessions: 1 },
      'after the change, although the tick was removed',
    );
  }),
);

Then(
  'device A and device B keep the sessions they had',
  verifies('password.5', async function () {
    await this.expectSessions({ stillSignedIn: ['A', 'B'], newSessions: 0 }, 'by a change the site refused');
  }),
);

// "How to Sign Out of Netflix on Every Device at Once", steps 7–8.

/** The account page's message, in whatever words: the other (or all) devices are, or will be, signed out. */
const OTHER_DEVICES_SIGNED_OUT =
  /\b(other|all|every)\b[^.]*\bdevices?\b[^.]*\b(sign|log)(ged|s|ing)?[\s-]*out\b|\b(sign|log)(ged|s|ing)?[\s-]*out\b[^.]*\b(other|all|every)\b[^.]*\bdevices?\b/i;

Then(
  'the next page explains what will happen and asks me to click {string}',
  verifies('sign-out.1', async function (label: string) {
    await this.device.signOutEverywhere.expectToExplainAndAsk(label);
  }),
);

Then(
  'no device has been signed out yet',
  verifies('sign-out.1', async function () {
    await this.expectSessions({ stillSignedIn: ['A', 'B'], newSessions: 0 }, 'before “Sign Out” was clicked');
  }),
);

When(
  'I go back to my account page without confirming',
  verifies('sign-out.1', async function () {
    await this.device.signOutEverywhere.goBackWithoutConfirming();
    await expect(this.device.account.heading).toBeVisible();
  }),
);

When(
  'I click the {string} button to confirm',
  verifies('sign-out.2', async function (label: string) {
    await this.device.signOutEverywhere.confirm(label);
  }),
);

Then(
  'I stay signed in on the browser I am using',
  verifies('sign-out.3', async function () {
    await this.device.header.expectStillSignedIn(this.device.profileInUse, 'After “Sign Out”');
  }),
);

Then(
  'I am taken back to my account page with a message that the other devices will be signed out',
  verifies('sign-out.3', async function () {
    await expect(this.device.account.heading).toBeVisible();
    await expect(this.device.account.statusMessage(OTHER_DEVICES_SIGNED_OUT)).toBeVisible();
  }),
);

Then(
  'the site has signed out every other device, and this one has a new session',
  verifies('sign-out.3', async function () {
    await this.expectSessions({ stillSignedIn: [], newSessions: 1 }, 'after “Sign Out”');
  }),
);

Then(
  'on device {word} the next page load asks me to sign in again',
  verifies('sign-out.3', async function (name: string) {
    const device = await this.useDevice(name);
    await device.loadNextPage();
    await device.signIn.expectToHaveToSignIn(`Device ${name}`);
  }),
);
