// The guide's main path for a reader without a mouse: each acting step is the twin of a click step, done with Tab
// and Enter (or Space) through the page objects' keyboard methods; what follows each is checked by the usual steps.
import { When } from './support/bdd.ts';
import { partOfGuideStep, verifies } from './support/guide-step.ts';

// "All the actions you will perform now will be carried in the “MEMBERSHIP & BILLING” section." (account.4)
const MEMBERSHIP = 'MEMBERSHIP & BILLING';

When(
  'I press Enter on the button located in the right-upper corner',
  verifies('sign-in.2', async function () {
    await this.device.home.pressSignInButton();
  }),
);

When(
  'I type my email address and password, each field reached with Tab',
  verifies('sign-in.3', async function () {
    await this.device.signIn.typeCredentials(this.account.email, this.account.password);
  }),
);

When(
  'I press Enter on the {string} button',
  verifies('sign-in.4', async function (label: string) {
    await this.device.signIn.pressSignIn(label);
  }),
);

When(
  'I press Enter on the profile {string}',
  verifies('profile.2', async function (name: string) {
    await this.device.chooseProfile(name, 'keyboard');
  }),
);

When(
  'I press Enter on the profile name in the right-upper corner',
  verifies('account.1', async function () {
    await this.device.header.openProfileMenuByKeyboard(this.device.profileInUse);
  }),
);

When(
  'I press Enter on {string} in the pop-up menu',
  verifies('account.2', async function (label: string) {
    await this.device.header.chooseFromProfileMenuByKeyboard(label);
  }),
);

When(
  'I press Enter on the {string} text button',
  verifies('account.6', async function (label: string) {
    await this.device.account.pressTextButton(MEMBERSHIP, label);
  }),
);

When(
  'I change my password to {string} by keyboard, placing the tick near {string} with Space',
  verifies('password.5', async function (next: string, tick: string) {
    this.beforeLastingChange('it changes the password');
    const form = this.device.changePassword;
    // One Gherkin step for the guide's whole form: each field's failure is a drift of the sentence that names it.
    await partOfGuideStep('password.2', () => form.typeActualPasswordByKeyboard(this.account.password));
    await partOfGuideStep('password.3', () => form.typeNewPasswordTwiceByKeyboard(next));
    await partOfGuideStep('password.4', () => form.setTickByKeyboard(true, tick));
    await form.saveByKeyboard();
    this.notes.newPassword = next;
  }),
);

When(
  'I add the phone number {string} by keyboard, placing the tick for text messages with Space',
  verifies('phone.5', async function (number: string) {
    this.beforeLastingChange('it saves a phone number');
    const password = this.notes.newPassword ?? this.account.password;
    const form = this.device.addPhone;
    await partOfGuideStep('phone.2', () => form.typePhoneNumberByKeyboard(number));
    await partOfGuideStep('phone.3', () => form.typePasswordByKeyboard(password));
    await partOfGuideStep('phone.4', () => form.tickTextMessagesByKeyboard(true));
    await form.saveByKeyboard();
  }),
);

When(
  'I press Enter on the {string} button in {string}',
  verifies('phone.1', async function (label: string, section: string) {
    await this.device.account.pressTextButton(section, label);
  }),
);
