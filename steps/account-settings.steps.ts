import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import { expect } from './support/matchers.ts';

When(
  'I click on the profile name in the right-upper corner',
  verifies('account.1', async function () {
    await this.device.header.openProfileMenu(this.device.profileInUse);
  }),
);

Then(
  'I see a pop-up menu offering {string}',
  verifies('account.2', async function (label: string) {
    await this.device.header.expectMenuItem(label);
  }),
);

When(
  'I click on {string} in the pop-up menu',
  verifies('account.2', async function (label: string) {
    await this.device.header.chooseFromProfileMenu(label);
  }),
);

Given(
  'I have opened {string} from the pop-up menu',
  verifies('account.2', async function (label: string) {
    await this.device.header.openProfileMenu(this.device.profileInUse);
    await this.device.header.chooseFromProfileMenu(label);
  }),
);

Then(
  'I access the settings of my account',
  verifies('account.3', async function () {
    await expect(this.device.account.heading).toBeVisible();
  }),
);

Then(
  'I see the {string} section with my email address and a masked password',
  verifies('account.4', async function (title: string) {
    await this.device.account.expectSection(title);
    const section = this.device.account.section(title);
    await expect(section).toContainText(this.account.email);
    await expect(section).toContainText(/\*{6,}|•{6,}/);
    await expect(section).not.toContainText(this.account.password);
  }),
);

Then(
  'on the right of {string} I see the text buttons {string} and {string}',
  verifies('account.5', async function (title: string, first: string, second: string) {
    const { account } = this.device;
    for (const label of [first, second]) await account.expectTextButton(title, label);
    for (const label of [first, second]) {
      await expect(account.textButton(title, label)).toBeOnTheRightOf(
        account.section(title),
        `the “${label}” text button`,
      );
    }
  }),
);

// "All the actions you will perform now will be carried in the “MEMBERSHIP & BILLING” section." (account.4)
const MEMBERSHIP = 'MEMBERSHIP & BILLING';

When(
  'I click on the {string} text button',
  verifies('account.6', async function (label: string) {
    await this.device.account.clickTextButton(MEMBERSHIP, label);
  }),
);

Then(
  'the {string} section says {string}',
  verifies('account.6', async function (title: string, text: string) {
    await this.device.account.expectSectionShows(title, this.says(text));
  }),
);

Then(
  'it offers no {string} text button',
  verifies('account.6', async function (label: string) {
    await this.device.account.expectSection(MEMBERSHIP);
    await expect(this.device.account.textButtonsNamed(MEMBERSHIP, label)).toHaveCount(0);
  }),
);

Then(
  'I can click on the {string} button there',
  verifies('phone.1', async function (label: string) {
    await this.device.account.expectTextButton(MEMBERSHIP, label);
    await expect(this.device.account.textButton(MEMBERSHIP, label)).toBeEnabled();
  }),
);

// The second guide's words ("How to Sign Out of Netflix on Every Device at Once", steps 4–6).

When(
  'I hover over or click my profile name in the top-right corner and choose {string} from the menu',
  verifies('sign-out-account.1', async function (label: string) {
    const { header, profileInUse } = this.device;
    await expect(header.profileName(profileInUse)).toBeInTheRightUpperCorner(`the profile name “${profileInUse}”`);
    await this.noteOnGuideStep(await header.openProfileMenuByHoverOrClick(profileInUse));
    await header.chooseFromProfileMenu(label);
  }),
);

When(
  'I scroll down to the {string} section of the account page',
  verifies('sign-out-account.2', async function (title: string) {
    await expect(this.device.account.heading).toBeVisible();
    await this.device.account.scrollToSection(title);
    await expect(this.device.account.section(title)).toBeInViewport();
  }),
);

// "Scroll down to the “SETTINGS” section … Click the “Sign out of all devices” link." (sign-out-account.2, 6.1)
const SETTINGS = 'SETTINGS';

When(
  'I click the {string} link',
  verifies('sign-out-account.3', async function (label: string) {
    await this.device.account.clickTextButton(SETTINGS, label);
  }),
);
