import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

/**
 * Property-based tests of every API endpoint: whatever arrives, the answer is a 4xx with a message or a success,
 * never a 5xx, and a refusal leaves the store as it was.
 */

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 60);
const PASSWORD = 'right-password-1';
const tally = { tried: 0, serverErrors: 0 };

interface Endpoint {
  method: string;
  path: string;
  /** The fields the endpoint's form sends, so mutated bodies look almost right. */
  fields: string[];
  /** The page whose form sends it (for a fresh CSRF token). */
  page: string;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/api/session', fields: ['email', 'password'], page: '/login' },
  { method: 'PUT', path: '/api/session/profile', fields: ['profileId'], page: '/profiles' },
  { method: 'GET', path: '/api/account', fields: [], page: '/account' },
  {
    method: 'PUT',
    path: '/api/account/password',
    fields: ['currentPassword', 'newPassword', 'confirmPassword', 'signOutOtherDevices'],
    page: '/password',
  },
  {
    method: 'PUT',
    path: '/api/account/phone',
    fields: ['country', 'phoneNumber', 'password', 'textMessages'],
    page: '/phone',
  },
  { method: 'DELETE', path: '/api/session', fields: [], page: '/' },
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('', ' ', '\u0000', '＋１ ２１３', '<script>alert(1)</script>', "'; DROP TABLE users;--", '__proto__'),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** A body the endpoint's form might have sent, with fields missing, mistyped, wrong, or extra. */
const formLike = (fields: string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((name) => [name, value])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 2 }),
    )
    .map(([known, extra]) => JSON.stringify({ ...extra, ...known }));

const body = (fields: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: formLike(fields) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ padding: 'x'.repeat(17 * 1024) })) },
  );

const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
    ),
  },
);

describe('every API endpoint, fed random input', { timeout: 300_000 }, () => {
  let site: StartedSite;
  let control: TestControlClient;
  let accountId: string;
  let email: string;
  let profiles: { id: string; name: string }[];

  /** What the site keeps for the account, as the test-control API shows it, and its password hash. */
  const snapshot = async () => ({
    account: await control.account(accountId),
    sessions: (await control.activeSessions(accountId)).map((s) => ({ id: s.id, profileId: s.profileId })),
    passwordHash: site.accounts.findAccount(accountId)?.passwordHash,
  });

  beforeAll(async () => {
    site = await startSite();
    control = new TestControlClient(site.url);
    email = uniqueEmail('fuzz');
    const account = await control.createAccount({
      email,
      password: PASSWORD,
      profiles: [{ name: 'Ann' }, { name: 'Kid', kids: true }],
      phone: { e164: '+12135550123', textMessages: false },
    });
    ({ id: accountId, profiles } = account);
  }, 60_000);

  afterAll(async () => {
    console.log(`api-fuzz: ${tally.tried} inputs tried, ${tally.serverErrors} answered 5xx`);
    await site.close();
  });

  async function signedInClient(page: string) {
    const client = new SiteClient(site.url);
    await client.signInAs(email, PASSWORD, 'Ann', profiles);
    await client.page(page);
    return client;
  }

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.path}: a 4xx with a message or a success, never a 5xx; refusals change nothing`, async () => {
      const client = await signedInClient(endpoint.page);
      let before = await snapshot();
      await fc.assert(
        fc.asyncProperty(body(endpoint.fields), contentType, fc.boolean(), async (sent, type, withToken) => {
          tally.tried++;
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (withToken) headers['x-csrf-token'] = client.csrfToken;
          const hasBody = endpoint.method !== 'GET';
          const response = await client.request(endpoint.method, endpoint.path, {
            headers,
            ...(hasBody ? { body: sent } : {}),
          });
          if (response.status >= 500) tally.serverErrors++;
          expect(response.status).toBeLessThan(500);
          const answer = (await response.json()) as { error?: string; fields?: Record<string, string> };
          if (response.ok) {
            before = await snapshot();
            return;
          }
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(answer.error, 'the sentence of the refusal').toMatch(/\S/);
          for (const message of Object.values(answer.fields ?? {})) expect(message).toMatch(/\S/);
          expect(await snapshot(), 'the store after a refusal').toEqual(before);
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    });
  }

  it('answers the same refused submission, repeated, the same way each time and changes nothing', async () => {
    const client = await signedInClient('/phone');
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(ENDPOINTS[3]!, ENDPOINTS[4]!),
        fc.integer({ min: 2, max: 4 }),
        async (endpoint, times) => {
          const sent = JSON.stringify(
            Object.fromEntries(endpoint.fields.map((f) => [f, f.endsWith('Password') ? 'wrong-password-9' : 'x'])),
          );
          const statuses: number[] = [];
          for (let i = 0; i < times; i++) {
            tally.tried++;
            const response = await client.request(endpoint.method, endpoint.path, {
              headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken },
              body: sent,
            });
            statuses.push(response.status);
          }
          expect(new Set(statuses).size).toBe(1);
          expect(statuses[0]).toBeGreaterThanOrEqual(400);
          expect(statuses[0]).toBeLessThan(500);
          expect(await snapshot()).toEqual(before);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('POST /__test/accounts: random bodies get a 4xx or create an account, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body(['email', 'password', 'profiles', 'phone']), contentType, async (sent, type) => {
        tally.tried++;
        const response = await fetch(new URL('/__test/accounts', site.url), {
          method: 'POST',
          headers: type ? { 'content-type': type } : {},
          body: sent,
        });
        if (response.status >= 500) tally.serverErrors++;
        expect(response.status).toBeLessThan(500);
        if (!response.ok) expect(((await response.json()) as { error?: string }).error).toMatch(/\S/);
      }),
      { numRuns: RUNS_PER_ENDPOINT },
    );
  });
});
