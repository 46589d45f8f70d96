import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_THROTTLE } from '../../mock-server/domain/sign-in-throttle.ts';
import { startMockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const LOCKED = /^Too many unsuccessful sign-in attempts\. For your security, please wait \d+ minutes? and try again\.$/;

async function failTimes(site: StartedSite, email: string, times: number) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++)
    statuses.push((await new SiteClient(site.url).signIn(email, 'wrong-password')).status);
  return statuses;
}

describe('sign-in throttling per email', () => {
  let site: StartedSite;
  let control: TestControlClient;
  const password = 'right-password-1';
  const newAccount = async (label: string) => {
    const email = uniqueEmail(label);
    const { id } = await control.createAccount({ email, password, profiles: [{ name: 'Ann' }] });
    return { email, id };
  };

  beforeAll(async () => {
    site = await startMockServer({ testMode: true });
    control = new TestControlClient(site.url);
  });
  afterAll(() => site.close());

  it('documents a policy well under 100 failures an hour', () => {
    const perHour = (SIGN_IN_THROTTLE.maxFailures * 3600) / SIGN_IN_THROTTLE.windowSeconds;
    expect(perHour).toBeLessThan(100);
    expect(SIGN_IN_THROTTLE).toEqual({ maxFailures: 5, windowSeconds: 900, lockSeconds: 900 });
  });

  it('answers the first 5 failures with the generic 401, then 429 with a sentence, even for the right password', async () => {
    const { email, id } = await newAccount('throttle');
    expect(await failTimes(site, email, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = await new SiteClient(site.url).signIn(email, password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(((await locked.json()) as { error: string }).error).toMatch(LOCKED);
    expect(await control.activeSessions(id)).toHaveLength(0);
  });

  it('locks an unknown email exactly like a known one', async () => {
    const known = await newAccount('throttle-known');
    const unknown = uniqueEmail('throttle-nobody');
    expect(await failTimes(site, unknown, 6)).toEqual(await failTimes(site, known.email, 6));
    const [a, b] = await Promise.all(
      [known.email, unknown].map(async (email) => (await new SiteClient(site.url).signIn(email, password)).json()),
    );
    expect(a).toEqual(b);
  });

  it('forgets the failures after a success', async () => {
    const { email } = await newAccount('throttle-reset');
    expect(await failTimes(site, email, 4)).toEqual([401, 401, 401, 401]);
    expect((await new SiteClient(site.url).signIn(email, password)).status).toBe(200);
    expect(await failTimes(site, email, 5)).toEqual([401, 401, 401, 401, 401]);
    expect((await new SiteClient(site.url).signIn(email, 'wrong-password')).status).toBe(429);
  });

  it('treats the email case-insensitively and keeps other emails unaffected', async () => {
    const locked = await newAccount('throttle-case');
    const other = await newAccount('throttle-other');
    await failTimes(site, locked.email.toUpperCase(), 5);
    expect((await new SiteClient(site.url).signIn(locked.email, password)).status).toBe(429);
    expect((await new SiteClient(site.url).signIn(other.email, password)).status).toBe(200);
  });
});

describe('the lock ends', () => {
  it('lets the right password in once the lock has passed', async () => {
    const site = await startMockServer({
      testMode: true,
      signInThrottle: { maxFailures: 2, windowSeconds: 60, lockSeconds: 1 },
    });
    try {
      const email = uniqueEmail('throttle-expiry');
      await new TestControlClient(site.url).createAccount({ email, password: 'right-1', profiles: [{ name: 'A' }] });
      expect(await failTimes(site, email, 3)).toEqual([401, 401, 429]);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await new SiteClient(site.url).signIn(email, 'right-1')).status).toBe(200);
    } finally {
      await site.close();
    }
  });
});
