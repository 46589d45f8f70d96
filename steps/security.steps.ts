import { Given, Then, When } from './support/bdd.ts';
import { verifies } from './support/guide-step.ts';
import type { ScenarioWorld } from './support/world.ts';
import { expect } from './support/matchers.ts';

// The site's security promises (DOMAIN.md), checked the way a person or an attacker would meet them.

When(
  'I sign in {int} times with the email {string} and the password {string}',
  verifies('sign-in.3', async function (times: number, email: string, password: string) {
    this.beforeLastingChange('its failed sign-ins lock the email for 15 minutes');
    const answers = await this.device.signIn.signInRepeatedly(this.resolve(email), this.resolve(password), times);
    this.notes.set('answers', JSON.stringify(answers));
  }),
);

Then(
  'every answer was {string}',
  verifies('sign-in.4', async function (message: string) {
    const answers = JSON.parse(this.notes.get('answers') ?? '[]') as string[];
    expect(answers, 'the message above the form after each attempt').toEqual(answers.map(() => message));
  }),
);

Given(
  'I am on the sign in page of device {word}',
  verifies('sign-in.3', async function (name: string) {
    await (await this.useDevice(name)).signIn.open();
  }),
);

When(
  "my browser is sent a request to {word} {string} with {string}, without the form's token",
  async function (method: string, path: string, body: string) {
    this.beforeLastingChange('it sends a change the site must refuse, and would keep if it did not');
    this.notes.set(
      'status',
      String(await this.device.forgedRequest.send(method, path, JSON.parse(this.resolve(body)))),
    );
  },
);

/** A change sent without the form's token must be refused: the guide's "Save" is only the person's own. */
async function refusedWithoutToken(this: ScenarioWorld, status: number) {
  expect(this.notes.get('status'), 'the HTTP status of the request without the token').toBe(String(status));
}

Then('the site refuses to save the phone number with {int}', verifies('phone.5', refusedWithoutToken));

Then('the site refuses to change the password with {int}', verifies('password.5', refusedWithoutToken));

// Signing in (the guide's sign-in.4) is what hands the browser the session cookie.
Then(
  'my browser keeps the {string} cookie HttpOnly and SameSite {string}',
  verifies('sign-in.4', async function (name: string, sameSite: string) {
    expect(await this.device.cookies.named(name), `the “${name}” cookie`).toMatchObject({ httpOnly: true, sameSite });
  }),
);

Then(
  "the page's scripts cannot read the {string} cookie",
  verifies('sign-in.4', async function (name: string) {
    expect(await this.device.cookies.readableByScripts(), 'document.cookie').not.toMatch(new RegExp(`(^|; )${name}=`));
  }),
);

Given('on device {word} I have gone on to another page', async function (name: string) {
  await (await this.useDevice(name)).home.open();
});

Then(
  'on device {word} the Back button shows the sign in page',
  verifies('password.4', async function (name: string) {
    await (await this.useDevice(name)).goBack();
    await expect(this.device.signIn.heading, `device ${name} should have to sign in again`).toBeVisible();
  }),
);
