import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_SITE, DRIFT_VARIANTS, type SiteVariant } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { loadGuides } from '../../harness/guide/guide.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const PASSWORD = 'old-password-1';
const guideSteps = loadGuides().flatMap((guide) => guide.steps);

describe('the catalogue of drift variants', () => {
  it('has at least 15 variants with unique names, of every kind', () => {
    expect(DRIFT_VARIANTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DRIFT_VARIANTS.map((v) => v.name)).size).toBe(DRIFT_VARIANTS.length);
    expect(new Set(DRIFT_VARIANTS.map((v) => v.kind))).toEqual(
      new Set(['moved', 'renamed', 'missing', 'reordered', 'unusable', 'behaviour']),
    );
  });

  it.each(DRIFT_VARIANTS)('$name says what it breaks and names guide steps that exist', (variant) => {
    expect(variant.breaks).toMatch(/\w.*\.$/);
    expect(variant.caughtBy.length).toBeGreaterThan(0);
    for (const id of variant.caughtBy) {
      expect(guideSteps.find((s) => s.id === id)?.kind, `guide step ${id}`).toBe('action');
    }
  });

  it.each(DRIFT_VARIANTS)('$name differs from the clean site in its settings', (variant) => {
    const changed = Object.entries(variant.override).filter(
      ([key, value]) => CLEAN_SITE[key as keyof SiteVariant] !== value,
    );
    expect(changed.length).toBeGreaterThan(0);
  });

  it('covers every section of the guide that asks something of the reader', () => {
    const sections = new Set(guideSteps.filter((s) => s.kind === 'action').map((s) => s.section));
    const covered = new Set(
      DRIFT_VARIANTS.flatMap((v) => v.caughtBy).map((id) => guideSteps.find((s) => s.id === id)?.section),
    );
    expect([...sections].filter((section) => !covered.has(section))).toEqual([]);
  });
});

/** What a person (or the harness) can observe of one setting, on a running mock with a fresh account. */
type Probe = (site: StartedSite) => Promise<unknown>;

async function freshAccount(site: StartedSite) {
  return site.accounts.createAccount({
    email: uniqueEmail('drift'),
    password: PASSWORD,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
    ],
  });
}

async function signedIn(site: StartedSite) {
  const account = await freshAccount(site);
  const device = new SiteClient(site.url);
  await device.signInAs(account.email, PASSWORD, 'Alex', account.profiles);
  return { account, device };
}

async function pageText(site: StartedSite, path: string): Promise<string> {
  const { device } = await signedIn(site);
  return (await device.page(path)).text();
}

const headerOf = (page: string) => /<header[^]*?<\/header>/.exec(page)?.[0] ?? '';

function changePassword(device: SiteClient, currentPassword: string, signOutOtherDevices: boolean) {
  return device.api('PUT', '/api/account/password', {
    currentPassword,
    newPassword: 'fresh-pass-42',
    confirmPassword: 'fresh-pass-42',
    signOutOtherDevices,
  });
}

function savePhone(device: SiteClient, phoneNumber: string, password: string) {
  return device.api('PUT', '/api/account/phone', { country: 'US', phoneNumber, password, textMessages: true });
}

/** Device A confirms "Sign out of all devices" while device B is signed in: whose sessions are left. */
async function signOutEverywhere(site: StartedSite) {
  const { account, device } = await signedIn(site);
  const other = new SiteClient(site.url);
  await other.signIn(account.email, PASSWORD);
  await device.page('/account/devices/sign-out');
  await device.api('POST', '/api/account/devices/sign-out', {});
  const left = site.accounts.sessionsOf(account.id).map((session) => session.id);
  return { thisDevice: left.includes(device.sessionId ?? ''), others: left.includes(other.sessionId ?? '') };
}

/** Sessions left to the account after a change from device A while device B is signed in too. */
async function sessionsAfterChange(site: StartedSite, tick: boolean): Promise<number> {
  const { account, device } = await signedIn(site);
  await new SiteClient(site.url).signIn(account.email, PASSWORD);
  await changePassword(device, PASSWORD, tick);
  return site.accounts.sessionsOf(account.id).length;
}

