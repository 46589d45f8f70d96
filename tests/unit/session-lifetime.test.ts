import { beforeEach, describe, expect, it } from 'vitest';
import { AccountService, SESSION_LIFETIME } from '../../mock-server/domain/account-service.ts';
import { ENDED_SESSIONS_KEPT, MemoryStore } from '../../mock-server/store/memory-store.ts';
import type { Account, Session } from '../../mock-server/store/store.ts';

/** Issue 18, finding 6: sessions end after 30 minutes idle and 12 hours in all (ASVS 5.0 7.3.1, 7.3.2). */

const MINUTE = 60 * 1000;
const START = new Date('2030-01-01T08:00:00Z').getTime();
const PASSWORD = 'life-time-1';
const device = { userAgent: 'unit test' };

let clock: number;
const now = () => new Date(clock);
const at = (minutes: number) => {
  clock = START + minutes * MINUTE;
};

describe('AccountService: session lifetimes', () => {
  let store: MemoryStore;
  let accounts: AccountService;
  let account: Account;

  const signIn = async (): Promise<Session> => {
    const session = await accounts.signIn('life@unit.test', PASSWORD, device);
    if (!session) throw new Error('sign-in refused');
    return session;
  };

  beforeEach(async () => {
    at(0);
    store = new MemoryStore({ now });
    accounts = new AccountService(store, undefined, undefined, now);
    account = await accounts.createAccount({
      email: 'life@unit.test',
      password: PASSWORD,
      profiles: [{ name: 'Alex', kids: false }],
    });
  });

  it('the values: 30 minutes idle, 12 hours absolute', () => {
    expect(SESSION_LIFETIME).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
  });

  it('idle: works until 30 minutes without a request, then ends as expired', async () => {
    const session = await signIn();
    at(29.99);
    expect(accounts.currentVisit(session.id).kind).toBe('signed-in');
    at(60);
    expect(accounts.currentVisit(session.id)).toEqual({ kind: 'ended', reason: 'expired' });
    expect(store.findSession(session.id)).toBeUndefined();
  });

  it('each use refreshes the last-seen time, so a session in use does not go idle', async () => {
    const session = await signIn();
    for (let minute = 20; minute <= 200; minute += 20) {
      at(minute);
      expect(accounts.currentVisit(session.id).kind).toBe('signed-in');
    }
    expect(store.findSession(session.id)?.lastSeenAt).toEqual(new Date(START + 200 * MINUTE));
  });

  it('absolute: a session in constant use still ends 12 hours after its sign-in', async () => {
    const session = await signIn();
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      at(minute);
      expect(accounts.currentVisit(session.id).kind).toBe('signed-in');
    }
    at(12 * 60);
    expect(accounts.currentVisit(session.id)).toEqual({ kind: 'ended', reason: 'expired' });
  });

  it('the test-control listing shows only live sessions, and listing does not count as use', async () => {
    const a = await signIn();
    at(20);
    const b = await signIn();
    at(29);
    expect(accounts.sessionsOf(account.id).map((s) => s.id)).toEqual([a.id, b.id]);
    at(30);
    expect(accounts.sessionsOf(account.id).map((s) => s.id)).toEqual([b.id]);
    at(50);
    expect(accounts.sessionsOf(account.id)).toEqual([]);
  });

  it('expired sessions nobody comes back for are swept out of the store by a later sign-in', async () => {
    for (let i = 0; i < 5; i++) await signIn();
    at(31);
    const fresh = await signIn();
    expect(store.allSessions().map((s) => s.id)).toEqual([fresh.id]);
  });

  it('the password change that re-checks the password starts a new absolute lifetime for this device', async () => {
    const session = await signIn();
    accounts.chooseProfile(session.id, account.profiles[0]!.id);
    for (let minute = 20; minute <= 11 * 60; minute += 20) {
      at(minute);
      accounts.currentVisit(session.id);
    }
    const result = await accounts.changePassword(session.id, {
      currentPassword: PASSWORD,
      newPassword: 'life-time-2',
      signOutOtherDevices: false,
    });
    if (!result.ok) throw new Error(`change refused: ${result.refusal}`);
    // The old session would have ended at 12 hours; the renewed one goes on while in use.
    for (let minute = 11 * 60 + 20; minute <= 13 * 60; minute += 20) {
      at(minute);
      expect(accounts.currentVisit(result.session.id).kind).toBe('signed-in');
    }
  });
});

describe('MemoryStore: ended session ids are forgotten after a while, and there are never too many', () => {
  const session = (id: string): Session => ({
    id,
    accountId: 'acct',
    profileId: null,
    userAgent: 'test',
    createdAt: now(),
    lastSeenAt: now(),
  });

  it(`remembers why a session ended for ${ENDED_SESSIONS_KEPT.forMs / 3_600_000} hours, then forgets the id`, () => {
    at(0);
    const store = new MemoryStore({ now });
    store.insertSession(session('a'));
    store.endSession('a', 'password-changed');
    at(24 * 60 - 1);
    expect(store.endReason('a')).toBe('password-changed');
    at(24 * 60);
    expect(store.endReason('a')).toBeUndefined();
    expect(store.endedCount).toBe(0);
  });

  it('keeps at most the bound, forgetting the oldest first', () => {
    at(0);
    const store = new MemoryStore({ now, endedSessionsKept: { forMs: 60 * MINUTE, atMost: 3 } });
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      store.insertSession(session(id));
      store.endSession(id, 'signed-out');
    }
    expect(store.endedCount).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => store.endReason(id) ?? null)).toEqual([
      null,
      null,
      'signed-out',
      'signed-out',
      'signed-out',
    ]);
  });
});
