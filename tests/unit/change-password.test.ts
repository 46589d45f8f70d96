import { beforeEach, describe, expect, it } from 'vitest';
import { AccountService, type PasswordChange } from '../../mock-server/domain/account-service.ts';
import { SiteVariantSetting } from '../../mock-server/drift/variants.ts';
import { MemoryStore } from '../../mock-server/store/memory-store.ts';
import type { Account, Session } from '../../mock-server/store/store.ts';

const OLD = 'old-password-1';
const NEW = 'new-password-2';
const EMAIL = 'change@guide.test';
const device = { userAgent: 'unit test' };

let store: MemoryStore;
let accounts: AccountService;
let account: Account;

/** A signed-in device with a chosen profile, as the change-password page requires. */
async function signInAs(profileName: string, password = OLD): Promise<Session> {
  const session = await accounts.signIn(EMAIL, password, device);
  if (!session) throw new Error('sign-in refused');
  const profile = account.profiles.find((p) => p.name === profileName)!;
  accounts.chooseProfile(session.id, profile.id);
  return store.findSession(session.id)!;
}

const change = (over: Partial<PasswordChange> = {}): PasswordChange => ({
  currentPassword: OLD,
  newPassword: NEW,
  signOutOtherDevices: true,
  ...over,
});

const activeIds = () =>
  accounts
    .sessionsOf(account.id)
    .map((s) => s.id)
    .sort();

async function signsIn(password: string): Promise<boolean> {
  const session = await accounts.signIn(EMAIL, password, device);
  if (session) accounts.signOut(session.id);
  return session !== null;
}

beforeEach(async () => {
  store = new MemoryStore();
  accounts = new AccountService(store);
  account = await accounts.createAccount({
    email: EMAIL,
    password: OLD,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Kids', kids: true },
    ],
  });
});

describe('AccountService.changePassword, accepted', () => {
  it('ticked: this device keeps a new session id with its profile, every other session ends at once', async () => {
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');
    const c = await signInAs('Alex');

    const result = await accounts.changePassword(a.id, change({ signOutOtherDevices: true }));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.id).not.toBe(a.id);
    expect(result.session.profileId).toBe(a.profileId);
    expect(result.endedSessions).toBe(2);
    expect(activeIds()).toEqual([result.session.id]);
    expect(accounts.currentVisit(b.id)).toEqual({ kind: 'ended', reason: 'password-changed' });
    expect(accounts.currentVisit(c.id)).toEqual({ kind: 'ended', reason: 'password-changed' });
    expect(accounts.currentVisit(a.id)).toEqual({ kind: 'ended', reason: 'renewed' });
  });

  it('unticked: every other session goes on working; only this device gets a new id', async () => {
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');

    const result = await accounts.changePassword(a.id, change({ signOutOtherDevices: false }));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.endedSessions).toBe(0);
    expect(activeIds()).toEqual([b.id, result.session.id].sort());
    expect(accounts.currentVisit(b.id).kind).toBe('signed-in');
  });

  it('the new password signs in and the old one no longer does', async () => {
    const a = await signInAs('Alex');

    await accounts.changePassword(a.id, change());

    expect(await signsIn(NEW)).toBe(true);
    expect(await signsIn(OLD)).toBe(false);
  });

  it('accepts the edges of the 6–60 rule', async () => {
    const a = await signInAs('Alex');
    const six = await accounts.changePassword(a.id, change({ newPassword: 'x'.repeat(6), signOutOtherDevices: false }));
    expect(six.ok).toBe(true);
    if (!six.ok) return;
    const sixty = await accounts.changePassword(
      six.session.id,
      change({ currentPassword: 'x'.repeat(6), newPassword: 'y'.repeat(60) }),
    );
    expect(sixty.ok).toBe(true);
  });
});

describe('AccountService.changePassword, refused: nothing changes at all', () => {
  it.each([
    ['the current password is wrong', { currentPassword: 'wrong-password' }, 'wrong-current-password'],
    ['the new password is the current one', { newPassword: OLD }, 'same-as-current'],
    ['the new password has 5 characters', { newPassword: 'x'.repeat(5) }, 'new-password-length'],
    ['the new password has 61 characters', { newPassword: 'x'.repeat(61) }, 'new-password-length'],
    ['the new password is empty', { newPassword: '' }, 'new-password-length'],
  ] as const)('when %s', async (_situation, over, refusal) => {
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');
    const before = activeIds();

    const result = await accounts.changePassword(a.id, change(over));

    expect(result).toEqual({ ok: false, refusal });
    expect(activeIds()).toEqual(before);
    expect(accounts.currentVisit(b.id).kind).toBe('signed-in');
    expect(await signsIn(OLD)).toBe(true);
  });

  it('while a Kids profile is in use, even with the right password', async () => {
    const kids = await signInAs('Kids');
    const before = activeIds();

    expect(await accounts.changePassword(kids.id, change())).toEqual({ ok: false, refusal: 'kids-profile' });
    expect(activeIds()).toEqual(before);
    expect(await signsIn(OLD)).toBe(true);
  });

  it('before a profile is chosen', async () => {
    const session = (await accounts.signIn(EMAIL, OLD, device))!;
    expect(await accounts.changePassword(session.id, change())).toEqual({ ok: false, refusal: 'no-profile' });
  });

  it('from a session that has ended, or none', async () => {
    const a = await signInAs('Alex');
    accounts.signOut(a.id);

    expect(await accounts.changePassword(a.id, change())).toEqual({ ok: false, refusal: 'not-signed-in' });
    expect(await accounts.changePassword(undefined, change())).toEqual({ ok: false, refusal: 'not-signed-in' });
    expect(await signsIn(OLD)).toBe(true);
  });
});

