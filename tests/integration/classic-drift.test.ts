import { describe, expect, it } from 'vitest';
import { DRIFT_VARIANTS } from '../../mock-server/index.ts';
import {
  alertOf,
  ClassicBrowser,
  classicEmail,
  classicSiteForThisFile,
  CLASSIC_PASSWORD,
} from '../support/classic-browser.ts';

const classic = classicSiteForThisFile();
const PASSWORD = CLASSIC_PASSWORD;

/** A fresh account with a second device signed in, and this browser on the profile "Alex". */
async function member() {
  const account = await classic.control.createAccount({
    email: classicEmail('drift'),
    password: PASSWORD,
    profiles: [{ name: 'Alex', kids: false }],
  });
  const other = new ClassicBrowser(classic.site.url, 'device B');
  await other.signIn(account.email, PASSWORD);
  const browser = new ClassicBrowser(classic.site.url, 'device A');
  const signIn = await browser.signIn(account.email, PASSWORD);
  await browser.chooseProfile(account.profiles[0]!.id);
  return { account, browser, signIn };
}

const html = async (path: string) => (await (await member()).browser.get(path)).html;
const changePassword = async (fields: Record<string, string>) => {
  const { account, browser } = await member();
  const answer = await browser.submit('/member/settings/password', {
    new_password: 'fresh-pass-42',
    new_password_again: 'fresh-pass-42',
    ...fields,
  });
  return { account, answer, sessions: (await classic.control.activeSessions(account.id)).length };
};
const savePhone = async (fields: Record<string, string>) => {
  const { account, browser } = await member();
  const answer = await browser.submit('/member/settings/phone', { country: 'US', number: '213 555 0123', ...fields });
  return { status: answer.status, phone: (await classic.control.account(account.id)).phone };
};

const SIGN_OUT_EVERYWHERE = '/member/settings/devices/sign-out';
/** Device A confirms "Sign out of all devices" while device B (member()) is signed in: whose sessions are left. */
const signOutEverywhere = async () => {
  const { account, browser } = await member();
  await browser.submit(SIGN_OUT_EVERYWHERE, {});
  const left = (await classic.control.activeSessions(account.id)).map((s) => s.id);
  return {
    thisDevice: left.includes(browser.cookie() ?? ''),
    others: left.length - Number(left.includes(browser.cookie() ?? '')),
  };
};

