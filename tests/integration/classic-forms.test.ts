import { describe, expect, it } from 'vitest';
import {
  ClassicBrowser,
  classicEmail,
  classicSiteForThisFile,
  CLASSIC_PASSWORD,
  tokenOf,
} from '../support/classic-browser.ts';

const classic = classicSiteForThisFile();
const PASSWORD = CLASSIC_PASSWORD;

/** A signed-in browser on its account page, with a second device signed in too. */
async function signedIn(label: string) {
  const account = await classic.control.createAccount({
    email: classicEmail(label),
    password: PASSWORD,
    profiles: [{ name: 'Alex', kids: false }],
  });
  const other = new ClassicBrowser(classic.site.url, 'device B');
  await other.signIn(account.email, PASSWORD);
  const browser = new ClassicBrowser(classic.site.url, 'device A');
  await browser.signIn(account.email, PASSWORD);
  await browser.chooseProfile(account.profiles[0]!.id);
  const sessions = (await classic.control.activeSessions(account.id)).map((s) => s.id).sort();
  return { account, browser, sessions };
}

const passwordChange = (token?: string) =>
  new URLSearchParams({
    current_password: PASSWORD,
    new_password: 'fresh-pass-42',
    new_password_again: 'fresh-pass-42',
    sign_out_everywhere: 'yes',
    ...(token === undefined ? {} : { authenticity_token: token }),
  });

const phoneChange = (token?: string) =>
  new URLSearchParams({
    country: 'US',
    number: '+1 213 555 0123',
    password: PASSWORD,
    texts: 'yes',
    ...(token === undefined ? {} : { authenticity_token: token }),
  });

