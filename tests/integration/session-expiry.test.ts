import { afterEach, describe, expect, it } from 'vitest';
import { WORDS } from '../../mock-server/classic/wording.ts';
import { SESSION_END_NOTICES } from '../../mock-server/site/visits.ts';
import { ClassicBrowser, classicEmail, startClassic } from '../support/classic-browser.ts';
import { uniqueEmail } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';
import { startMockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';

/** Issue 18, finding 6: sessions end after 30 minutes idle and 12 hours in all (ASVS 5.0 7.3.1, 7.3.2). */

const MINUTE = 60 * 1000;
const START = new Date('2030-01-01T08:00:00Z').getTime();
const PASSWORD = 'life-time-1';

let clock: number;
const now = () => new Date(clock);
const at = (minutes: number) => {
  clock = START + minutes * MINUTE;
};

describe('an expired session, in both renditions', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  it('first rendition: the next page lands on sign-in with the expiry notice; the API says 401', async () => {
    at(0);
    const site = await startMockServer({ testMode: true, now });
    stops.push(() => site.close());
    const email = uniqueEmail('expiry');
    const control = new TestControlClient(site.url);
    const account = await control.createAccount({ email, password: PASSWORD, profiles: [{ name: 'Ann' }] });
    const browser = new SiteClient(site.url);
    await browser.signInAs(email, PASSWORD, 'Ann', account.profiles);
    expect(await control.activeSessions(account.id)).toHaveLength(1);

    at(31);
    expect((await browser.api('GET', '/api/account', undefined, { csrf: false })).status).toBe(401);
    const page = await browser.fetch('/account');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?reason=expired');
    const signIn = await (await browser.fetch('/login?reason=expired')).text();
    expect(signIn).toContain(SESSION_END_NOTICES.expired);
    expect(SESSION_END_NOTICES.expired).toMatch(/^Your session expired/);
    expect(await control.activeSessions(account.id)).toEqual([]);
  });

  it('classic: the next page goes to sign-in, which says the session expired, once', async () => {
    at(0);
    const { site, control } = await startClassic({ now });
    stops.push(() => site.close());
    const email = classicEmail('expiry');
    const account = await control.createAccount({ email, password: PASSWORD, profiles: [{ name: 'Ann' }] });
    const browser = new ClassicBrowser(site.url);
    await browser.signIn(email, PASSWORD);
    await browser.chooseProfile(account.profiles[0]!.id);
    expect((await browser.get('/member/settings')).status).toBe(200);

    at(12 * 60);
    const settings = await browser.get('/member/settings');
    expect([settings.status, settings.location]).toEqual([303, '/signin']);
    const signIn = await browser.get('/signin');
    expect(signIn.html).toContain(WORDS.sessionExpired);
    expect(WORDS.sessionExpired).toMatch(/^Your session expired/);
    expect((await browser.get('/signin')).html).not.toContain(WORDS.sessionExpired);
    expect(await control.activeSessions(account.id)).toEqual([]);
  });
});
