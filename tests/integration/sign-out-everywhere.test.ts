import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../mock-server/domain/account-service.ts';
import { SiteVariantSetting } from '../../mock-server/drift/variants.ts';
import { MemoryStore } from '../../mock-server/store/memory-store.ts';
import type { Account, Session } from '../../mock-server/store/store.ts';
import { alertOf, ClassicBrowser, classicEmail, startClassic } from '../support/classic-browser.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const PASSWORD = 'all-devices-1';
const device = { userAgent: 'unit test' };

describe('"Sign out of all devices" in the domain', () => {
  let store: MemoryStore;
  let accounts: AccountService;
  let account: Account;

  const signIn = async (profile: 'Alex' | null = 'Alex'): Promise<Session> => {
    const session = (await accounts.signIn(account.email, PASSWORD, device))!;
    if (profile) accounts.chooseProfile(session.id, account.profiles[0]!.id);
    return store.findSession(session.id)!;
  };
  const live = () => accounts.sessionsOf(account.id).map((s) => s.id);

  beforeEach(async () => {
    store = new MemoryStore();
    accounts = new AccountService(store);
    account = await accounts.createAccount({
      email: 'everywhere@guide.test',
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
  });

  it('ends every other session at once and keeps this device signed in under a new session id', async () => {
    const [a, b, c] = [await signIn(), await signIn(), await signIn(null)];
    const result = accounts.signOutOfAllDevices(a.id);
    expect(result).toMatchObject({ ok: true, endedSessions: 2 });
    const renewed = result.ok ? result.session : null;
    expect(renewed?.id).not.toBe(a.id);
    expect(renewed?.profileId).toBe(a.profileId);
    expect(live()).toEqual([renewed?.id]);
    expect(accounts.currentVisit(a.id)).toEqual({ kind: 'ended', reason: 'renewed' });
    expect(accounts.currentVisit(b.id)).toEqual({ kind: 'ended', reason: 'signed-out-everywhere' });
    expect(accounts.currentVisit(c.id)).toEqual({ kind: 'ended', reason: 'signed-out-everywhere' });
  });

  it('leaves other accounts signed in', async () => {
    const other = await accounts.createAccount({ email: 'bystander@guide.test', password: PASSWORD, profiles: [] });
    const theirs = (await accounts.signIn(other.email, PASSWORD, device))!;
    accounts.signOutOfAllDevices((await signIn()).id);
    expect(accounts.currentVisit(theirs.id).kind).toBe('signed-in');
  });

  it('refuses, changing nothing, without a signed-in session or before a profile is chosen', async () => {
    const other = await signIn();
    const gate = await signIn(null);
    expect(accounts.signOutOfAllDevices(undefined)).toEqual({ ok: false, refusal: 'not-signed-in' });
    expect(accounts.signOutOfAllDevices('no-such-session')).toEqual({ ok: false, refusal: 'not-signed-in' });
    expect(accounts.signOutOfAllDevices(gate.id)).toEqual({ ok: false, refusal: 'no-profile' });
    expect(live().sort()).toEqual([other.id, gate.id].sort());
  });

  it('on drifted sites: this device signed out too, or the others never', async () => {
    accounts = new AccountService(store, new SiteVariantSetting('sign-out-all-ends-this-device'));
    const [a] = [await signIn(), await signIn()];
    expect(accounts.signOutOfAllDevices(a.id)).toMatchObject({ ok: true, session: null });
    expect(live()).toEqual([]);

    accounts = new AccountService(store, new SiteVariantSetting('sign-out-all-keeps-others'));
    const [c, d] = [await signIn(), await signIn()];
    const kept = accounts.signOutOfAllDevices(c.id);
    expect(kept).toMatchObject({ ok: true, endedSessions: 0 });
    expect(live()).toContain(d.id);
  });
});

describe('"Sign out of all devices" on the first rendition', () => {
  let site: StartedSite;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site.close());

  async function twoDevices() {
    const account = await site.accounts.createAccount({
      email: uniqueEmail('everywhere'),
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const other = new SiteClient(site.url);
    await other.signInAs(account.email, PASSWORD, 'Alex', account.profiles);
    const me = new SiteClient(site.url);
    await me.signInAs(account.email, PASSWORD, 'Alex', account.profiles);
    return { account, me, other };
  }
  const sessions = (accountId: string) => site.accounts.sessionsOf(accountId).map((s) => s.id);

  it('links to it from SETTINGS, below MEMBERSHIP & BILLING and PLAN DETAILS', async () => {
    const page = await (await (await twoDevices()).me.page('/account')).text();
    const link = page.indexOf('>Sign out of all devices</a>');
    expect(link).toBeGreaterThan(page.indexOf('>SETTINGS</h2>'));
    expect(page.indexOf('>SETTINGS</h2>')).toBeGreaterThan(page.indexOf('>PLAN DETAILS</h2>'));
    expect(page.indexOf('>PLAN DETAILS</h2>')).toBeGreaterThan(page.indexOf('>MEMBERSHIP &amp; BILLING</h2>'));
  });

  it('its confirmation page explains, offers "Sign Out" and a way back, and changes nothing', async () => {
    const { account, me } = await twoDevices();
    const before = sessions(account.id).sort();
    const page = await me.page('/account/devices/sign-out');
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).toMatch(/Every other device signed in to your Flickbox account will be signed out/);
    expect(text).toMatch(/You stay signed in on this browser/);
    expect(text).toMatch(/<button type="submit"[^>]*>Sign Out<\/button>/);
    expect(text).toMatch(/<a class="button" href="\/account">Cancel<\/a>/);
    expect(sessions(account.id).sort()).toEqual(before);
  });

  it('"Sign Out" ends the other devices, keeps this one under a new id, and the account page says so', async () => {
    const { account, me, other } = await twoDevices();
    const mine = me.sessionId;
    await me.page('/account/devices/sign-out');
    const answer = await me.api('POST', '/api/account/devices/sign-out', {});
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ redirectTo: '/account?changed=signed-out-everywhere' });
    expect(me.sessionId).not.toBe(mine);
    expect(sessions(account.id)).toEqual([me.sessionId]);
    const accountPage = await (await me.page('/account?changed=signed-out-everywhere')).text();
    expect(accountPage).toMatch(/role="status">Your other devices will be signed out/);
    const elsewhere = await other.fetch('/account');
    expect(elsewhere.headers.get('location')).toBe('/login?reason=signed-out-everywhere');
    expect(await (await other.page('/login?reason=signed-out-everywhere')).text()).toMatch(/signed out of all devices/);
  });

  it('refuses a request without the form’s CSRF token, a body with fields, and a visitor, ending nothing', async () => {
    const { account, me } = await twoDevices();
    const before = sessions(account.id).sort();
    await me.page('/account/devices/sign-out');
    expect((await me.api('POST', '/api/account/devices/sign-out', {}, { csrf: false })).status).toBe(403);
    const extra = await me.api('POST', '/api/account/devices/sign-out', { everyone: true });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ fields: { everyone: 'This field is not expected here.' } });
    expect((await me.api('POST', '/api/account/devices/sign-out', '{')).status).toBe(400);
    expect(sessions(account.id).sort()).toEqual(before);
    const visitor = new SiteClient(site.url);
    expect((await visitor.send('POST', '/api/account/devices/sign-out', {})).status).toBe(401);
    expect((await visitor.fetch('/account/devices/sign-out')).headers.get('location')).toBe('/login');
  });
});

