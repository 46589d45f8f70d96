import { Given, Then, When } from './support/bdd.ts';
import { checksPromise, partOfGuideStep, verifies } from './support/guide-step.ts';
import type { ScenarioWorld } from './support/world.ts';
import { expect } from './support/matchers.ts';
import { GuideDrift } from '../pages/support/drift.ts';

// The site's security promises (docs/site-rules.md), checked the way a person or an attacker would meet them.

When(
  'I sign in {int} times with the email {string} and the password {string}',
  verifies('sign-in.3', async function (times: number, email: string, password: string) {
    this.beforeLastingChange('its failed sign-ins lock the email for 15 minutes');
    this.notes.signInAnswers = await this.device.signIn.signInRepeatedly(
      this.resolve(email),
      this.resolve(password),
      times,
    );
  }),
);

Then(
  'every answer was {string}',
  checksPromise('sign-in.4', async function (message: string) {
    const answers = this.noted('signInAnswers');
    const said = this.says(message);
    expect(answers, 'the message above the form after each attempt').toEqual(
      answers.map(() => expect.stringContaining(said)),
    );
  }),
);

When(
  '{int} sign-ins with my email are sent at once from the sign in form, one in the middle with my password',
  verifies('sign-in.3', async function (times: number) {
    this.beforeLastingChange('its failed sign-ins lock the email for 15 minutes');
    await this.device.signIn.sendAtOnce(this.account.email, times, this.account.password);
  }),
);

Then(
  'none of them signed me in',
  checksPromise('sign-in.4', async function () {
    const sessions = await this.control.activeSessions(this.account.id);
    if (sessions.length > 0) {
      throw new GuideDrift(
        'behaviour',
        `${sessions.length} of the sign-ins sent at once signed in: the lock let the right password through among the guesses, where it should have refused every one.`,
      );
    }
  }),
);

When(
  'I try to save the phone number {string} with {int} wrong passwords',
  verifies('phone.3', async function (number: string, times: number) {
    this.beforeLastingChange('its wrong passwords stop the password checks of the account for 15 minutes');
    await this.device.addPhone.saveWithWrongPasswords(number, times);
  }),
);

Then(
  'the page says {string}',
  checksPromise('phone.3', async function (message: string) {
    const said = this.says(message);
    await expect(this.device.formMessage.saying(said), `the page should say “${said}”`).toBeVisible();
  }),
);

Given(
  'I am on the sign in page of device {word}',
  verifies('sign-in.3', async function (name: string) {
    await (await this.useDevice(name)).signIn.open();
  }),
);

/** What another site can make the browser send: the guide's button's request, without the form's token. */
async function forgeWithoutToken(this: ScenarioWorld, label: string) {
  this.beforeLastingChange('it sends a change the site must refuse, and would keep if it did not');
  this.notes.forgedRequestStatus = await this.device.forgedRequest.replayWithoutToken(label);
}

// Finding the button is following the guide's "Click on the “Save” button": a button renamed is that step's drift.
When(
  "another site makes my browser send what the {string} button of the phone number page sends, without the form's token",
  verifies('phone.5', forgeWithoutToken),
);

When(
  "another site makes my browser send what the {string} button of the password page sends, without the form's token",
  verifies('password.5', forgeWithoutToken),
);

/** A change sent without the form's token must be refused: the guide's "Save" is only the person's own. */
async function refusedWithoutToken(this: ScenarioWorld) {
  await this.expectForgedRequestRefused(this.noted('forgedRequestStatus'));
}

Then('the site refuses to save the phone number', checksPromise('phone.5', refusedWithoutToken));

Then('the site refuses to change the password', checksPromise('password.5', refusedWithoutToken));

// Signing in (the guide's sign-in.4) is what hands the browser its session: the cookies the sign-in set.
Then(
  'the cookies my browser got by signing in are HttpOnly and SameSite {string} or stricter',
  checksPromise('sign-in.4', async function (sameSite: string) {
    await this.expectSessionCookiesKept(sameSite === 'Strict' ? 'Strict' : 'Lax');
  }),
);

Then(
  "the page's scripts cannot read them",
  checksPromise('sign-in.4', async function () {
    const session = this.device.signIn.cookiesSetBySignIn.map((cookie) => cookie.name);
    const readable = await this.device.cookies.readableByScripts();
    expect(
      readable.filter((name) => session.includes(name)),
      'cookies of the session in document.cookie',
    ).toEqual([]);
  }),
);

Given('on device {word} I have gone on to another page', async function (name: string) {
  await (await this.useDevice(name)).home.open();
});

Then(
  'on device {word} the Back button shows the sign in page',
  checksPromise('password.4', async function (name: string) {
    const device = await this.useDevice(name);
    await device.goBack();
    try {
      await device.signIn.expectToHaveToSignIn(`Device ${name}`);
    } catch {
      // The guide's own promise first: a device still signed in is the tick drifting, not the Back button.
      await partOfGuideStep('password.4', async () => {
        await device.loadNextPage();
        await device.signIn.expectToHaveToSignIn(`Device ${name}`);
      });
      throw new GuideDrift(
        'behaviour',
        `Device ${name}, signed out by the password change, shows a page of the account again with the Back button: the browser kept it where the sign in page was due.`,
      );
    }
  }),
);

Then(
  'the message above the form is the one I noted',
  checksPromise('sign-in.4', async function () {
    const noted = this.noted('signInMessage');
    const said = await this.device.signIn.messageAboveTheFormOnceItIs(noted);
    if (said === noted) return;
    throw new GuideDrift(
      'behaviour',
      `The sign in page answered the first attempt with “${noted}” and this one with ${said ? `“${said}”` : 'nothing'}: two answers that tell a guesser which emails have an account.`,
    );
  }),
);

Then(
  'the sign in form makes me wait, saying {string}',
  checksPromise('sign-in.4', async function (message: string) {
    await this.device.signIn.expectMessageAboveTheForm(this.says(message));
  }),
);
