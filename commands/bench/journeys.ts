// What the browser itself needs: the guide's user actions in plain Playwright library calls, with none of the
// harness around them (no runner, no page objects' drift diagnostics, no evidence screenshots, no traces). Each
// journey waits only for what a person would see before the next action, so it still proves the site answered.
import type { Browser, Page } from 'playwright';
import { newDeviceContext } from '../../harness/config/run-settings.ts';
import type { TestControlClient } from '../../site/test-control-client.ts';

export interface JourneyAccount {
  email: string;
  password: string;
}

type Journey = (open: () => Promise<Page>, account: JourneyAccount) => Promise<void>;

const WRONG_PASSWORD = 'wrong-password-1';

// As the guide's reader (and the harness, which knows no address but the home page's): from the home page's "Sign In".
async function openSignInForm(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Sign In' }).click();
}

async function signIn(page: Page, { email, password }: JourneyAccount): Promise<void> {
  await openSignInForm(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
  await page.getByRole('heading', { name: /who.s watching\?/i }).waitFor();
}

async function chooseProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('main').getByRole('button', { name }).click();
  await page.getByRole('banner').locator('button[aria-haspopup="menu"]').waitFor();
}

async function openYourAccount(page: Page): Promise<void> {
  await page.getByRole('banner').locator('button[aria-haspopup="menu"]').click();
  await page.getByRole('menuitem', { name: 'Your Account' }).click();
  await page.getByRole('region', { name: 'MEMBERSHIP & BILLING' }).waitFor();
}

/** One refused sign-in, up to the site's answer being shown. */
async function refusedSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/session');
  await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
  await answered;
  await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
}

async function fillPhoneForm(page: Page, phone: string, password: string): Promise<void> {
  await page.getByLabel('Phone number').fill(phone);
  await page.getByRole('main').getByLabel('Password').fill(password);
  await page.getByRole('checkbox', { name: 'Receive text messages' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
}

/** A journey whose account starts with a phone number (+12135550123, text messages off), as its scenarios' do. */
const withPhone = (journey: Journey): Journey => Object.assign(journey, { withPhone: true });
const hasPhone = (journey: Journey) => (journey as { withPhone?: boolean }).withPhone === true;

/** A sign-in on a fresh browser: whether the password is taken ("Who's watching?") or refused (the form's alert). */
async function freshSignIn(open: () => Promise<Page>, email: string, password: string, taken: boolean) {
  const page = await open();
  await openSignInForm(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
  if (taken) await page.getByRole('heading', { name: /who.s watching\?/i }).waitFor();
  else await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
}

async function fillPasswordForm(page: Page, current: string, next: string, confirmation: string, tick?: boolean) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password').fill(confirmation);
  const box = page.getByRole('checkbox', { name: /^Require all devices/ });
  if (tick !== undefined) await box.setChecked(tick);
}

/** Device B signed in (on "Sam") and device A signed in, as change-password.feature's Background leaves them. */
async function twoDevices(open: () => Promise<Page>, account: JourneyAccount): Promise<{ a: Page; b: Page }> {
  const b = await open();
  await signIn(b, account);
  await chooseProfile(b, 'Sam');
  const a = await open();
  await signIn(a, account);
  return { a, b };
}

const NEW_PASSWORD = 'fresh-pass-42';

const changePasswordWithTick =
  (tick: boolean): Journey =>
  async (open, account) => {
    const { a, b } = await twoDevices(open, account);
    await chooseProfile(a, 'Alex');
    await openYourAccount(a);
    await a.getByRole('link', { name: 'Change password' }).click();
    await fillPasswordForm(a, account.password, NEW_PASSWORD, NEW_PASSWORD, tick);
    await a.getByRole('button', { name: 'Save' }).click();
    await a.getByRole('main').getByRole('status').waitFor();
    await freshSignIn(open, account.email, NEW_PASSWORD, true);
    await freshSignIn(open, account.email, account.password, false);
    await b.reload();
    await (
      tick
        ? b.getByRole('heading', { name: 'Sign In', level: 1 })
        : b.getByRole('banner').locator('button[aria-haspopup="menu"]')
    ).waitFor();
  };

/** A refused change: the message at its field, device B still signed in, the old password still taken. */
const refusedPasswordChange: Journey = async (open, account) => {
  const { a, b } = await twoDevices(open, account);
  await chooseProfile(a, 'Alex');
  await openYourAccount(a);
  await a.getByRole('link', { name: 'Change password' }).click();
  await fillPasswordForm(a, WRONG_PASSWORD, NEW_PASSWORD, NEW_PASSWORD, true);
  await a.getByRole('button', { name: 'Save' }).click();
  await a.getByText('Your current password is incorrect. Please try again.').waitFor();
  await b.reload();
  await b.getByRole('banner').locator('button[aria-haspopup="menu"]').waitFor();
  await freshSignIn(open, account.email, account.password, true);
};

/** From "Add phone number" (or "Change phone number") to the number shown masked on the account page. */
async function savePhone(page: Page, link: string, password: string, shown: string) {
  await page.getByRole('link', { name: link }).click();
  await fillPhoneForm(page, '+1 213 555 0123', password);
  await page.getByText(shown).waitFor();
}

const signedInOnAccountPage = async (open: () => Promise<Page>, account: JourneyAccount) => {
  const page = await open();
  await signIn(page, account);
  await chooseProfile(page, 'Alex');
  await openYourAccount(page);
  return page;
};

/** A phone number refused for a wrong account password: the message at its field, on a new or a changed number. */
function refusedPhone(link: 'Add phone number' | 'Change phone number'): Journey {
  const journey: Journey = async (open, account) => {
    const page = await signedInOnAccountPage(open, account);
    await page.getByRole('link', { name: link }).click();
    await fillPhoneForm(page, '+1 213 555 0199', WRONG_PASSWORD);
    await page.getByText('Incorrect password. Please try again.').waitFor();
  };
  return link === 'Change phone number' ? withPhone(journey) : journey;
}

/** The first save meets a fault injected between this browser and the site; "Try again" saves. */
async function failOnce(page: Page, fault: 'server error' | 'dropped connection'): Promise<void> {
  let failNext = true;
  await page.route('**/*', (route) => {
    const method = route.request().method();
    if (method === 'GET' || method === 'HEAD' || !failNext) return route.fallback();
    failNext = false;
    return fault === 'dropped connection'
      ? route.abort('connectionreset')
      : route.fulfill({ status: 500, json: { error: 'Something went wrong on our side.' } });
  });
}

/** Every change this browser sends answered 1.5 s late, as the faults feature's slow site (pages/network-faults.ts). */
async function answerSlowly(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    const method = route.request().method();
    if (method !== 'GET' && method !== 'HEAD') await new Promise((resolve) => setTimeout(resolve, 1_500));
    return route.fallback();
  });
}