describe('AccountService.changePassword, racing', () => {
  it('two devices changing at once, both ticked: exactly one wins and one session is left', async () => {
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');

    const [fromA, fromB] = await Promise.all([
      accounts.changePassword(a.id, change({ newPassword: 'from-device-a' })),
      accounts.changePassword(b.id, change({ newPassword: 'from-device-b' })),
    ]);

    const winners = [fromA, fromB].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    if (!winner.ok) return;
    expect(activeIds()).toEqual([winner.session.id]);
    expect(await signsIn(fromA.ok ? 'from-device-a' : 'from-device-b')).toBe(true);
    expect(await signsIn(fromA.ok ? 'from-device-b' : 'from-device-a')).toBe(false);
  });

  it('a sign-in with the old password racing a ticked change leaves no session behind', async () => {
    const a = await signInAs('Alex');

    const [result] = await Promise.all([
      accounts.changePassword(a.id, change({ signOutOtherDevices: true })),
      accounts.signIn(EMAIL, OLD, device),
      accounts.signIn(EMAIL, OLD, device),
    ]);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(activeIds()).toEqual([result.session.id]);
  });
});

describe('AccountService.changePassword on the drifted sites of the catalogue', () => {
  it('password-change-not-stored: answers success, stores nothing and changes no session', async () => {
    accounts = new AccountService(store, new SiteVariantSetting('password-change-not-stored'));
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');

    const result = await accounts.changePassword(a.id, change({ signOutOtherDevices: true }));

    expect(result).toEqual({ ok: true, session: a, endedSessions: 0 });
    expect(activeIds()).toEqual([a.id, b.id].sort());
    expect(await signsIn(OLD)).toBe(true);
    expect(await signsIn(NEW)).toBe(false);
  });

  it('late-sign-out: with the tick, the other sessions work on until 30 s after the change, then end', async () => {
    let now = new Date('2030-01-01T12:00:00Z');
    accounts = new AccountService(store, new SiteVariantSetting('late-sign-out'), undefined, () => now);
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');
    const c = await signInAs('Alex');

    const result = await accounts.changePassword(a.id, change({ signOutOtherDevices: true }));
    if (!result.ok) throw new Error('change refused');

    expect(result.endedSessions).toBe(0);
    now = new Date('2030-01-01T12:00:29.999Z');
    expect(accounts.currentVisit(b.id).kind).toBe('signed-in');
    expect(activeIds()).toEqual([b.id, c.id, result.session.id].sort());
    now = new Date('2030-01-01T12:00:30Z');
    expect(accounts.currentVisit(b.id)).toEqual({ kind: 'ended', reason: 'password-changed' });
    expect(activeIds()).toEqual([result.session.id]);
    expect(accounts.currentVisit(c.id)).toEqual({ kind: 'ended', reason: 'password-changed' });
    expect(accounts.currentVisit(result.session.id).kind).toBe('signed-in');
  });

  it('late-sign-out: without the tick, nothing ends, then or later', async () => {
    let now = new Date('2030-01-01T12:00:00Z');
    accounts = new AccountService(store, new SiteVariantSetting('late-sign-out'), undefined, () => now);
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');

    const result = await accounts.changePassword(a.id, change({ signOutOtherDevices: false }));
    if (!result.ok) throw new Error('change refused');

    // Later, but within the idle timeout (SESSION_LIFETIME): past it, every session ends for that reason.
    now = new Date('2030-01-01T12:29:59Z');
    expect(activeIds()).toEqual([b.id, result.session.id].sort());
  });

  it('late-sign-out: a device that changes the password itself before its end keeps its new session', async () => {
    let now = new Date('2030-01-01T12:00:00Z');
    accounts = new AccountService(store, new SiteVariantSetting('late-sign-out'), undefined, () => now);
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');
    await accounts.changePassword(a.id, change({ signOutOtherDevices: true }));

    now = new Date('2030-01-01T12:00:10Z');
    const own = await accounts.changePassword(
      b.id,
      change({ currentPassword: NEW, newPassword: 'third-pass-3', signOutOtherDevices: false }),
    );
    if (!own.ok) throw new Error('change refused');
    now = new Date('2030-01-01T12:05:00Z');
    expect(accounts.currentVisit(own.session.id).kind).toBe('signed-in');
  });

  it('late-sign-out: a device whose session is due to end is refused a change once its end has come', async () => {
    let now = new Date('2030-01-01T12:00:00Z');
    accounts = new AccountService(store, new SiteVariantSetting('late-sign-out'), undefined, () => now);
    const a = await signInAs('Alex');
    const b = await signInAs('Alex');
    await accounts.changePassword(a.id, change({ signOutOtherDevices: true }));

    now = new Date('2030-01-01T12:01:00Z');
    const late = await accounts.changePassword(b.id, change({ currentPassword: NEW, newPassword: 'third-pass-3' }));
    expect(late).toEqual({ ok: false, refusal: 'not-signed-in' });
  });
});