describe('the classic rendition accepts changes only from its own forms (synchronizer token, Origin)', () => {
  const forgeries: [string, (page: string) => { token?: string; headers?: Record<string, string> }][] = [
    ['without the token', () => ({})],
    ['with a wrong token', () => ({ token: 'x'.repeat(43) })],
    ['with an empty token', () => ({ token: '' })],
    [
      'with the right token but the Origin of another site',
      (page) => ({
        token: tokenOf(page),
        headers: { origin: 'https://evil.example' },
      }),
    ],
  ];

  it.each(forgeries)('refuses a password change %s with 403 and changes nothing', async (_label, forge) => {
    const { account, browser, sessions } = await signedIn('csrf-password');
    const page = await browser.get('/member/settings/password');
    const { token, headers } = forge(page.html);
    const answer = await browser.post('/member/settings/password', passwordChange(token), headers);
    expect(answer.status).toBe(403);
    expect(answer.html).toContain('it has expired or it came from another site');
    expect((await classic.control.activeSessions(account.id)).map((s) => s.id).sort()).toEqual(sessions);
    expect(await classic.site.accounts.passwordMatches(account.id, PASSWORD)).toBe(true);
  });

  it.each(forgeries)('refuses a phone change %s with 403 and saves nothing', async (_label, forge) => {
    const { account, browser } = await signedIn('csrf-phone');
    const page = await browser.get('/member/settings/phone');
    const { token, headers } = forge(page.html);
    const answer = await browser.post('/member/settings/phone', phoneChange(token), headers);
    expect(answer.status).toBe(403);
    expect((await classic.control.account(account.id)).phone).toBeNull();
  });

  it('lets the browser send a real Origin with its own form POSTs, and refuses "Origin: null"', async () => {
    const { account, browser } = await signedIn('origin-null');
    const page = await browser.get('/member/settings/phone');
    // helmet's no-referrer would make Chromium send "Origin: null" with every form POST, even same-origin ones.
    expect((await fetch(`${classic.site.url}/signin`)).headers.get('referrer-policy')).toBe('same-origin');
    const answer = await browser.post('/member/settings/phone', phoneChange(tokenOf(page.html)), { origin: 'null' });
    expect(answer.status).toBe(403);
    expect((await classic.control.account(account.id)).phone).toBeNull();
  });

  it("refuses a sign-in without the token (login CSRF), and one with another browser's token", async () => {
    const account = await classic.control.createAccount({
      email: classicEmail('csrf-sign-in'),
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const attacker = new ClassicBrowser(classic.site.url);
    const stolen = tokenOf((await attacker.get('/signin')).html);
    const victim = new ClassicBrowser(classic.site.url);
    await victim.get('/signin');
    const body = { email: account.email, password: PASSWORD };
    expect((await victim.post('/signin', new URLSearchParams(body))).status).toBe(403);
    expect((await victim.post('/signin', new URLSearchParams({ ...body, authenticity_token: stolen }))).status).toBe(
      403,
    );
    expect(await classic.control.activeSessions(account.id)).toEqual([]);
  });

  it("accepts the same request with the page's token and a same-site Origin", async () => {
    const { account, browser } = await signedIn('csrf-ok');
    const page = await browser.get('/member/settings/phone');
    const answer = await browser.post('/member/settings/phone', phoneChange(tokenOf(page.html)), {
      origin: classic.site.url,
    });
    expect(answer).toMatchObject({ status: 303, location: '/member/settings' });
    expect((await classic.control.account(account.id)).phone).toEqual({ e164: '+12135550123', textMessages: true });
  });

  it('gives a new token with the new session at sign-in: the pre-session token no longer works', async () => {
    const { browser } = await signedIn('rotate');
    const before = tokenOf((await browser.get('/member/settings/password')).html);
    const fresh = new ClassicBrowser(classic.site.url);
    const preToken = tokenOf((await fresh.get('/signin')).html);
    expect(preToken).not.toBe(before);
  });

  it('csrf-token-unchecked: the drifted site accepts the forged change', async () => {
    try {
      await classic.control.useDrift('csrf-token-unchecked');
      const { account, browser } = await signedIn('csrf-drift');
      const answer = await browser.post('/member/settings/phone', phoneChange(), { origin: 'https://evil.example' });
      expect(answer.status).toBe(303);
      expect((await classic.control.account(account.id)).phone?.e164).toBe('+12135550123');
    } finally {
      await classic.control.useDrift(null);
    }
  });
});

describe('the classic rendition answers bad bodies with a 4xx, never a 5xx', () => {
  it.each([
    ['JSON instead of a form', JSON.stringify({ email: 'a@b.c' }), 'application/json'],
    ['no content type', 'email=a', 'text/plain'],
    ['a field sent twice', 'email=a%40b.c&email=c%40d.e&password=x', undefined],
    ['an array field', 'email[]=a&password[]=b', undefined],
    ['broken percent-encoding', 'email=%E0%A4%A&password=%', undefined],
    ['a __proto__ field', '__proto__=1&constructor=2&email=x', undefined],
    ['200 fields', Array.from({ length: 200 }, (_, i) => `f${i}=1`).join('&'), undefined],
    ['a 20 KiB body', `email=${'a'.repeat(20 * 1024)}`, undefined],
    ['an unknown charset', 'email=a', 'application/x-www-form-urlencoded; charset=klingon'],
  ])('%s', async (_label, body, contentType) => {
    const { browser } = await signedIn('garbage');
    for (const path of [
      '/signin',
      '/profiles/select',
      '/member/settings/password',
      '/member/settings/phone',
      '/signout',
    ]) {
      const page = await browser.get(path === '/signout' ? '/home' : path);
      const token = page.status === 200 ? tokenOf(page.html) : '';
      const withToken = `${body}&authenticity_token=${token}`;
      const answer = await browser.post(path, withToken, contentType ? { 'content-type': contentType } : {});
      expect(answer.status, `${path}: ${answer.html.slice(0, 200)}`).toBeGreaterThanOrEqual(300);
      expect(answer.status, `${path}`).toBeLessThan(500);
    }
  });
});