const phoneFault = (fault: 'server error' | 'dropped connection'): Journey =>
  withPhone(async (open, account) => {
    const page = await signedInOnAccountPage(open, account);
    await page.getByRole('link', { name: 'Change phone number' }).click();
    await failOnce(page, fault);
    await fillPhoneForm(page, '+1 213 555 0199', account.password);
    await page.getByText('Nothing was changed.').waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('+1 21• ••• ••99').waitFor();
  });

const passwordFault = (fault: 'server error' | 'dropped connection'): Journey =>
  withPhone(async (open, account) => {
    const page = await signedInOnAccountPage(open, account);
    await page.getByRole('link', { name: 'Change password' }).click();
    await failOnce(page, fault);
    await fillPasswordForm(page, account.password, NEW_PASSWORD, NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Nothing was changed.').waitFor();
    await freshSignIn(open, account.email, account.password, true);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('main').getByRole('status').waitFor();
    await freshSignIn(open, account.email, NEW_PASSWORD, true);
  });

/** The journeys of a feature file's scenarios, in the file's order (an outline counts once per row). */
type Plan = [count: number, journey: Journey][];

const JOURNEYS: Record<string, Plan> = {
  'sign-in.feature': [
    // From the home page's upper-right "Sign In" to its form.
    [
      1,
      async (open) => {
        const page = await open();
        await openSignInForm(page);
        await page.getByRole('heading', { name: 'Sign In', level: 1 }).waitFor();
      },
    ],
    [1, async (open, account) => signIn(await open(), account)],
    // The refusals: one sign-in answered at its field or above the form.
    [7, async (open, account) => freshSignIn(open, account.email, WRONG_PASSWORD, false)],
  ],

  'choose-profile.feature': [[6, async (open, account) => void (await signedInOnAccountPage(open, account))]],

  'change-password.feature': [
    [1, changePasswordWithTick(true)],
    [1, changePasswordWithTick(false)],
    [7, refusedPasswordChange],
    [
      1,
      async (open, account) => {
        const { a } = await twoDevices(open, account);
        await chooseProfile(a, 'Alex');
        await openYourAccount(a);
        await a.getByRole('link', { name: 'Change password' }).click();
        await fillPasswordForm(a, account.password, NEW_PASSWORD, NEW_PASSWORD);
        await a.getByRole('button', { name: 'Save' }).click();
        await a.getByRole('main').getByRole('status').waitFor();
        await a.getByRole('link', { name: 'Add phone number' }).waitFor();
      },
    ],
    [
      1,
      async (open, account) => {
        const { a } = await twoDevices(open, account);
        await chooseProfile(a, 'Kids');
        await openYourAccount(a);
        await a.getByText("The password can't be changed while a Kids profile is in use.").waitFor();
      },
    ],
  ],

  'add-phone.feature': [
    // The form as the guide describes it.
    [
      1,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Add phone number' }).click();
        await page.getByRole('link', { name: 'Cancel' }).waitFor();
      },
    ],
    [
      2,
      async (open, account) =>
        savePhone(await signedInOnAccountPage(open, account), 'Add phone number', account.password, '+1 21• ••• ••23'),
    ],
    // Saved, signed out and in again, still shown.
    [
      2,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await savePhone(page, 'Add phone number', account.password, '+1 21• ••• ••23');
        await page.context().clearCookies();
        await signIn(page, account);
        await chooseProfile(page, 'Alex');
        await openYourAccount(page);
        await page.getByText('+1 21• ••• ••23').waitFor();
      },
    ],
    [
      3,
      async (open, account) =>
        savePhone(await signedInOnAccountPage(open, account), 'Add phone number', account.password, '+1 21• ••• ••23'),
    ],
    // Refused numbers and passwords: the message at the field, nothing saved.
    [18, refusedPhone('Add phone number')],
    [
      1,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Add phone number' }).click();
        await page.getByRole('link', { name: 'Cancel' }).click();
        await page.getByRole('heading', { name: 'MEMBERSHIP & BILLING' }).waitFor();
      },
    ],
    // An account with a number: shown, changed, or kept when the change is refused.
    [
      1,
      withPhone(
        async (open, account) =>
          void (await (await signedInOnAccountPage(open, account)).getByText('+1 21• ••• ••23').waitFor()),
      ),
    ],
    [
      1,
      withPhone(async (open, account) =>
        savePhone(
          await signedInOnAccountPage(open, account),
          'Change phone number',
          account.password,
          '+1 21• ••• ••23',
        ),
      ),
    ],
    [2, refusedPhone('Change phone number')],
  ],

  'sign-in-security.feature': [
    [
      1,
      async (open, account) => {
        await freshSignIn(open, account.email, WRONG_PASSWORD, false);
        await freshSignIn(open, `unknown-${account.email}`, WRONG_PASSWORD, false);
      },
    ],
    // Five refusals, then the right password meets the lock (with the account's email, and with an unknown one).
    [
      2,
      async (open, account) => {
        const page = await open();
        await openSignInForm(page);
        for (let attempt = 0; attempt < 5; attempt++) await refusedSignIn(page, account.email, WRONG_PASSWORD);
        await refusedSignIn(page, account.email, account.password);
        await page.getByRole('alert').filter({ hasText: 'Too many unsuccessful sign-in attempts' }).waitFor();
      },
    ],
    // Four refusals and a sign-in; then five refusals on device B.
    [
      1,
      async (open, account) => {
        const page = await open();
        await openSignInForm(page);
        for (let attempt = 0; attempt < 4; attempt++) await refusedSignIn(page, account.email, WRONG_PASSWORD);
        await page.getByLabel('Email').fill(account.email);
        await page.getByLabel('Password').fill(account.password);
        await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
        await page.getByRole('heading', { name: /who.s watching\?/i }).waitFor();
        const deviceB = await open();
        await openSignInForm(deviceB);
        for (let attempt = 0; attempt < 5; attempt++) await refusedSignIn(deviceB, account.email, WRONG_PASSWORD);
      },
    ],
    // Thirty sign-ins sent at once from the form's own request, then the right password meets the lock.
    [
      1,
      async (open, account) => {
        const page = await open();
        await openSignInForm(page);
        await page.getByLabel('Email').fill(account.email);
        await page.getByLabel('Password').fill(WRONG_PASSWORD);
        const sent = page.waitForRequest((request) => request.method() === 'POST');
        await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
        const request = await sent;
        await Promise.all(
          Array.from({ length: 30 }, () =>
            page.request.fetch(request.url(), {
              method: 'POST',
              headers: request.headers(),
              data: request.postData() ?? '',
            }),
          ),
        );
        await refusedSignIn(page, account.email, account.password);
      },
    ],
  ],

  'sessions-and-forms.feature': [
    [1, async (open, account) => signIn(await open(), account)],
    // A forged request: the form's own request caught and sent again without its token.
    [
      1,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Add phone number' }).click();
        await page.getByLabel('Phone number').fill('+1 213 555 0123');
        await page.getByRole('main').getByLabel('Password').fill(account.password);
        await page.route('**/*', (route) => (route.request().method() === 'GET' ? route.fallback() : route.abort()));
        const sent = page.waitForRequest((request) => request.method() !== 'GET');
        await page.getByRole('button', { name: 'Save' }).click();
        const request = await sent;
        await page.request.fetch(request.url(), { method: request.method(), data: '{}', failOnStatusCode: false });
      },
    ],
    [
      1,
      async (open, account) => {
        const { a } = await twoDevices(open, account);
        await chooseProfile(a, 'Alex');
        await openYourAccount(a);
        await a.getByRole('link', { name: 'Change password' }).click();
        await fillPasswordForm(a, account.password, NEW_PASSWORD, NEW_PASSWORD, true);
        await a.route('**/*', (route) => (route.request().method() === 'GET' ? route.fallback() : route.abort()));
        const sent = a.waitForRequest((request) => request.method() !== 'GET');
        await a.getByRole('button', { name: 'Save' }).click();
        const request = await sent;
        await a.request.fetch(request.url(), { method: request.method(), data: '{}', failOnStatusCode: false });
        await freshSignIn(open, account.email, account.password, true);
      },
    ],
    // Device B signed out by a password change with the tick; its Back button shows the sign in page.
    [
      1,
      async (open, account) => {
        const b = await signedInOnAccountPage(open, account);
        await b.getByRole('link', { name: 'Change plan' }).click();
        const a = await signedInOnAccountPage(open, account);
        await a.getByRole('link', { name: 'Change password' }).click();
        await fillPasswordForm(a, account.password, NEW_PASSWORD, NEW_PASSWORD, true);
        await a.getByRole('button', { name: 'Save' }).click();
        await a.getByRole('main').getByRole('status').waitFor();
        await b.goBack();
        await b.getByRole('heading', { name: 'Sign In', level: 1 }).waitFor();
      },
    ],
    // A phone number refused for a wrong (or no) account password.
    [2, refusedPhone('Change phone number')],
    // Five wrong passwords in the phone form, then the right one meets the lock.
    [
      1,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Add phone number' }).click();
        for (let attempt = 0; attempt < 5; attempt++) {
          await fillPhoneForm(page, '+1 213 555 0123', WRONG_PASSWORD);
          await page.getByText('Incorrect password. Please try again.').waitFor();
        }
        await fillPhoneForm(page, '+1 213 555 0123', account.password);
        await page.getByText('Too many incorrect passwords.').waitFor();
      },
    ],
  ],

  'when-saving-fails.feature': [
    [1, phoneFault('server error')],
    [1, phoneFault('dropped connection')],
    [1, passwordFault('server error')],
    [1, passwordFault('dropped connection')],
    // A double-click on "Save" while the site is slow: the change saved once.
    [
      1,
      withPhone(async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Change phone number' }).click();
        await answerSlowly(page);
        await page.getByLabel('Phone number').fill('+1 213 555 0199');
        await page.getByRole('main').getByLabel('Password').fill(account.password);
        await page.getByRole('button', { name: 'Save' }).dblclick();
        await page.getByText('+1 21• ••• ••99').waitFor();
      }),
    ],
    [
      1,
      async (open, account) => {
        const page = await signedInOnAccountPage(open, account);
        await page.getByRole('link', { name: 'Change password' }).click();
        await answerSlowly(page);
        await fillPasswordForm(page, account.password, NEW_PASSWORD, NEW_PASSWORD);
        await page.getByRole('button', { name: 'Save' }).dblclick();
        await page.getByRole('main').getByRole('status').waitFor();
        await freshSignIn(open, account.email, NEW_PASSWORD, true);
      },
    ],
  ],

  // The second guide: device B signed in first; device A signs out of all devices and stays signed in; device B is
  // then signed out. Then: the page after the link changes nothing, and offers a way back.
  'sign-out-of-all-devices.feature': [
    [
      1,
      async (open, account) => {
        const deviceB = await open();
        await signIn(deviceB, account);
        const deviceA = await open();
        await signIn(deviceA, account);
        await chooseProfile(deviceA, 'Sam');
        await deviceA.getByRole('banner').locator('button[aria-haspopup="menu"]').hover();
        await deviceA.getByRole('menuitem', { name: 'Your Account' }).click();
        await deviceA.getByRole('heading', { name: 'SETTINGS' }).scrollIntoViewIfNeeded();
        await deviceA.getByRole('link', { name: 'Sign out of all devices' }).click();
        await deviceA.getByRole('heading', { name: 'Sign out of all devices' }).waitFor();
        await deviceA.getByRole('button', { name: 'Sign Out' }).click();
        await deviceA.getByRole('main').getByRole('status').waitFor();
        await deviceB.reload();
        await deviceB.getByRole('heading', { name: 'Sign In', level: 1 }).waitFor();
      },
    ],
    [
      1,
      async (open, account) => {
        const deviceB = await open();
        await signIn(deviceB, account);
        const deviceA = await signedInOnAccountPage(open, account);
        await deviceA.getByRole('link', { name: 'Sign out of all devices' }).click();
        await deviceA.getByRole('heading', { name: 'Sign out of all devices' }).waitFor();
        await deviceA.getByRole('link', { name: 'Cancel' }).click();
        await deviceA.getByRole('heading', { name: 'SETTINGS' }).waitFor();
      },
    ],
  ],

  // The first guide's main path with the keyboard alone: Enter on links and buttons, Tab between fields, Space on ticks.
  'keyboard.feature': [
    [
      1,
      async (open, account) => {
        const page = await open();
        await page.goto('/');
        await page.getByRole('banner').getByRole('link', { name: 'Sign In' }).press('Enter');
        await page.getByLabel('Email').focus();
        await page.keyboard.type(account.email);
        await page.keyboard.press('Tab');
        await page.keyboard.type(account.password);
        await page.getByRole('main').getByRole('button', { name: 'Sign In' }).press('Enter');
        await page.getByRole('main').getByRole('button', { name: 'Alex' }).press('Enter');
        await page.getByRole('banner').locator('button[aria-haspopup="menu"]').press('Enter');
        await page.getByRole('menuitem', { name: 'Your Account' }).press('Enter');
        await page.getByRole('link', { name: 'Change password' }).press('Enter');
        await page.getByLabel('Current password').focus();
        await page.keyboard.type(account.password);
        await page.keyboard.press('Tab');
        await page.keyboard.type(NEW_PASSWORD);
        await page.keyboard.press('Tab');
        await page.keyboard.type(NEW_PASSWORD);
        await page.getByRole('checkbox', { name: /^Require all devices/ }).press('Space');
        await page.getByRole('button', { name: 'Save' }).press('Enter');
        await page.getByRole('main').getByRole('status').waitFor();
        await page.getByRole('link', { name: 'Add phone number' }).press('Enter');
        await page.getByLabel('Phone number').focus();
        await page.keyboard.type('+1 213 555 0123');
        await page.keyboard.press('Tab');
        await page.keyboard.type(NEW_PASSWORD);
        await page.getByRole('checkbox', { name: 'Receive text messages' }).press('Space');
        await page.getByRole('button', { name: 'Save' }).press('Enter');
        await page.getByText('+1 21• ••• ••23').waitFor();
      },
    ],
  ],
};