describe('"Sign out of all devices" on the classic rendition', () => {
  let site: Awaited<ReturnType<typeof startClassic>>['site'];
  let control: Awaited<ReturnType<typeof startClassic>>['control'];
  beforeAll(async () => {
    ({ site, control } = await startClassic());
  });
  afterAll(() => site.close());

  const PATH = '/member/settings/devices/sign-out';

  async function twoDevices() {
    const account = await control.createAccount({
      email: classicEmail('everywhere'),
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const other = new ClassicBrowser(site.url, 'device B');
    await other.signIn(account.email, PASSWORD);
    const me = new ClassicBrowser(site.url, 'device A');
    await me.signIn(account.email, PASSWORD);
    await me.chooseProfile(account.profiles[0]!.id);
    return { account, me, other };
  }
  const sessions = async (accountId: string) => (await control.activeSessions(accountId)).map((s) => s.id).sort();

  it('links to it from SETTINGS, and its page asks before it changes anything', async () => {
    const { account, me } = await twoDevices();
    const settings = (await me.get('/member/settings')).html;
    expect(settings.indexOf(`href="${PATH}">Sign out of all devices<`)).toBeGreaterThan(
      settings.indexOf('<h2>SETTINGS</h2>'),
    );
    const before = await sessions(account.id);
    const page = await me.get(PATH);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/will be signed out/);
    expect(page.html).toMatch(/<button type="submit" class="btn">Sign Out<\/button>/);
    expect(page.html).toMatch(/href="\/member\/settings">Back to Account settings</);
    expect(await sessions(account.id)).toEqual(before);
  });

  it('"Sign Out" ends the other devices, keeps this one under a new cookie, and the settings page says so', async () => {
    const { account, me, other } = await twoDevices();
    const mine = me.cookie();
    const answer = await me.submit(PATH, {});
    expect([answer.status, answer.location]).toEqual([303, '/member/settings']);
    expect(me.cookie()).not.toBe(mine);
    expect(await sessions(account.id)).toEqual([me.cookie()]);
    expect((await me.get('/member/settings')).html).toMatch(/role="status">Signing out your other devices now/);
    const elsewhere = await other.get('/member/settings');
    expect([elsewhere.status, elsewhere.location]).toEqual([303, '/signin']);
    expect((await other.get('/signin')).html).toMatch(/every device of this account was signed out/);
  });

  it('refuses a form without its token, or with other fields, ending nothing', async () => {
    const { account, me } = await twoDevices();
    const before = await sessions(account.id);
    expect((await me.post(PATH, new URLSearchParams({}))).status).toBe(403);
    const extra = await me.submit(PATH, { everyone: 'yes' });
    expect(extra.status).toBe(400);
    expect(alertOf(extra.html)).toMatch(/a field this page does not have/);
    expect(await sessions(account.id)).toEqual(before);
  });
});
