import { Given, Then } from './support/bdd.ts';
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
    await (await this.useDevice(name)).loadNextPage();
    await expect(this.device.signIn.heading, `device ${name} should have to sign in again`).toBeVisible();
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