/**
 * The journey standing for the nth scenario (from 0) of a feature file: the file's plan in its order, from the
 * start again past its end; a new feature file without a plan gets the guide's path to the account page.
 */
export function journeyFor(featureFile: string, nth = 0): Journey {
  const name = featureFile.split('/').at(-1) ?? featureFile;
  const plan = JOURNEYS[name] ?? JOURNEYS['choose-profile.feature']!;
  const order = plan.flatMap(([count, journey]) => Array.from({ length: count }, () => journey));
  return order[nth % order.length]!;
}

/** How many scenarios a feature file's plan stands for (undefined without a plan): its scenarios, when it is current. */
export function plannedScenarios(featureFile: string): number | undefined {
  const plan = JOURNEYS[featureFile.split('/').at(-1) ?? featureFile];
  return plan?.reduce((sum, [count]) => sum + count, 0);
}

export function hasOwnJourney(featureFile: string): boolean {
  return (featureFile.split('/').at(-1) ?? '') in JOURNEYS;
}

/**
 * One scenario of the floor: its own account (as the suite's scenarios make theirs), a new browser context per
 * device, everything closed and deleted afterwards.
 */
export async function runJourney(
  browser: Browser,
  baseURL: string,
  control: TestControlClient,
  featureFile: string,
  nth: number,
  key: string,
): Promise<void> {
  const password = `pw-${key}`;
  const email = `${key}@floor.test`;
  const journey = journeyFor(featureFile, nth);
  const created = await control.createAccount({
    email,
    password,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
      { name: 'Kids', kids: true },
    ],
    ...(hasPhone(journey) && { phone: { e164: '+12135550123', textMessages: false } }),
  });
  const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
  const open = async () => {
    const context = await newDeviceContext(browser, baseURL);
    contexts.push(context);
    return context.newPage();
  };
  try {
    await journey(open, { email, password });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await control.deleteAccount(created.id);
  }
}
