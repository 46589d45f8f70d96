import type { NetworkFault } from '../pages/network-faults.ts';
import { Given, Then, When } from './support/bdd.ts';
import { checksPromise, verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';
import type { ScenarioWorld } from './support/world.ts';

// Faults between this device's browser and the site: what the page says, and that nothing is lost.

const FAULTS: Record<string, NetworkFault> = {
  'a server error': 'server error',
  'a dropped connection': 'dropped connection',
};

Given("this device's next request to save meets {string}", async function (fault: string) {
  const injected = FAULTS[fault];
  if (!injected) throw new Error(`No fault is called “${fault}”; known: ${Object.keys(FAULTS).join(', ')}.`);
  await this.device.network.inject(injected);
});

Given('the site answers this device slowly', async function () {
  await this.device.network.inject('slow answer');
});

When(
  'I double-click on the "Save" button of the phone number page',
  verifies('phone.5', async function () {
    this.beforeLastingChange('it saves a phone number');
    await this.device.addPhone.saveWithDoubleClick();
  }),
);

When(
  'I double-click on the "Save" button to save my new password',
  verifies('password.5', async function () {
    this.beforeLastingChange('it saves a new password');
    await this.device.changePassword.saveWithDoubleClick();
  }),
);

/** What the guide's "Save" leads to when the site fails to answer: the page says so and offers to try again. */
async function saysNothingWasChanged(this: ScenarioWorld, message: string) {
  await expect(
    this.device.formMessage.saying(this.says(message)),
    'what the page says about the failed save',
  ).toBeVisible();
  await expect(this.device.formMessage.tryAgain, 'the offer to try again').toBeVisible();
}

Then('the phone number page says {string} and offers to try again', checksPromise('phone.5', saysNothingWasChanged));

Then('the password page says {string} and offers to try again', checksPromise('password.5', saysNothingWasChanged));

When('I click on "Try again"', async function () {
  await this.device.formMessage.tryAgain.click();
});

/** A double-click on the guide's "Save" while the site is slow sends the change once. */
async function sentTheChangeOnce(this: ScenarioWorld) {
  expect(
    this.device.network.changesSent,
    'how many times this browser sent the change (a double-click must send it once)',
  ).toBe(1);
}

Then('this device sent the phone number once', checksPromise('phone.5', sentTheChangeOnce));

Then('this device sent the new password once', checksPromise('password.5', sentTheChangeOnce));

Then(
  'my new password works',
  verifies('password.5', async function () {
    const fresh = await this.signInOnAFreshDevice(this.noted('newPassword'));
    await fresh.signIn.expectAccepted('The new password');
    await fresh.profiles.expectToOffer(this.profileNames, 'After signing in with the new password');
  }),
);
