import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

describe('sign-in API', () => {
  let site: MockServer;
  let control: TestControlClient;
  const email = uniqueEmail('sign-in');
  let accountId: string;
  const password = 'right-password-1';

  beforeAll(async () => {
    site = await startSite();
    control = new TestControlClient(site.url);
    ({ id: accountId } = await control.createAccount({ email, password, profiles: [{ name: 'Ann' }] }));
  });
  afterAll(() => site.close());

  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = new SiteClient(site.url);
    const response = await client.signIn(email, password);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: '/profiles' });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    await client.signOut();
  });

  it('gives a new session id at sign-in even when the browser brings one', async () => {
    const client = new SiteClient(site.url);
    await client.signIn(email, password);
    const first = client.sessionId;
    await client.signIn(email, password);
    expect(client.sessionId).toBeTruthy();
    expect(client.sessionId).not.toBe(first);
    expect(await control.activeSessions(accountId)).toHaveLength(1);
    await client.signOut();
  });

  it('answers a wrong password and an unknown email with the same words and status', async () => {
    const wrong = await new SiteClient(site.url).signIn(email, 'wrong-password');
    const unknown = await new SiteClient(site.url).signIn(uniqueEmail('nobody'), password);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it.each([
    ['no body', '', 400, undefined],
    ['not JSON', '{"email":', 400, undefined],
    ['an array', '[]', 400, 'body'],
    ['empty fields', { email: '', password: '' }, 400, 'email'],
    ['a malformed email', { email: 'not-an-email', password }, 400, 'email'],
    ['wrong types', { email: 42, password: true }, 400, 'password'],
    ['a password of 61 characters', { email, password: 'x'.repeat(61) }, 400, 'password'],
    ['an unknown field', { email, password, admin: true }, 400, 'admin'],
    ['an email of 300 characters', { email: `${'a'.repeat(290)}@unit.test`, password }, 400, 'email'],
  ])('refuses %s with a 4xx naming the field, and signs nobody in', async (_, body, status, field) => {
    const response = await new SiteClient(site.url).send('POST', '/api/session', body);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: string; fields?: Record<string, string> };
    expect(answer.error).toBeTruthy();
    if (field) expect(answer.fields?.[field]).toBeTruthy();
    expect(await control.activeSessions(accountId)).toHaveLength(0);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const client = new SiteClient(site.url);
    await client.page('/login');
    const token = client.csrfToken;
    const response = await client.request('POST', '/api/session', {
      body: `email=${email}&password=${password}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
    });
    expect(response.status).toBe(415);
  });

  it('refuses a body over the size cap with 413', async () => {
    const response = await new SiteClient(site.url).send('POST', '/api/session', {
      email,
      password: 'x'.repeat(20_000),
    });
    expect(response.status).toBe(413);
    expect(await control.activeSessions(accountId)).toHaveLength(0);
  });

  it('refuses a sign-in without the CSRF token and signs nobody in', async () => {
    const response = await new SiteClient(site.url).send('POST', '/api/session', { email, password }, { csrf: false });
    expect(response.status).toBe(403);
    expect(await control.activeSessions(accountId)).toHaveLength(0);
  });

  it('answers an unknown API route with a loud 404 JSON', async () => {
    const response = await new SiteClient(site.url).request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No API endpoint answers GET /api/nothing-here.' });
  });

  it('only lets a signed-in session choose one of its own profiles', async () => {
    const anonymous = await new SiteClient(site.url).send('PUT', '/api/session/profile', { profileId: 'x' });
    expect(anonymous.status).toBe(401);
    const client = new SiteClient(site.url);
    await client.signIn(email, password);
    const foreign = await client.send('PUT', '/api/session/profile', { profileId: 'not-mine' }, { page: '/profiles' });
    expect(foreign.status).toBe(404);
    await client.signOut();
  });

  it('sends security headers with every page', async () => {
    const response = await new SiteClient(site.url).request('GET', '/');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
