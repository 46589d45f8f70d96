import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../mock-server/store/memory-store.ts';
import type { Session } from '../../mock-server/store/store.ts';

function session(id: string, accountId: string): Session {
  return { id, accountId, profileId: null, userAgent: 'test', createdAt: new Date(), lastSeenAt: new Date() };
}

function storeWith(...sessions: Session[]): MemoryStore {
  const store = new MemoryStore();
  for (const s of sessions) store.insertSession(s);
  return store;
}

const ids = (sessions: Session[]) => sessions.map((s) => s.id).sort();

describe('MemoryStore.endOtherSessions (revoke others)', () => {
  it('keeps exactly the current session of the account and ends the rest with the reason', () => {
    const store = storeWith(session('a', 'acct'), session('b', 'acct'), session('c', 'acct'), session('x', 'other'));

    const ended = store.endOtherSessions('acct', 'a', 'password-changed');

    expect(ended).toBe(2);
    expect(ids(store.sessionsOfAccount('acct'))).toEqual(['a']);
    expect(store.findSession('b')).toBeUndefined();
    expect(store.findSession('c')).toBeUndefined();
    expect(store.endReason('b')).toBe('password-changed');
    expect(store.endReason('c')).toBe('password-changed');
    expect(store.endReason('a')).toBeUndefined();
  });

  it("never touches another account's sessions", () => {
    const store = storeWith(session('a', 'acct'), session('x', 'other'), session('y', 'other'));

    store.endOtherSessions('acct', 'a', 'password-changed');

    expect(ids(store.sessionsOfAccount('other'))).toEqual(['x', 'y']);
    expect(store.endReason('x')).toBeUndefined();
  });

  it('ends nothing when the current session is the only one', () => {
    const store = storeWith(session('a', 'acct'));

    expect(store.endOtherSessions('acct', 'a', 'password-changed')).toBe(0);
    expect(ids(store.sessionsOfAccount('acct'))).toEqual(['a']);
  });

  it('ends every session when the kept id is not one of the account (a renewed id is inserted first)', () => {
    const store = storeWith(session('a', 'acct'), session('b', 'acct'));

    expect(store.endOtherSessions('acct', 'not-there', 'password-changed')).toBe(2);
    expect(store.sessionsOfAccount('acct')).toEqual([]);
  });

  it('an ended session stays ended: a later endSession does not overwrite why it ended', () => {
    const store = storeWith(session('a', 'acct'), session('b', 'acct'));

    store.endOtherSessions('acct', 'a', 'password-changed');
    store.endSession('b', 'signed-out');

    expect(store.endReason('b')).toBe('password-changed');
  });
});
