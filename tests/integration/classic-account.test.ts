import { describe, expect, it } from 'vitest';
import { hiddenPhone } from '../../mock-server/classic/settings.ts';
import { phoneMessage } from '../../mock-server/classic/wording.ts';
import { checkPhoneNumber } from '../../mock-server/domain/phone.ts';
import {
  alertOf,
  ClassicBrowser,
  classicEmail,
  decode,
  describedBy,
  classicSiteForThisFile,
  CLASSIC_PASSWORD,
} from '../support/classic-browser.ts';

const classic = classicSiteForThisFile();
const PASSWORD = CLASSIC_PASSWORD;

async function twoDevices(label: string, phone?: { e164: string; textMessages: boolean }) {
  const account = await classic.control.createAccount({
    email: classicEmail(label),
    password: PASSWORD,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Kids', kids: true },
    ],
    ...(phone ? { phone } : {}),
  });
  const deviceB = new ClassicBrowser(classic.site.url, 'device B');
  await deviceB.signIn(account.email, PASSWORD);
  await deviceB.chooseProfile(account.profiles[0]!.id);
  const deviceA = new ClassicBrowser(classic.site.url, 'device A');
  await deviceA.signIn(account.email, PASSWORD);
  await deviceA.chooseProfile(account.profiles[0]!.id);
  return { account, deviceA, deviceB };
}

const sessionIds = async (accountId: string) =>
  (await classic.control.activeSessions(accountId)).map((s) => s.id).sort();

