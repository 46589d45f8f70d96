import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '../../mock-server/domain/account-service.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { MemoryStore } from '../../mock-server/store/memory-store.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

/** Issue 18, findings 2 and 3: the password re-checks of the phone and password changes. */
const PASSWORD = 'right-password-1';
const TOO_MANY = /^Too many incorrect passwords\. For your security, please wait \d+ minutes? and try again\.$/;

const phoneBody = (password: string) => ({ country: 'US', phoneNumber: '213 555 0123', password, textMessages: true });
const passwordBody = (currentPassword: string) => ({
  currentPassword,
  newPassword: 'fresh-pass-42',
  confirmPassword: 'fresh-pass-42',
  signOutOtherDevices: false,
});

const RECHECKS = [
  { path: '/api/account/phone', body: phoneBody, wrong: 403 },
  { path: '/api/account/password', body: passwordBody, wrong: 400 },
];

describe('password re-checks are limited per session and per account', () => {
  let site: StartedSite;
  let control: TestControlClient;

  beforeAll(async () => {
    site = await startSite();
    control = new TestControlClient(site.url);
  });
  afterAll(() => site.close());

  async function signedIn() {
    const email = uniqueEmail('recheck');
    const account = await control.createAccount({ email, password: PASSWORD, profiles: [{ name: 'Alex' }] });
    const device = new SiteClient(site.url);
    await device.signInAs(email, PASSWORD, 'Alex', account.profiles);
    return { account, device, email };
  }

  it.each(RECHECKS)(
    '$path: 60 parallel guesses check at most 5, and the right one after them is refused',
    async ({ path, body, wrong }) => {
      const { account, device } = await signedIn();
      const statuses = await Promise.all(
        Array.from({ length: 60 }, (_, i) => device.api('PUT', path, body(`wrong-guess-${i}`)).then((r) => r.status)),
      );
      expect(statuses.filter((status) => status === wrong)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(55);
      const right = await device.api('PUT', path, body(PASSWORD));
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await right.json()) as { error: string }).error).toMatch(TOO_MANY);
      expect((await control.account(account.id)).phone).toBeNull();
      expect(await site.accounts.passwordMatches(account.id, PASSWORD)).toBe(true);
    },
  );

  it('limits the account as a whole, whichever of its sessions guesses', async () => {
    const { account, device, email } = await signedIn();
    const devices = [device];
    for (let i = 0; i < 2; i++) {
      const another = new SiteClient(site.url);
      await another.signInAs(email, PASSWORD, 'Alex', account.profiles);
      devices.push(another);
    }
    for (const guesser of devices.slice(0, 2)) {
      for (let i = 0; i < 5; i++) await guesser.api('PUT', '/api/account/phone', phoneBody(`wrong-${i}`));
    }
    expect((await devices[2]!.api('PUT', '/api/account/phone', phoneBody(PASSWORD))).status).toBe(429);
    expect((await control.account(account.id)).phone).toBeNull();
  });

  it('forgets the failures after the right password', async () => {
    const { device } = await signedIn();
    for (let i = 0; i < 4; i++) await device.api('PUT', '/api/account/phone', phoneBody(`wrong-${i}`));
    expect((await device.api('PUT', '/api/account/phone', phoneBody(PASSWORD))).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await device.api('PUT', '/api/account/phone', phoneBody(`wrong-${i}`))).status).toBe(403);
    }
  });

  it('refuses a phone change before a profile is chosen, like the phone page', async () => {
    const email = uniqueEmail('no-profile');
    const account = await control.createAccount({ email, password: PASSWORD, profiles: [{ name: 'Alex' }] });
    const device = new SiteClient(site.url);
    await device.signIn(email, PASSWORD);
    await device.page('/profiles');
    const response = await device.api('PUT', '/api/account/phone', phoneBody(PASSWORD));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('Choose a profile first.');
    expect((await control.account(account.id)).phone).toBeNull();
  });
});

describe('a phone change re-checks the session after its password check', () => {
  it('saves nothing when the session ended while the password was being checked', async () => {
    const store = new MemoryStore();
    const accounts = new AccountService(store);
    const account = await accounts.createAccount({
      email: 'race@guide.test',
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const session = (await accounts.signIn('race@guide.test', PASSWORD, { userAgent: 'unit test' }))!;
    accounts.chooseProfile(session.id, account.profiles[0]!.id);

    const saving = accounts.changePhone(account.id, PASSWORD, { e164: '+12135550123', textMessages: true }, session.id);
    // A ticked password change from another device ends this session while the hash is being computed.
    store.endSession(session.id, 'password-changed');
    expect(await saving).toBe(false);
    expect(accounts.findAccount(account.id)?.phone).toBeNull();
  });

  it('saves nothing when the password changed while it was being checked', async () => {
    const store = new MemoryStore();
    const accounts = new AccountService(store);
    const account = await accounts.createAccount({
      email: 'race2@guide.test',
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
    const session = (await accounts.signIn('race2@guide.test', PASSWORD, { userAgent: 'unit test' }))!;
    accounts.chooseProfile(session.id, account.profiles[0]!.id);

    const saving = accounts.changePhone(account.id, PASSWORD, { e164: '+12135550123', textMessages: true }, session.id);
    store.updateAccount(account.id, { passwordHash: 'scrypt$00$00' });
    expect(await saving).toBe(false);
    expect(accounts.findAccount(account.id)?.phone).toBeNull();
  });
});
