import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../mock-server/index.ts';
import { type TestAccount, TestControlClient } from '../../site/test-control-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const PASSWORD = 'phone-test-password-1';
const VALID = { country: 'US', phoneNumber: '+1 213 555 0123', password: PASSWORD, textMessages: true };

let server: MockServer;
let control: TestControlClient;
let account: TestAccount;
let browser: SiteClient;
let accountCount = 0;

beforeAll(async () => {
  server = await startMockServer({ testMode: true });
  control = new TestControlClient(server.url);
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  accountCount += 1;
  account = await control.createAccount({
    email: `phone-api-${accountCount}@guide.test`,
    password: PASSWORD,
    profiles: [{ name: 'Alex' }],
  });
  browser = new SiteClient(server.url);
  // Like the phone page, the API needs a chosen profile; the CSRF token of the account page is the session's.
  await browser.signInAs(account.email, PASSWORD, 'Alex', account.profiles);
});

const savedPhone = async () => (await control.account(account.id)).phone;
/** The phone form's call, as site.js sends it; `headers` replace its own, to send what site.js never would. */
const putPhone = (body: unknown, headers: Record<string, string> = {}) =>
  browser.fetch('/api/account/phone', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.csrfToken, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('PUT /api/account/phone', () => {
  it('saves a valid number in E.164 with the text-message choice', async () => {
    const response = await putPhone(VALID);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: '/account' });
    expect(await savedPhone()).toEqual({ e164: '+12135550123', textMessages: true });
  });

  it('replaces a saved number by the same rules', async () => {
    await putPhone(VALID);
    const response = await putPhone({ ...VALID, country: 'GB', phoneNumber: '020 7946 0123', textMessages: false });

    expect(response.status).toBe(200);
    expect(await savedPhone()).toEqual({ e164: '+442079460123', textMessages: false });
  });

  it('refuses a wrong password at the password field and saves nothing', async () => {
    const response = await putPhone({ ...VALID, password: 'wrong-password-1' });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ fields: { password: 'Incorrect password. Please try again.' } });
    expect(await savedPhone()).toBeNull();
  });

  it('keeps the saved number when a change is refused', async () => {
    await putPhone(VALID);
    await putPhone({ ...VALID, phoneNumber: '+61 491 570 156', password: 'wrong-password-1' });
    await putPhone({ ...VALID, phoneNumber: '555' });

    expect(await savedPhone()).toEqual({ e164: '+12135550123', textMessages: true });
  });

  it('names every field that needs attention at once', async () => {
    const response = await putPhone({ ...VALID, phoneNumber: 'abc', password: '' });

    expect(response.status).toBe(400);
    const { fields } = (await response.json()) as { fields: Record<string, string> };
    expect(Object.keys(fields).sort()).toEqual(['password', 'phoneNumber']);
  });

  const VALID_JSON = JSON.stringify(VALID);
  /** [what is wrong, the answer's status, the field it names ('' when the body as a whole is wrong), the body] */
  const badBodies: [string, number, string, unknown][] = [
    ['no body at all', 400, '', undefined],
    ['an empty object', 400, 'phoneNumber', {}],
    ['JSON null', 400, 'body', 'null'],
    ['a JSON array', 400, 'body', [VALID]],
    ['a JSON string', 400, 'body', '"+12135550123"'],
    ['broken JSON', 400, '', '{"country": "US", '],
    ['the number as a JSON number', 400, 'phoneNumber', { ...VALID, phoneNumber: 2135550123 }],
    ['the country as a number', 400, 'country', { ...VALID, country: 1 }],
    ['the choice as a string', 400, 'textMessages', { ...VALID, textMessages: 'yes' }],
    ['the password as an object', 400, 'password', { ...VALID, password: { $ne: '' } }],
    ['a missing password', 400, 'password', { ...VALID, password: undefined }],
    ['an unknown field', 400, 'e164', { ...VALID, e164: '+12135550123' }],
    ['a __proto__ field', 400, '__proto__', `${VALID_JSON.slice(0, -1)},"__proto__":{"admin":true}}`],
    ['an unknown country code', 400, 'country', { ...VALID, country: 'XX' }],
    ['a country name instead of its code', 400, 'country', { ...VALID, country: 'United States' }],
    ['a lowercase country code', 400, 'country', { ...VALID, country: 'us' }],
    ['a number larger than the body limit', 413, '', { ...VALID, phoneNumber: '1'.repeat(20_000) }],
    ['a long number within the body limit', 400, 'phoneNumber', { ...VALID, phoneNumber: '2'.repeat(5_000) }],
  ];

  it.each(badBodies)('answers %s with %i and saves nothing', async (_, status, field, body) => {
    const response = await putPhone(body);

    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: string; fields?: Record<string, string> };
    expect(answer.error).toEqual(expect.any(String));
    if (field) expect(answer.fields?.[field]).toEqual(expect.any(String));
    expect(await savedPhone()).toBeNull();
  });

  it('refuses a body that is not JSON', async () => {
    const response = await putPhone('country=US', { 'Content-Type': 'application/x-www-form-urlencoded' });

    expect(response.status).toBe(415);
    expect(await savedPhone()).toBeNull();
  });

  it('refuses a request without the CSRF token', async () => {
    const response = await putPhone(VALID, { 'X-CSRF-Token': '' });

    expect(response.status).toBe(403);
    expect(await savedPhone()).toBeNull();
  });

  it('refuses a visitor who is not signed in', async () => {
    const stranger = new SiteClient(server.url);
    await stranger.page('/login');
    const response = await stranger.api('PUT', '/api/account/phone', VALID);

    expect(response.status).toBe(401);
    expect(await savedPhone()).toBeNull();
  });
});

describe('GET /phone', () => {
  it('shows the phone number first, the password second and the tick box below, then Save', async () => {
    await browser.api('PUT', '/api/session/profile', { profileId: account.profiles[0]?.id });
    const page = await (await browser.page('/phone')).text();

    const order = ['name="country"', 'name="phoneNumber"', 'name="password"', 'name="textMessages"', '>Save<'];
    const positions = order.map((marker) => page.indexOf(marker));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toMatch(/<option value="US"\s+selected/);
  });
});
