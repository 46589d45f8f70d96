import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { uniqueEmail } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

describe('test-control API', () => {
  let site: MockServer;
  let control: TestControlClient;

  beforeAll(async () => {
    site = await startMockServer({ testMode: true });
    control = new TestControlClient(site.url);
  });
  afterAll(() => site.close());

  const post = (body: unknown) =>
    fetch(`${site.url}/__test/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates an isolated account that can sign in, and lists its sessions', async () => {
    const email = uniqueEmail('control');
    const account = await control.createAccount({
      email,
      password: 'pass-word-1',
      profiles: [{ name: 'Ann' }, { name: 'Kids', kids: true }],
    });
    expect(account.profiles.map((p) => [p.name, p.kids])).toEqual([
      ['Ann', false],
      ['Kids', true],
    ]);
    await new SiteClient(site.url).signIn(email, 'pass-word-1');
    await new SiteClient(site.url).signIn(email, 'pass-word-1');
    expect(await control.activeSessions(account.id)).toHaveLength(2);
    expect((await control.account(account.id)).phone).toBeNull();
  });

  it('never returns the password or its hash', async () => {
    const account = await control.createAccount({
      email: uniqueEmail('secret'),
      password: 'hidden-pw',
      profiles: [{ name: 'A' }],
    });
    const text = JSON.stringify(await control.account(account.id));
    expect(text).not.toMatch(/hidden-pw|scrypt|passwordHash/);
  });

  it.each([
    ['an empty object', {}, 'email'],
    ['wrong types', { email: 1, password: 2, profiles: 'Ann' }, 'profiles'],
    ['no profiles', { email: 'a@b.test', password: 'pass-1', profiles: [] }, 'profiles'],
    [
      'six profiles',
      { email: 'a@b.test', password: 'pass-1', profiles: 'ABCDEF'.split('').map((name) => ({ name })) },
      'profiles',
    ],
    [
      'two profiles with one name',
      { email: 'a@b.test', password: 'pass-1', profiles: [{ name: 'Jo' }, { name: 'jo' }] },
      'profiles',
    ],
    [
      'a Kids main profile',
      { email: 'a@b.test', password: 'pass-1', profiles: [{ name: 'K', kids: true }] },
      'profiles',
    ],
    ['an unknown field', { email: 'a@b.test', password: 'pass-1', profiles: [{ name: 'A' }], role: 'admin' }, 'role'],
    [
      'a phone not in E.164',
      { email: 'a@b.test', password: 'pass-1', profiles: [{ name: 'A' }], phone: { e164: '555', textMessages: true } },
      'phone.e164',
    ],
  ])('refuses %s with 400 naming the field, and creates nothing', async (_, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: Record<string, string> }).fields[field]).toBeTruthy();
    // 401, or 429 once the rows' repeated failures for this email trip the sign-in throttle: never signed in.
    expect((await new SiteClient(site.url).signIn('a@b.test', 'pass-1')).status).not.toBe(200);
  });

  it('refuses an empty body with 400', async () => {
    expect((await post('')).status).toBe(400);
  });

  it('refuses a second account with the same email with 409', async () => {
    const email = uniqueEmail('twice');
    await control.createAccount({ email, password: 'pass-1', profiles: [{ name: 'A' }] });
    const response = await post({ email, password: 'other-1', profiles: [{ name: 'B' }] });
    expect(response.status).toBe(409);
    expect((await new SiteClient(site.url).signIn(email, 'other-1')).status).toBe(401);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await post({ email: 'a@b.test', password: 'pass-1', profiles: [{ name: 'x'.repeat(20_000) }] });
    expect(response.status).toBe(413);
  });

  it('answers a malformed or unknown account id with 4xx', async () => {
    expect((await fetch(`${site.url}/__test/accounts/not-a-uuid`)).status).toBe(400);
    expect((await fetch(`${site.url}/__test/accounts/00000000-0000-4000-8000-000000000000/sessions`)).status).toBe(404);
  });

  it('deletes an account and ends its sessions', async () => {
    const email = uniqueEmail('gone');
    const account = await control.createAccount({ email, password: 'pass-1', profiles: [{ name: 'A' }] });
    const client = new SiteClient(site.url);
    await client.signIn(email, 'pass-1');
    await control.deleteAccount(account.id);
    expect((await client.request('GET', '/profiles')).headers.get('location')).toBe('/login');
    expect((await new SiteClient(site.url).signIn(email, 'pass-1')).status).toBe(401);
  });

  it('does not exist when the server is not in test mode', async () => {
    const production = await startMockServer({ testMode: false });
    try {
      const response = await fetch(`${production.url}/__test/health`);
      expect(response.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
