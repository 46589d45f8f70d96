import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestAccount } from '../../site/test-control-client.ts';
import { startSite, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const OLD = 'old-password-1';
const NEW = 'new-password-2';
const PATH = '/api/account/password';
const goodChange = { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, signOutOtherDevices: true };

let site: StartedSite;
let account: TestAccount;
let a: SiteClient;
let b: SiteClient;
let n = 0;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

/** Two devices of one fresh account, both past the profile choice: A as "Alex", B as "Sam". */
beforeEach(async () => {
  account = await site.accounts.createAccount({
    email: `api-${++n}@guide.test`,
    password: OLD,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
      { name: 'Kids', kids: true },
    ],
  });
  a = new SiteClient(site.url);
  b = new SiteClient(site.url);
  await a.signInAs(account.email, OLD, 'Alex', account.profiles);
  await b.signInAs(account.email, OLD, 'Sam', account.profiles);
});

const activeIds = () =>
  site.accounts
    .sessionsOf(account.id)
    .map((s) => s.id)
    .sort();

async function signsInOnNewDevice(password: string): Promise<boolean> {
  const device = new SiteClient(site.url);
  await device.page('/login');
  return (await device.api('POST', '/api/session', { email: account.email, password })).ok;
}

/** Nothing changed: the same sessions, both devices still in, and the old password still signs in. */
async function expectNothingChanged(before: string[]) {
  expect(activeIds()).toEqual(before);
  expect((await a.fetch('/api/account')).status).toBe(200);
  expect((await b.fetch('/api/account')).status).toBe(200);
  expect(await signsInOnNewDevice(OLD)).toBe(true);
  expect(await signsInOnNewDevice(NEW)).toBe(false);
}

describe('PUT /api/account/password: bad input gets a 4xx and changes nothing', () => {
  it.each([
    ['an empty object', {}, 400],
    ['empty fields', { currentPassword: '', newPassword: '', confirmPassword: '', signOutOtherDevices: true }, 400],
    ['wrong types', { currentPassword: 1, newPassword: ['x'], confirmPassword: null, signOutOtherDevices: 'yes' }, 400],
    ['an unknown field', { ...goodChange, isAdmin: true }, 400],
    ['a missing tick value', { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, 400],
    ['an array', [goodChange], 400],
    ['null', null, 400],
    ['text that is not JSON', '{"currentPassword":', 400],
    ['a body over the size limit', { ...goodChange, currentPassword: 'x'.repeat(20_000) }, 413],
  ])('%s', async (_what, body, status) => {
    const before = activeIds();

    const response = await a.api('PUT', PATH, body === null ? 'null' : body);

    expect(response.status).toBe(status);
    expect(await response.json()).toHaveProperty('error');
    await expectNothingChanged(before);
  });

  it('a body that is not sent as JSON', async () => {
    const before = activeIds();

    const response = await a.fetch(PATH, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': a.csrfToken },
      body: new URLSearchParams({ currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }).toString(),
    });

    expect(response.status).toBe(415);
    await expectNothingChanged(before);
  });

  it.each([
    ['the current password is wrong', { currentPassword: 'wrong-password' }, 'currentPassword', /incorrect/],
    ['the confirmation differs', { confirmPassword: 'new-password-3' }, 'confirmPassword', /do not match/],
    [
      'the new password has 5 characters',
      { newPassword: 'x'.repeat(5), confirmPassword: 'x'.repeat(5) },
      'newPassword',
      /between 6 and 60/,
    ],
    [
      'the new password has 61 characters',
      { newPassword: 'x'.repeat(61), confirmPassword: 'x'.repeat(61) },
      'newPassword',
      /between 6 and 60/,
    ],
    ['the new password is the current one', { newPassword: OLD, confirmPassword: OLD }, 'newPassword', /different/],
  ])('a rule is broken: %s → 400 with a message at the field', async (_what, over, field, message) => {
    const before = activeIds();

    const response = await a.api('PUT', PATH, { ...goodChange, ...over });

    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual({ [field]: expect.stringMatching(message) });
    await expectNothingChanged(before);
  });
});

describe('PUT /api/account/password: anti-CSRF', () => {
  it('refuses a request without the token with 403 and changes nothing', async () => {
    const before = activeIds();

    const response = await a.api('PUT', PATH, goodChange, { csrf: false });

    expect(response.status).toBe(403);
    await expectNothingChanged(before);
  });

  it('refuses a forged token, and the token of another device', async () => {
    const before = activeIds();
    a.csrfToken = 'forged';
    expect((await a.api('PUT', PATH, goodChange)).status).toBe(403);

    a.csrfToken = b.csrfToken;
    expect((await a.api('PUT', PATH, goodChange)).status).toBe(403);
    await expectNothingChanged(before);
  });
});

describe('PUT /api/account/password: who may change it', () => {
  it('a Kids profile is refused with 403 and a plain message, even with the right password', async () => {
    const kids = new SiteClient(site.url);
    await kids.signInAs(account.email, OLD, 'Kids', account.profiles);
    const before = activeIds();

    const response = await kids.api('PUT', PATH, goodChange);

    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/can't be changed while a Kids profile is in use/);
    await expectNothingChanged(before);
  });

  it('a visitor who is not signed in is refused with 401', async () => {
    const stranger = new SiteClient(site.url);
    await stranger.page('/login');
    const before = activeIds();

    expect((await stranger.api('PUT', PATH, goodChange)).status).toBe(401);
    await expectNothingChanged(before);
  });
});

describe('PUT /api/account/password: accepted', () => {
  it('ticked: A goes on with a new session cookie; every request B sends afterwards is refused, all at once', async () => {
    const oldA = a.cookie('sid');
    const oldB = b.cookie('sid');

    const response = await a.api('PUT', PATH, { ...goodChange, signOutOtherDevices: true });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: '/account?changed=password' });
    expect(a.cookie('sid')).toBeDefined();
    expect(a.cookie('sid')).not.toBe(oldA);
    expect((await a.page('/account?changed=password')).status).toBe(200);
    expect(activeIds()).toEqual([a.cookie('sid')]);

    // B's concurrent requests, on the API and on pages, each its own client with the revoked cookie.
    const fromB = () => {
      const device = new SiteClient(site.url);
      return device.fetch('/api/account', { headers: { cookie: `sid=${oldB}` } });
    };
    const pagesOfB = () => new SiteClient(site.url).fetch('/browse', { headers: { cookie: `sid=${oldB}` } });
    const [apiAnswers, pageAnswers] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, fromB)),
      Promise.all(Array.from({ length: 20 }, pagesOfB)),
    ]);
    expect(apiAnswers.map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(pageAnswers.map((r) => r.headers.get('location'))).toEqual(Array(20).fill('/login?reason=password-changed'));

    // The id A had before is dead too (it was renewed, not merely kept).
    const withOldA = await new SiteClient(site.url).fetch('/api/account', { headers: { cookie: `sid=${oldA}` } });
    expect(withOldA.status).toBe(401);
    expect(await signsInOnNewDevice(OLD)).toBe(false);
    expect(await signsInOnNewDevice(NEW)).toBe(true);
  });

  it('unticked: B goes on working with the same session', async () => {
    const oldB = b.cookie('sid');

    const response = await a.api('PUT', PATH, { ...goodChange, signOutOtherDevices: false });

    expect(response.status).toBe(200);
    expect(b.cookie('sid')).toBe(oldB);
    expect((await b.fetch('/api/account')).status).toBe(200);
    expect((await b.page('/browse')).status).toBe(200);
    expect(activeIds()).toEqual([a.cookie('sid'), oldB].sort());
  });
});