// A Record, so a new setting without a probe fails the type check.
const PROBES: Record<keyof SiteVariant, Probe> = {
  signInPlacement: async (site) =>
    headerOf(await (await new SiteClient(site.url).page('/')).text()).includes('Sign In'),
  profileMenuPlacement: async (site) => headerOf(await pageText(site, '/account')).includes('aria-haspopup="menu"'),
  profileMenuOpens: async (site) => /data-opens="(\w+)"/.exec(await pageText(site, '/account'))?.[1] ?? 'both',
  accountMenuLabel: async (site) => /href="\/account">([^<]*)</.exec(await pageText(site, '/account'))?.[1],
  changePasswordLabel: async (site) => /href="\/password">([^<]*)</.exec(await pageText(site, '/account'))?.[1],
  changePasswordSection: async (site) => {
    const page = await pageText(site, '/account');
    return page.indexOf('href="/password"') > page.indexOf('id="settings"') ? 'settings' : 'membership';
  },
  passwordSaveLabel: async (site) =>
    /<button type="submit"[^>]*>([^<]*)</.exec(await pageText(site, '/password'))?.[1]?.trim(),
  cookieBanner: async (site) =>
    (await (await new SiteClient(site.url).page('/')).text()).includes('data-cookie-banner'),
  addPhoneLabel: async (site) => /href="\/phone">([^<]*)</.exec(await pageText(site, '/account'))?.[1],
  confirmPasswordField: async (site) => (await pageText(site, '/password')).includes('id="confirmPassword"'),
  signOutOthersBox: async (site) => (await pageText(site, '/password')).includes('id="signOutOtherDevices"'),
  textMessagesBox: async (site) => (await pageText(site, '/phone')).includes('id="textMessages"'),
  phoneFormOrder: async (site) => {
    const page = await pageText(site, '/phone');
    return page.indexOf('id="phoneNumber"') < page.indexOf('id="password"') ? 'phone first' : 'password first';
  },
  phoneFieldLabelled: async (site) => (await pageText(site, '/phone')).includes('<label for="phoneNumber">'),
  phoneSaveContrast: async (site) => /class="[^"]*\blow-contrast\b/.test(await pageText(site, '/phone')),
  phoneSaveEnabled: async (site) => !/<button type="submit"[^>]*\sdisabled[\s>]/.test(await pageText(site, '/phone')),
  profileGate: async (site) => {
    const account = await freshAccount(site);
    return ((await (await new SiteClient(site.url).signIn(account.email, PASSWORD)).json()) as { redirectTo: string })
      .redirectTo;
  },
  checkCurrentPassword: async (site) =>
    (await changePassword((await signedIn(site)).device, 'wrong-one-1', false)).status,
  signOutOtherDevices: async (site) => ({
    ticked: await sessionsAfterChange(site, true),
    unticked: await sessionsAfterChange(site, false),
  }),
  oldPasswordWorksAfterChange: async (site) => {
    const { account, device } = await signedIn(site);
    await changePassword(device, PASSWORD, false);
    return (await new SiteClient(site.url).signIn(account.email, PASSWORD)).status;
  },
  storePasswordChange: async (site) => {
    const { account, device } = await signedIn(site);
    const before = site.accounts.sessionsOf(account.id).map((session) => session.id);
    const answer = await changePassword(device, PASSWORD, false);
    return {
      answer: answer.status,
      sessionRenewed: !before.includes(site.accounts.sessionsOf(account.id)[0]?.id ?? ''),
      newPasswordSignsIn: (await new SiteClient(site.url).signIn(account.email, 'fresh-pass-42')).status,
    };
  },
  signOutOthersAfterSeconds: async (site) => sessionsAfterChange(site, true),
  phoneNeedsPassword: async (site) =>
    (await savePhone((await signedIn(site)).device, '213 555 0123', 'wrong-1')).status,
  storeTextMessageChoice: async (site) => {
    const { account, device } = await signedIn(site);
    await savePhone(device, '213 555 0123', PASSWORD);
    return site.accounts.findAccount(account.id)?.phone?.textMessages;
  },
  validatePhone: async (site) => (await savePhone((await signedIn(site)).device, '555', PASSWORD)).status,
  sameSignInFailureMessage: async (site) =>
    ((await (await new SiteClient(site.url).signIn(uniqueEmail('nobody'), PASSWORD)).json()) as { error: string })
      .error,
  throttleSignIns: async (site) => {
    const email = uniqueEmail('guessed');
    const guesser = new SiteClient(site.url);
    for (let attempt = 1; attempt < 6; attempt++) await guesser.signIn(email, `guess-${attempt}`);
    return (await guesser.signIn(email, 'guess-6')).status;
  },
  atomicSignInLock: async (site) => {
    const email = uniqueEmail('burst');
    const guessers = Array.from({ length: 20 }, () => new SiteClient(site.url));
    await Promise.all(guessers.map((guesser) => guesser.page('/login')));
    const statuses = await Promise.all(
      guessers.map(
        async (guesser, i) => (await guesser.api('POST', '/api/session', { email, password: `guess-${i}` })).status,
      ),
    );
    return statuses.filter((status) => status === 401).length;
  },
  limitPasswordRechecks: async (site) => {
    const { device } = await signedIn(site);
    for (let i = 1; i < 6; i++) await savePhone(device, '213 555 0123', `wrong-${i}`);
    return (await savePhone(device, '213 555 0123', 'wrong-6')).status;
  },
  checkCsrfToken: async (site) =>
    (
      await (
        await signedIn(site)
      ).device.api(
        'PUT',
        '/api/account/phone',
        { country: 'US', phoneNumber: '213 555 0123', password: PASSWORD, textMessages: true },
        { csrf: false },
      )
    ).status,
  signOutAllDevicesLabel: async (site) =>
    /href="\/account\/devices\/sign-out">([^<]*)</.exec(await pageText(site, '/account'))?.[1],
  signOutAllDevicesConfirmation: async (site) => {
    const { device } = await signedIn(site);
    return (await device.fetch('/account/devices/sign-out')).status;
  },
  signOutAllDevicesKeepsThisDevice: async (site) => (await signOutEverywhere(site)).thisDevice,
  signOutAllDevicesEndsOthers: async (site) => (await signOutEverywhere(site)).others,
  sessionCookieHttpOnly: async (site) => {
    const account = await freshAccount(site);
    const signIn = await new SiteClient(site.url).signIn(account.email, PASSWORD);
    return signIn.headers.getSetCookie().some((cookie) => cookie.startsWith('sid=') && /;\s*HttpOnly/i.test(cookie));
  },
};