/** What each drift changes, seen through the classic rendition as a browser (or the test-control API) sees it. */
const PROBES: Record<string, () => Promise<unknown>> = {
  'sign-in-lower-left': async () => (await new ClassicBrowser(classic.site.url).get('/')).html.includes('class="dock"'),
  'profile-menu-out-of-header': async () => (await html('/home')).includes('class="dock"'),
  'your-account-renamed': async () => /href="\/member\/settings">([^<]+)</.exec(await html('/home'))?.[1],
  'change-password-renamed': async () =>
    /href="\/member\/settings\/password">([^<]+)</.exec(await html('/member/settings'))?.[1],
  'change-password-in-settings': async () => {
    const page = await html('/member/settings');
    return page.indexOf('href="/member/settings/password"') > page.indexOf('<h2>SETTINGS</h2>')
      ? 'settings'
      : 'membership';
  },
  'save-relabelled-submit': async () =>
    /<button type="submit" class="btn">([^<]+)</.exec(await html('/member/settings/password'))?.[1],
  'cookie-banner-over-sign-in': async () =>
    (await new ClassicBrowser(classic.site.url).get('/')).html.includes('class="consent"'),
  'add-phone-renamed': async () =>
    /href="\/member\/settings\/phone">([^<]+)</.exec(await html('/member/settings'))?.[1],
  'confirm-password-missing': async () => (await html('/member/settings/password')).includes('new_password_again'),
  'require-all-devices-missing': async () => (await html('/member/settings/password')).includes('sign_out_everywhere'),
  'text-messages-box-missing': async () => (await html('/member/settings/phone')).includes('name="texts"'),
  'phone-and-password-swapped': async () => {
    const page = await html('/member/settings/phone');
    return page.indexOf('name="number"') < page.indexOf('name="password"');
  },
  'profile-menu-on-hover-only': async () => (await html('/home')).includes('class="who-hover"'),
  'profile-menu-never-opens': async () => (await html('/home')).includes('popovertarget="who-menu"'),
  'phone-field-unlabelled': async () => (await html('/member/settings/phone')).includes('<label for="in-number">'),
  'save-low-contrast': async () =>
    /<button\s+type="submit"\s+class="btn low-contrast"/.test(await html('/member/settings/phone')),
  'save-stays-disabled': async () =>
    /<button\s+type="submit"\s+class="btn"\s+disabled\s*>Save</.test(await html('/member/settings/phone')),
  'profile-gate-skipped': async () => (await member()).signIn.location,
  'current-password-unchecked': async () =>
    (await changePassword({ current_password: 'wrong-password-1' })).answer.status,
  'tick-ignored': async () =>
    (await changePassword({ current_password: PASSWORD, sign_out_everywhere: 'yes' })).sessions,
  'untick-signs-out-anyway': async () => (await changePassword({ current_password: PASSWORD })).sessions,
  'old-password-still-works': async () => {
    const { account } = await changePassword({ current_password: PASSWORD });
    return (await new ClassicBrowser(classic.site.url).signIn(account.email, PASSWORD)).status;
  },
  'password-change-not-stored': async () => {
    const { account, answer, sessions } = await changePassword({ current_password: PASSWORD });
    return {
      answer: [answer.status, answer.location],
      sessions,
      newPasswordSignsIn: (await new ClassicBrowser(classic.site.url).signIn(account.email, 'fresh-pass-42')).status,
    };
  },
  'late-sign-out': async () =>
    (await changePassword({ current_password: PASSWORD, sign_out_everywhere: 'yes' })).sessions,
  'phone-saved-without-password': async () => (await savePhone({ password: 'wrong-password-1' })).status,
  'text-message-choice-dropped': async () => (await savePhone({ password: PASSWORD, texts: 'yes' })).phone,
  'invalid-phone-accepted': async () => (await savePhone({ password: PASSWORD, number: '555' })).status,
  'sign-in-reveals-unknown-email': async () =>
    alertOf((await new ClassicBrowser(classic.site.url).signIn(classicEmail('nobody'), PASSWORD)).html),
  'sign-in-never-throttled': async () => {
    const browser = new ClassicBrowser(classic.site.url);
    const email = classicEmail('guessed');
    let status = 0;
    for (let i = 0; i < 6; i++) status = (await browser.signIn(email, 'wrong-password-1')).status;
    return status;
  },
  'csrf-token-unchecked': async () => {
    const { browser } = await member();
    const body = new URLSearchParams({ country: 'US', number: '213 555 0123', password: PASSWORD });
    return (await browser.post('/member/settings/phone', body)).status;
  },
  'racy-sign-in-lock': async () => {
    const account = await classic.control.createAccount({
      email: classicEmail('burst'),
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const guesses = Array.from({ length: 20 }, (_, i) => i);
    const answers = await Promise.all(
      guesses.map((i) =>
        new ClassicBrowser(classic.site.url).signIn(account.email, i === 12 ? PASSWORD : `guess-${i}`),
      ),
    );
    return answers.filter((answer) => answer.status === 303).length;
  },
  'unthrottled-password-recheck': async () => {
    const { browser } = await member();
    let status = 0;
    for (let i = 0; i < 7; i++)
      status = (
        await browser.submit('/member/settings/phone', {
          country: 'US',
          number: '213 555 0123',
          password: `guess-${i}`,
        })
      ).status;
    return status;
  },
  'sign-out-all-renamed': async () =>
    /href="\/member\/settings\/devices\/sign-out">([^<]+)</.exec(await html('/member/settings'))?.[1],
  'sign-out-all-unconfirmed': async () => (await (await member()).browser.get(SIGN_OUT_EVERYWHERE)).status,
  'sign-out-all-ends-this-device': async () => (await signOutEverywhere()).thisDevice,
  'sign-out-all-keeps-others': async () => (await signOutEverywhere()).others,
  'session-cookie-readable-by-scripts': async () =>
    (await member()).signIn.setCookies.some((cookie) => /HttpOnly/.test(cookie)),
};

/**
 * What each probe shows on the clean classic site, then under its variant: the one difference the variant is meant
 * to make, exactly (a 401 where the clean site locks with 429, "Submit" where it says "Save"). Statuses are the
 * answers to a plain form: 303 a change accepted, 422 refused, 403 refused for a missing token. Counts are sessions
 * left, or (racy-sign-in-lock) guesses that signed in.
 */
const OBSERVATIONS: Record<string, [clean: unknown, drifted: unknown]> = {
  'sign-in-lower-left': [false, true],
  'profile-menu-out-of-header': [false, true],
  'your-account-renamed': ['Your Account', 'Account'],
  'change-password-renamed': ['Change password', 'Update password'],
  'save-relabelled-submit': ['Save', 'Submit'],
  'change-password-in-settings': ['membership', 'settings'],
  'add-phone-renamed': ['Add phone number', 'Add mobile number'],
  'confirm-password-missing': [true, false],
  'require-all-devices-missing': [true, false],
  'text-messages-box-missing': [true, false],
  'phone-and-password-swapped': [true, false],
  'cookie-banner-over-sign-in': [false, true],
  'profile-menu-on-hover-only': [false, true],
  'profile-menu-never-opens': [true, false],
  'phone-field-unlabelled': [true, false],
  'save-low-contrast': [false, true],
  'save-stays-disabled': [false, true],
  'profile-gate-skipped': ['/profiles/select', '/home'],
  'current-password-unchecked': [422, 303],
  'tick-ignored': [1, 2],
  'untick-signs-out-anyway': [2, 1],
  'old-password-still-works': [401, 303],
  'password-change-not-stored': [
    { answer: [303, '/member/settings'], sessions: 2, newPasswordSignsIn: 303 },
    { answer: [303, '/member/settings'], sessions: 2, newPasswordSignsIn: 401 },
  ],
  'late-sign-out': [1, 2],
  'phone-saved-without-password': [422, 303],
  'text-message-choice-dropped': [
    { e164: '+12135550123', textMessages: true },
    { e164: '+12135550123', textMessages: false },
  ],
  'invalid-phone-accepted': [422, 303],
  'sign-in-reveals-unknown-email': [
    'We couldn’t sign you in with that email and password. Check both and try again.',
    'There is no Flickbox account for that email address.',
  ],
  'sign-in-never-throttled': [429, 401],
  'racy-sign-in-lock': [0, 1],
  'unthrottled-password-recheck': [429, 422],
  'csrf-token-unchecked': [403, 303],
  'session-cookie-readable-by-scripts': [true, false],
  'sign-out-all-renamed': ['Sign out of all devices', 'Manage access and devices'],
  'sign-out-all-unconfirmed': [200, 303],
  'sign-out-all-ends-this-device': [true, false],
  'sign-out-all-keeps-others': [0, 1],
};

describe('every drift variant exists in the classic rendition too', () => {
  it('has a probe and what it shows, clean and drifted, for every variant', () => {
    expect(Object.keys(PROBES).sort()).toEqual(DRIFT_VARIANTS.map((v) => v.name).sort());
    expect(Object.keys(OBSERVATIONS).sort()).toEqual(DRIFT_VARIANTS.map((v) => v.name).sort());
  });

  it.each(DRIFT_VARIANTS.map((v) => [v.name, v.breaks]))('%s: %s', async (name) => {
    const probe = PROBES[name]!;
    const [clean, drifted] = OBSERVATIONS[name]!;
    await classic.control.useDrift(null);
    expect(await probe(), 'the clean site').toEqual(clean);
    try {
      await classic.control.useDrift(name);
      expect(await probe(), 'the variant').toEqual(drifted);
    } finally {
      await classic.control.useDrift(null);
    }
  });
});
