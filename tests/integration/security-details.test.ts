import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../mock-server/api/http.ts';
import { newAccountBody, PASSWORD_NOT_WELL_FORMED, profileNameKey } from '../../mock-server/api/schemas.ts';
import { createApp } from '../../mock-server/app.ts';
import { changePasswordForm, phoneForm, readForm, signInForm } from '../../mock-server/classic/forms.ts';
import { CLASSIC_STYLE_HASH } from '../../mock-server/classic/layout.ts';
import { WORDS } from '../../mock-server/classic/wording.ts';
import { DEMO_EMAIL, demoAccount, PUBLISHED_DEMO_PASSWORD } from '../../mock-server/demo-account.ts';
import { hashPassword } from '../../mock-server/domain/passwords.ts';
import { maskedPhone } from '../../mock-server/domain/phone.ts';
import { startMockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { ClassicBrowser, classicEmail, startClassic } from '../support/classic-browser.ts';
import { uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

/** Issue 18, finding 7: the smaller findings, each at its cause. */

const PASSWORD = 'details-pass-1';
const LONE = 'abcd\uD800efg';

let site: StartedSite;
let control: TestControlClient;

beforeAll(async () => {
  site = await startMockServer({ testMode: true });
  control = new TestControlClient(site.url);
});
afterAll(() => site.close());

async function signedIn(profiles = [{ name: 'Ann' }]) {
  const email = uniqueEmail('details');
  const account = await control.createAccount({ email, password: PASSWORD, profiles });
  const browser = new SiteClient(site.url);
  await browser.signInAs(email, PASSWORD, 'Ann', account.profiles);
  return { browser, account, email };
}

const styleSrc = (response: Response) =>
  /(?:^|;)\s*style-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';

describe('CSP: no inline styles allowed, and none needed', () => {
  it("first rendition: style-src is the site's own sheets, without 'unsafe-inline'", async () => {
    const home = await fetch(`${site.url}/`);
    expect(styleSrc(home)).toBe("'self'");
  });

  it('first rendition: no page carries a style attribute, on the clean site and the lower-left variants', async () => {
    const { browser } = await signedIn([{ name: 'Ann' }, { name: 'Bo' }]);
    const pages = ['/', '/login', '/profiles', '/browse', '/account', '/password', '/phone'];
    for (const drift of [null, 'sign-in-lower-left', 'profile-menu-out-of-header']) {
      await control.useDrift(drift);
      for (const path of pages) {
        const html = await (await browser.page(path)).text();
        expect(html, `${drift} ${path}`).not.toMatch(/\sstyle=/i);
        expect(html, `${drift} ${path}`).not.toMatch(/<style/i);
      }
    }
    await control.useDrift('sign-in-lower-left');
    expect(await (await new SiteClient(site.url).page('/')).text()).toContain('<div class="lower-left">');
    await control.useDrift('profile-menu-out-of-header');
    expect(await (await browser.page('/browse')).text()).toContain('<div class="lower-left lower-left-dock">');
    await control.useDrift(null);
  });

  it("classic: style-src allows its one inline sheet by hash, not 'unsafe-inline', and no style attribute", async () => {
    const { site: classic, control: classicControl } = await startClassic();
    try {
      const email = classicEmail('csp');
      const account = await classicControl.createAccount({ email, password: PASSWORD, profiles: [{ name: 'Ann' }] });
      const browser = new ClassicBrowser(classic.url);
      const signIn = await fetch(`${classic.url}/signin`);
      expect(styleSrc(signIn)).toBe(`'self' ${CLASSIC_STYLE_HASH}`);
      const sheet = /<style>([\s\S]*?)<\/style>/.exec(await signIn.text())?.[1] ?? '';
      expect(`'sha256-${createHash('sha256').update(sheet).digest('base64')}'`).toBe(CLASSIC_STYLE_HASH);
      await browser.signIn(email, PASSWORD);
      await browser.chooseProfile(account.profiles[0]!.id);
      for (const path of ['/', '/home', '/member/settings', '/member/settings/password', '/member/settings/phone']) {
        expect((await browser.get(path)).html, path).not.toMatch(/\sstyle=/i);
      }
    } finally {
      await classic.close();
    }
  });
});

describe('HSTS only over https', () => {
  it('is not sent over plain http', async () => {
    const home = await fetch(`${site.url}/`);
    expect(home.headers.get('strict-transport-security')).toBeNull();
  });

  it('is sent when the request came over TLS', async () => {
    const { app } = createApp({ testMode: false });
    // The app sees what a TLS socket shows it (req.secure), without a certificate.
    const server: Server = createServer((req, res) => {
      Object.defineProperty(req.socket, 'encrypted', { value: true });
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('CSRF: a token is good for one live session', () => {
  it('a token issued before sign-out does not pass afterwards, even with the old cookies sent back', async () => {
    const { browser, account } = await signedIn();
    const oldCookies = `sid=${browser.sessionId}; csrf=${browser.cookie('csrf')}`;
    const oldToken = browser.csrfToken;
    expect((await browser.signOut()).status).toBe(200);

    const replay = await fetch(`${site.url}/api/session/profile`, {
      method: 'PUT',
      headers: { cookie: oldCookies, 'content-type': 'application/json', 'x-csrf-token': oldToken },
      body: JSON.stringify({ profileId: account.profiles[0]!.id }),
    });
    expect(replay.status).toBe(403);
    expect(((await replay.json()) as { error: string }).error).toMatch(/expired or did not come from this site/);
  });

  it('a token issued to a signed-in session still works while that session lives', async () => {
    const { browser, account } = await signedIn();
    await browser.page('/profiles');
    const chosen = await browser.api('PUT', '/api/session/profile', { profileId: account.profiles[0]!.id });
    expect(chosen.status).toBe(200);
  });
});

describe('Content-Type of a JSON body: exactly application/json', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON', true],
    ['application/json; charset=utf-8', true],
    ['application/json;charset="UTF-8"', true],
    ['application/jsonx', false],
    ['application/json-patch+json', false],
    ['application/json; charset=latin1', false],
    ['application/json; boundary=x', false],
    ['application/json; charset=utf-8; x=1', false],
    ['application/json;', false],
    ['text/plain; application/json', false],
  ])('%s → %s', (header, accepted) => {
    expect(isJsonContentType(header)).toBe(accepted);
  });

  it('the API answers 415 to a type that merely starts with application/json', async () => {
    const answer = await fetch(`${site.url}/__test/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/jsonx' },
      body: JSON.stringify({ email: uniqueEmail('ct'), password: PASSWORD, profiles: [{ name: 'A' }] }),
    });
    expect(answer.status).toBe(415);
  });
});

describe('/api/account: the phone as the page shows it, never whole', () => {
  it('returns the masked number and the text-message choice', async () => {
    const email = uniqueEmail('masked');
    const account = await control.createAccount({
      email,
      password: PASSWORD,
      profiles: [{ name: 'Ann' }],
      phone: { e164: '+12135550123', textMessages: true },
    });
    const browser = new SiteClient(site.url);
    await browser.signInAs(email, PASSWORD, 'Ann', account.profiles);
    const body = await (await browser.fetch('/api/account')).text();
    expect(body).not.toContain('2135550123');
    expect((JSON.parse(body) as { phone: unknown }).phone).toEqual({
      masked: maskedPhone('+12135550123'),
      textMessages: true,
    });
  });
});

describe('lone surrogates in passwords: refused with a message, never collapsed by hashing', () => {
  it('the domain will not hash one', async () => {
    await expect(hashPassword(LONE)).rejects.toThrow(RangeError);
    await expect(hashPassword('pair 😀 ok')).resolves.toMatch(/^scrypt\$/);
  });

  it('first rendition: sign-in answers 400 with the field message (JSON.stringify escapes it as \\ud800)', async () => {
    const browser = new SiteClient(site.url);
    const answer = await browser.signIn(uniqueEmail('lone'), LONE);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { fields: Record<string, string> }).fields).toEqual({
      password: PASSWORD_NOT_WELL_FORMED,
    });
  });

  it('first rendition: the change form answers 400 for the current and the new password', async () => {
    const { browser } = await signedIn();
    await browser.page('/password');
    const answer = await browser.api('PUT', '/api/account/password', {
      currentPassword: `${PASSWORD}\uDFFF`,
      newPassword: LONE,
      confirmPassword: LONE,
      signOutOtherDevices: false,
    });
    expect(answer.status).toBe(400);
    const { fields } = (await answer.json()) as { fields: Record<string, string> };
    expect(fields.currentPassword).toBe(PASSWORD_NOT_WELL_FORMED);
    expect(fields.newPassword).toBe(PASSWORD_NOT_WELL_FORMED);
  });

  it('the test-control API will not create an account with one', () => {
    const parsed = newAccountBody.safeParse({ email: 'a@b.test', password: LONE, profiles: [{ name: 'A' }] });
    expect(parsed.error?.issues[0]?.message).toBe(PASSWORD_NOT_WELL_FORMED);
  });

  it('classic: the sign-in, change-password and phone forms give their field a message', () => {
    const signIn = readForm({ email: 'a@b.test', password: LONE }, signInForm);
    expect(signIn).toEqual({ ok: false, fields: { password: WORDS.passwordNotWellFormed } });
    const change = readForm(
      { current_password: LONE, new_password: 'new-pass-1\uD83D', new_password_again: 'new-pass-1\uD83D' },
      changePasswordForm({ confirmField: true }),
    );
    expect(change.ok ? {} : change.fields).toMatchObject({
      current_password: WORDS.passwordNotWellFormed,
      new_password: WORDS.passwordNotWellFormed,
    });
    const phone = readForm({ country: 'US', number: '213 555 0123', password: LONE }, phoneForm({ validate: true }));
    expect(phone).toEqual({ ok: false, fields: { password: WORDS.passwordNotWellFormed } });
  });

  // No HTTP test for classic: an urlencoded body is UTF-8, where a lone surrogate cannot be written (a browser sends
  // U+FFFD, and the body parser turns broken UTF-8 into U+FFFD too); the forms' rule is there should one arrive.
});

describe('profile names that look alike are the same name', () => {
  it.each([
    ['case', 'Alex', 'ALEX'],
    ['white space', 'Ann Lee', ' ann   lee '],
    ['full-width forms (NFKC)', 'Alex', 'Ａｌｅｘ'],
    ['ligatures (NFKC)', 'fin', 'ﬁn'],
    ['zero-width characters', 'Alex', 'Al\u200Bex'],
    ['composed and decomposed accents', 'Zoé', 'Zoe\u0301'],
    ['sharp s', 'STRASSE', 'straße'],
  ])('%s: %s and %s', async (_what, first, second) => {
    expect(profileNameKey(first)).toBe(profileNameKey(second));
    const answer = await fetch(`${site.url}/__test/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: uniqueEmail('lookalike'),
        password: PASSWORD,
        profiles: [{ name: first }, { name: second }],
      }),
    });
    expect(answer.status).toBe(400);
    const { fields } = (await answer.json()) as { fields: Record<string, string> };
    expect(fields.profiles).toMatch(/^Each profile name must be unique/);
  });

  it('different names stay different, and a name of invisible characters only is no name', () => {
    expect(profileNameKey('Ann')).not.toBe(profileNameKey('Anna'));
    const invisible = newAccountBody.safeParse({
      email: 'a@b.test',
      password: PASSWORD,
      profiles: [{ name: '\u200B\u200D' }],
    });
    expect(invisible.error?.issues[0]?.message).toBe('Give the profile a name.');
  });
});

describe('the demo account of `npm run mock-server`', () => {
  it('in test mode: the published password', () => {
    expect(demoAccount({ testMode: true })).toMatchObject({ email: DEMO_EMAIL, password: PUBLISHED_DEMO_PASSWORD });
  });

  it('with --no-test-mode: a random password, a new one each start, never the published one', () => {
    const first = demoAccount({ testMode: false }).password;
    const second = demoAccount({ testMode: false }).password;
    expect(first).not.toBe(PUBLISHED_DEMO_PASSWORD);
    expect(first).not.toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(20);
    expect(first.length).toBeLessThanOrEqual(60);
  });
});