/** What each setting looks like on the site the guide describes: every variant must differ from it. */
const CLEAN_OBSERVATIONS: Record<keyof SiteVariant, unknown> = {
  signInPlacement: true,
  profileMenuPlacement: true,
  profileMenuOpens: 'both',
  accountMenuLabel: 'Your Account',
  changePasswordLabel: 'Change password',
  changePasswordSection: 'membership',
  passwordSaveLabel: 'Save',
  cookieBanner: false,
  addPhoneLabel: 'Add phone number',
  confirmPasswordField: true,
  signOutOthersBox: true,
  textMessagesBox: true,
  phoneFormOrder: 'phone first',
  phoneFieldLabelled: true,
  phoneSaveContrast: false,
  phoneSaveEnabled: true,
  profileGate: '/profiles',
  checkCurrentPassword: 400,
  signOutOtherDevices: { ticked: 1, unticked: 2 },
  oldPasswordWorksAfterChange: 401,
  storePasswordChange: { answer: 200, sessionRenewed: true, newPasswordSignsIn: 200 },
  signOutOthersAfterSeconds: 1,
  phoneNeedsPassword: 403,
  storeTextMessageChoice: true,
  validatePhone: 400,
  sameSignInFailureMessage: 'Incorrect email or password. Please try again.',
  throttleSignIns: 429,
  atomicSignInLock: 5,
  limitPasswordRechecks: 429,
  signOutAllDevicesLabel: 'Sign out of all devices',
  signOutAllDevicesConfirmation: 200,
  signOutAllDevicesKeepsThisDevice: true,
  signOutAllDevicesEndsOthers: false,
  checkCsrfToken: 403,
  sessionCookieHttpOnly: true,
};

/**
 * What each variant makes the site do instead, through the same probes: the one difference it is meant to make,
 * exactly (a 401 where the clean site says 429, "Submit" where it says "Save"), not merely something other than the
 * clean site. Reading them: signOutOtherDevices counts the sessions left after a change with and without the tick
 * (device A's and device B's); signOutAllDevicesEndsOthers is whether device B's session is still there.
 */