describe('the classic change-password page', () => {
  it('has the guide\'s three fields in order, "Require all devices…" unticked, and "Save"', async () => {
    const { deviceA } = await twoDevices('password-page');
    const settings = await deviceA.get('/member/settings');
    expect(settings.html).toContain('<a href="/member/settings/password">Change password</a>');
    const { html } = await deviceA.get('/member/settings/password');
    const order = ['name="current_password"', 'name="new_password"', 'name="new_password_again"'].map((f) =>
      html.indexOf(f),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(html).toMatch(/<label for="in-sign_out_everywhere">Require all devices to sign in again/);
    expect(html).not.toMatch(/name="sign_out_everywhere"[^>]*checked/);
    expect(html).toContain('<button type="submit" class="btn">Save</button>');
  });

  it('with the tick: 303 to the settings with a notice, a new session here, device B signed out and told why', async () => {
    const { account, deviceA, deviceB } = await twoDevices('tick');
    const before = deviceA.cookie();
    const answer = await deviceA.submit('/member/settings/password', {
      current_password: PASSWORD,
      new_password: 'fresh-pass-42',
      new_password_again: 'fresh-pass-42',
      sign_out_everywhere: 'yes',
    });
    expect(answer).toMatchObject({ status: 303, location: '/member/settings' });
    expect(deviceA.cookie()).not.toBe(before);
    expect(await sessionIds(account.id)).toEqual([deviceA.cookie()]);
    const settings = await deviceA.get('/member/settings');
    expect(settings.html).toContain('<p class="flash" role="status">Password updated.');
    expect((await deviceA.get('/member/settings')).html).not.toContain('Password updated'); // shown once

    const landing = await deviceB.get('/member/settings');
    expect(landing).toMatchObject({ status: 303, location: '/signin' });
    const signInPage = await deviceB.get('/signin');
    expect(signInPage.html).toMatch(
      /role="status">You were signed out because the password of this account was changed/,
    );
    expect(await classic.site.accounts.passwordMatches(account.id, 'fresh-pass-42')).toBe(true);
    expect(await classic.site.accounts.passwordMatches(account.id, PASSWORD)).toBe(false);
  });

  it('without the tick: device B keeps its session', async () => {
    const { account, deviceA, deviceB } = await twoDevices('no-tick');
    const deviceBSession = deviceB.cookie();
    const answer = await deviceA.submit('/member/settings/password', {
      current_password: PASSWORD,
      new_password: 'fresh-pass-42',
      new_password_again: 'fresh-pass-42',
    });
    expect(answer.status).toBe(303);
    expect(await sessionIds(account.id)).toEqual([deviceA.cookie(), deviceBSession].sort());
    expect((await deviceB.get('/member/settings')).status).toBe(200);
  });

  it.each([
    [
      'a wrong current password',
      'wrong-password-1',
      'fresh-pass-42',
      'fresh-pass-42',
      'current_password',
      'That isn’t the current password of this account.',
    ],
    [
      'two new passwords that differ',
      PASSWORD,
      'fresh-pass-42',
      'fresh-pass-43',
      'new_password_again',
      'The two new passwords aren’t the same.',
    ],
    ['a new password too short', PASSWORD, '12345', '12345', 'new_password', 'A new password has 6 to 60 characters.'],
    [
      'the current password as the new one',
      PASSWORD,
      PASSWORD,
      PASSWORD,
      'new_password',
      'The new password must not be the current one.',
    ],
    ['every field empty', '', '', '', 'current_password', 'Type your current password.'],
    ['the new fields empty', PASSWORD, '', '', 'new_password', 'Type a new password.'],
  ])(
    'refuses %s at its field, above which the form says so, and changes nothing',
    async (_l, current, next, again, field, message) => {
      const { account, deviceA } = await twoDevices('refused');
      const sessions = await sessionIds(account.id);
      const answer = await deviceA.submit('/member/settings/password', {
        current_password: current,
        new_password: next,
        new_password_again: again,
        sign_out_everywhere: 'yes',
      });
      expect(answer.status).toBe(422);
      expect(decode(describedBy(answer.html, field))).toBe(message);
      expect(alertOf(answer.html)).toBe('The password was not changed. See the marked fields below.');
      expect(await sessionIds(account.id)).toEqual(sessions);
      expect(await classic.site.accounts.passwordMatches(account.id, PASSWORD)).toBe(true);
    },
  );

  it('with a Kids profile: the settings say so in MEMBERSHIP & BILLING, offer no link, and refuse a post', async () => {
    const { account, deviceA } = await twoDevices('kids');
    await deviceA.chooseProfile(account.profiles[1]!.id);
    const settings = await deviceA.get('/member/settings');
    const section = settings.html.slice(settings.html.indexOf('MEMBERSHIP'), settings.html.indexOf('PLAN DETAILS'));
    expect(section).toContain('Kids profiles cannot change the account password.');
    expect(section).not.toContain('/member/settings/password');
    const refused = await deviceA.submit('/member/settings/password', {
      current_password: PASSWORD,
      new_password: 'fresh-pass-42',
      new_password_again: 'fresh-pass-42',
    });
    expect(refused.status).toBe(403);
    expect(await classic.site.accounts.passwordMatches(account.id, PASSWORD)).toBe(true);
  });
});

describe('the classic phone page', () => {
  it('asks for the number (United States chosen) first, the password second, then its own tick box', async () => {
    const { deviceA } = await twoDevices('phone-page');
    const { html } = await deviceA.get('/member/settings/phone');
    expect(html).toContain('<h1>Add phone number</h1>');
    expect(html).toMatch(/<option value="US" selected>\s*United States \(\+1\)/);
    const at = (s: string) => html.indexOf(s);
    expect(at('name="number"')).toBeLessThan(at('name="password"'));
    expect(at('name="password"')).toBeLessThan(at('I want to receive text messages from Flickbox'));
    expect(html).toMatch(
      /<button type="submit" class="btn"\s*>Save<\/button>\s*<a class="plain-btn" href="\/member\/settings">Cancel<\/a>/,
    );
  });

  it('stores E.164 and shows the number hidden its own way, with the choice about text messages', async () => {
    const { account, deviceA } = await twoDevices('phone-save');
    const answer = await deviceA.submit('/member/settings/phone', {
      country: 'US',
      number: '(213) 555-0123',
      password: PASSWORD,
    });
    expect(answer).toMatchObject({ status: 303, location: '/member/settings' });
    expect((await classic.control.account(account.id)).phone).toEqual({ e164: '+12135550123', textMessages: false });
    const { html } = await deviceA.get('/member/settings');
    expect(html).toContain('Phone number saved.');
    expect(html).toContain('+1 ••• ••• ••23');
    expect(html).toContain('Text messages are off');
    expect(html).toContain('<a href="/member/settings/phone">Change phone number</a>');
  });

  it.each([
    [
      'a wrong password',
      '213 555 0123',
      'wrong-password-1',
      'password',
      'That password isn’t right. Type the password of your account.',
    ],
    ['no password', '213 555 0123', '', 'password', 'Type your password.'],
    ['a short number', '555', PASSWORD, 'number', 'Too few digits for a phone number in United States.'],
    ['letters', 'abc', PASSWORD, 'number', 'Use only the digits 0–9, spaces and + - ( ) . in a phone number.'],
  ])('refuses %s at its field and keeps the stored number', async (_l, number, password, field, message) => {
    const stored = { e164: '+12135550123', textMessages: false };
    const { account, deviceA } = await twoDevices('phone-refused', stored);
    const answer = await deviceA.submit('/member/settings/phone', { country: 'US', number, password, texts: 'yes' });
    expect(answer.status).toBe(422);
    expect(decode(describedBy(answer.html, field))).toBe(message);
    expect(answer.html).toContain(`value="${decode(number) === number ? number : ''}"`);
    expect((await classic.control.account(account.id)).phone).toEqual(stored);
  });

  it('phone-and-password-swapped: the drifted page asks for the password first', async () => {
    const { deviceA } = await twoDevices('swapped');
    try {
      await classic.control.useDrift('phone-and-password-swapped');
      const { html } = await deviceA.get('/member/settings/phone');
      expect(html.indexOf('name="password"')).toBeLessThan(html.indexOf('name="number"'));
    } finally {
      await classic.control.useDrift(null);
    }
  });
});

describe("the classic wording of the domain's phone rules and of a stored number", () => {
  it.each([
    ['US', '', 'Type the phone number to add.'],
    ['US', '555', 'Too few digits for a phone number in United States.'],
    ['US', '213 555 01234', 'Too many digits for a phone number in United States.'],
    ['US', '123456789012345678901', 'Too many digits for a phone number.'],
    ['US', '+999 1234 5678', 'No country has the code this number starts with.'],
    ['GB', '213 555 0123', 'United Kingdom has no phone numbers like this one.'],
    [
      'GB',
      '+1 213 555 0123',
      'The number starts with +1, but the code of United Kingdom is +44. Pick the country the number belongs to.',
    ],
    ['XX', '213 555 0123', 'Pick a country from the list.'],
  ])('%s "%s" → %s', (country, typed, words) => {
    const check = checkPhoneNumber(country, typed);
    expect(check.ok).toBe(false);
    expect(phoneMessage(check.ok ? '' : check.message)).toBe(words);
  });

  it.each([
    ['+12135550123', '+1 ••• ••• ••23'],
    ['+442079460123', '+44 •• •••• ••23'],
    ['+61491570156', '+61 ••• ••• •56'],
  ])('%s is shown as %s', (e164, shown) => {
    expect(hiddenPhone(e164)).toBe(shown);
  });
});
