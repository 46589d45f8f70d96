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
async function signIn(page: Page, { email, password }: JourneyAccount): Promise<void> {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Sign In' }).click();
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

/** One journey per feature file: the actions of that file's typical scenario. */
const JOURNEYS: Record<string, Journey> = {
  // From the home page's upper-right "Sign In" to "Who's watching?".
  'sign-in.feature': async (open, account) => {
    const page = await open();
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Sign In' }).click();
    await page.getByRole('heading', { name: 'Sign In', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('main').getByRole('button', { name: 'Sign In' }).click();
    await page.getByRole('heading', { name: /who.s watching\?/i }).waitFor();
  },

  'choose-profile.feature': async (open, account) => {
    const page = await open();
    await signIn(page, account);
    await chooseProfile(page, 'Alex');
    await openYourAccount(page);
  },

  // Device B signed in first; device A changes the password with the tick; device B is then signed out.
  'change-password.feature': async (open, account) => {
    const deviceB = await open();
    await signIn(deviceB, account);
    await chooseProfile(deviceB, 'Sam');
    const deviceA = await open();
    await signIn(deviceA, account);
    await chooseProfile(deviceA, 'Alex');
    await openYourAccount(deviceA);
    await deviceA.getByRole('link', { name: 'Change password' }).click();
    await deviceA.getByLabel('Current password').fill(account.password);
    await deviceA.getByLabel('New password', { exact: true }).fill('fresh-pass-42');
    await deviceA.getByLabel('Confirm new password').fill('fresh-pass-42');
    await deviceA.getByRole('checkbox', { name: /^Require all devices/ }).check();
    await deviceA.getByRole('button', { name: 'Save' }).click();
    await deviceA.getByRole('main').getByRole('status').waitFor();
    await deviceB.reload();
    await deviceB.getByRole('heading', { name: 'Sign In', level: 1 }).waitFor();
  },

  'add-phone.feature': async (open, account) => {
    const page = await open();
    await signIn(page, account);
    await chooseProfile(page, 'Alex');
    await openYourAccount(page);
    await page.getByRole('link', { name: 'Add phone number' }).click();
    await fillPhoneForm(page, '+1 213 555 0123', account.password);
    await page.getByText('+1 21• ••• ••23').waitFor();
  },

  // Five refusals, then the right password meets the lock.
  'sign-in-security.feature': async (open, account) => {
    const page = await open();
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Sign In' }).click();
    for (let attempt = 0; attempt < 5; attempt++) await refusedSignIn(page, account.email, WRONG_PASSWORD);
    await refusedSignIn(page, account.email, account.password);
    await page.getByRole('alert').filter({ hasText: 'Too many unsuccessful sign-in attempts' }).waitFor();
  },

  // The second guide: device B signed in first; device A signs out of all devices and stays signed in; device B is
  // then signed out.
  'sign-out-of-all-devices.feature': async (open, account) => {
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

  // The first guide's main path with the keyboard alone: Enter on links and buttons, Tab between fields, Space on ticks.
  'keyboard.feature': async (open, account) => {
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
    await page.keyboard.type('fresh-pass-42');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fresh-pass-42');
    await page.getByRole('checkbox', { name: /^Require all devices/ }).press('Space');
    await page.getByRole('button', { name: 'Save' }).press('Enter');
    await page.getByRole('main').getByRole('status').waitFor();
    await page.getByRole('link', { name: 'Add phone number' }).press('Enter');
    await page.getByLabel('Phone number').focus();
    await page.keyboard.type('+1 213 555 0123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fresh-pass-42');
    await page.getByRole('checkbox', { name: 'Receive text messages' }).press('Space');
    await page.getByRole('button', { name: 'Save' }).press('Enter');
    await page.getByText('+1 21• ••• ••23').waitFor();
  },

  // A phone number refused for a wrong account password.
  'sessions-and-forms.feature': async (open, account) => {
    const page = await open();
    await signIn(page, account);
    await chooseProfile(page, 'Alex');
    await openYourAccount(page);
    await page.getByRole('link', { name: 'Add phone number' }).click();
    await fillPhoneForm(page, '+1 213 555 0123', WRONG_PASSWORD);
    await page.getByText('Incorrect password. Please try again.').waitFor();
  },

  // The first "Save" meets a server error (a plain route here, MSW handlers in the suite); "Try again" saves.
  'when-saving-fails.feature': async (open, account) => {
    const page = await open();
    await signIn(page, account);
    await chooseProfile(page, 'Alex');
    await openYourAccount(page);
    await page.getByRole('link', { name: 'Add phone number' }).click();
    let failNext = true;
    await page.route('**/api/**', (route) => {
      if (route.request().method() === 'GET' || !failNext) return route.continue();
      failNext = false;
      return route.fulfill({ status: 500, json: { error: 'Something went wrong on our side.' } });
    });
    await fillPhoneForm(page, '+1 213 555 0123', account.password);
    await page.getByText('Nothing was changed.').waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('+1 21• ••• ••23').waitFor();
  },
};

/** The journey standing for a feature file's scenarios; a new feature file without one gets the guide's path. */
export function journeyFor(featureFile: string): Journey {
  const name = featureFile.split('/').at(-1) ?? featureFile;
  return JOURNEYS[name] ?? JOURNEYS['choose-profile.feature']!;
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
  key: string,
): Promise<void> {
  const password = `pw-${key}`;
  const email = `${key}@floor.test`;
  const created = await control.createAccount({
    email,
    password,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
    ],
  });
  const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
  const open = async () => {
    const context = await newDeviceContext(browser, baseURL);
    contexts.push(context);
    return context.newPage();
  };
  try {
    await journeyFor(featureFile)(open, { email, password });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await control.deleteAccount(created.id);
  }
}