const VARIANT_OBSERVATIONS: Record<string, Partial<Record<keyof SiteVariant, unknown>>> = {
  'sign-in-lower-left': { signInPlacement: false },
  'profile-menu-out-of-header': { profileMenuPlacement: false },
  'your-account-renamed': { accountMenuLabel: 'Account' },
  'change-password-renamed': { changePasswordLabel: 'Update password' },
  'save-relabelled-submit': { passwordSaveLabel: 'Submit' },
  'change-password-in-settings': { changePasswordSection: 'settings' },
  'add-phone-renamed': { addPhoneLabel: 'Add mobile number' },
  'confirm-password-missing': { confirmPasswordField: false },
  'require-all-devices-missing': { signOutOthersBox: false },
  'text-messages-box-missing': { textMessagesBox: false },
  'phone-and-password-swapped': { phoneFormOrder: 'password first' },
  'cookie-banner-over-sign-in': { cookieBanner: true },
  'profile-menu-on-hover-only': { profileMenuOpens: 'hover' },
  'profile-menu-never-opens': { profileMenuOpens: 'never' },
  'phone-field-unlabelled': { phoneFieldLabelled: false },
  'save-low-contrast': { phoneSaveContrast: true },
  'save-stays-disabled': { phoneSaveEnabled: false },
  'profile-gate-skipped': { profileGate: '/browse' },
  'current-password-unchecked': { checkCurrentPassword: 200 },
  'tick-ignored': { signOutOtherDevices: { ticked: 2, unticked: 2 } },
  'untick-signs-out-anyway': { signOutOtherDevices: { ticked: 1, unticked: 1 } },
  'old-password-still-works': { oldPasswordWorksAfterChange: 200 },
  'password-change-not-stored': {
    storePasswordChange: { answer: 200, sessionRenewed: false, newPasswordSignsIn: 401 },
  },
  'late-sign-out': { signOutOthersAfterSeconds: 2 },
  'phone-saved-without-password': { phoneNeedsPassword: 200 },
  'text-message-choice-dropped': { storeTextMessageChoice: false },
  'invalid-phone-accepted': { validatePhone: 200 },
  'sign-in-reveals-unknown-email': {
    sameSignInFailureMessage: 'Sorry, we can’t find an account with this email address.',
  },
  'sign-in-never-throttled': { throttleSignIns: 401 },
  'racy-sign-in-lock': { atomicSignInLock: 20 },
  'unthrottled-password-recheck': { limitPasswordRechecks: 403 },
  'csrf-token-unchecked': { checkCsrfToken: 200 },
  'session-cookie-readable-by-scripts': { sessionCookieHttpOnly: false },
  'sign-out-all-renamed': { signOutAllDevicesLabel: 'Manage access and devices' },
  'sign-out-all-unconfirmed': { signOutAllDevicesConfirmation: 302 },
  'sign-out-all-ends-this-device': { signOutAllDevicesKeepsThisDevice: false },
  'sign-out-all-keeps-others': { signOutAllDevicesEndsOthers: true },
};

describe('each drift variant changes what the site does, and the clean site keeps the guide’s', () => {
  let clean: StartedSite;
  let drifted: StartedSite;

  beforeAll(async () => {
    [clean, drifted] = await Promise.all([startSite(), startSite()]);
  });
  afterAll(async () => {
    await Promise.all([clean.close(), drifted.close()]);
  });

  it('the clean site is the one the guide describes', { timeout: 120_000 }, async () => {
    const observed: Record<string, unknown> = {};
    for (const [key, probe] of Object.entries(PROBES)) observed[key] = await probe(clean);
    expect(observed).toEqual(CLEAN_OBSERVATIONS);
  });

  it('says what every variant of the catalogue, and only those, makes the site do', () => {
    expect(Object.keys(VARIANT_OBSERVATIONS).sort()).toEqual(DRIFT_VARIANTS.map((v) => v.name).sort());
    for (const variant of DRIFT_VARIANTS) {
      expect(Object.keys(VARIANT_OBSERVATIONS[variant.name]!).sort(), variant.name).toEqual(
        Object.keys(variant.override).sort(),
      );
    }
  });

  it.each(DRIFT_VARIANTS)('$name', { timeout: 60_000 }, async (variant) => {
    const control = new TestControlClient(drifted.url);
    await control.useDrift(variant.name);
    const observed: Record<string, unknown> = {};
    for (const key of Object.keys(variant.override) as (keyof SiteVariant)[]) {
      observed[key] = await PROBES[key](drifted);
      expect(observed[key], key).not.toEqual(CLEAN_OBSERVATIONS[key]);
    }
    expect(observed).toEqual(VARIANT_OBSERVATIONS[variant.name]);
  });

  it('switches back to the clean site through the test-control API', async () => {
    const control = new TestControlClient(drifted.url);
    await control.useDrift(null);
    expect(await PROBES.accountMenuLabel(drifted)).toBe('Your Account');
    await expect(control.useDrift('no-such-drift')).rejects.toThrow(/400/);
  });
});
