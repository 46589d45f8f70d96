import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';

Then(
  'I am asked to choose one of the profiles',
  verifies('profile.1', async function () {
    await this.device.profiles.expectToOffer(this.profileNames, 'After signing in');
  }),
);

Then(
  'I see the profiles {string}',
  verifies('profile.1', async function (names: string) {
    await expect(this.profileChoices(names.split(',').map((name) => name.trim()))).toBeInTheGuideOrder();
  }),
);

When(
  'I click on the profile {string}',
  verifies('profile.2', async function (name: string) {
    await this.device.chooseProfile(name);
  }),
);

Given(
  'I have clicked on the profile {string}',
  verifies('profile.2', async function (name: string) {
    await this.device.chooseProfile(name);
    await this.device.header.expectProfileInUse(name, this.profileNames);
  }),
);

Then(
  'the profile name {string} is placed in the right-upper corner',
  verifies('account.1', async function (name: string) {
    await this.device.header.expectProfileInUse(name, this.profileNames);
    await expect(this.device.header.profileName(name)).toBeInTheRightUpperCorner(`the profile name “${name}”`);
  }),
);

When(
  'I pick the profile {string} on the "Who\'s watching?" screen',
  verifies('sign-out-sign-in.3', async function (name: string) {
    await this.device.profiles.expectToOffer(this.profileNames, 'After signing in');
    await this.device.chooseProfile(name);
    await this.device.header.expectProfileInUse(name, this.profileNames);
  }),
);
