import { beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../mock-server/domain/account-service.ts';
import { MemoryStore } from '../../mock-server/store/memory-store.ts';
import type { Session } from '../../mock-server/store/store.ts';

const device = { userAgent: 'unit test' };

describe('sessions (AccountService over MemoryStore)', () => {
  let accounts: AccountService;
  let store: MemoryStore;

  beforeEach(async () => {
    store = new MemoryStore();
    accounts = new AccountService(store);
    await accounts.createAccount({
      email: 'ann@unit.test',
      password: 'secret-1',
      profiles: [{ name: 'Ann', kids: false }],
    });
  });

  it('gives each sign-in its own session, so each device has one', async () => {
    const first = await accounts.signIn('ann@unit.test', 'secret-1', device);
    const second = await accounts.signIn('ann@unit.test', 'secret-1', device);
    expect(first?.id).toBeTruthy();
    expect(second?.id).not.toBe(first?.id);
    expect(accounts.sessionsOf(first!.accountId)).toHaveLength(2);
  });

  it('issues a new session id at sign-in and ends the one the browser brought', async () => {
    const before = await accounts.signIn('ann@unit.test', 'secret-1', device);
    const after = await accounts.signIn('ann@unit.test', 'secret-1', { ...device, previousSessionId: before!.id });
    expect(after!.id).not.toBe(before!.id);
    expect(accounts.currentVisit(before!.id)).toEqual({ kind: 'ended', reason: 'signed-out' });
    expect(accounts.currentVisit(after!.id).kind).toBe('signed-in');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    expect(await accounts.signIn('ann@unit.test', 'wrong-1', device)).toBeNull();
    expect(await accounts.signIn('nobody@unit.test', 'secret-1', device)).toBeNull();
  });

  it('finds emails regardless of case', async () => {
    expect(await accounts.signIn('ANN@unit.test', 'secret-1', device)).not.toBeNull();
  });

  it('ends a session at sign-out and remembers why', async () => {
    const session = await accounts.signIn('ann@unit.test', 'secret-1', device);
    accounts.signOut(session!.id);
    expect(accounts.currentVisit(session!.id)).toEqual({ kind: 'ended', reason: 'signed-out' });
    expect(accounts.sessionsOf(session!.accountId)).toHaveLength(0);
  });

  it('treats unknown and missing session ids as anonymous', () => {
    expect(accounts.currentVisit(undefined)).toEqual({ kind: 'anonymous' });
    expect(accounts.currentVisit('made-up')).toEqual({ kind: 'anonymous' });
  });

  it('lets a session choose only a profile of its own account', async () => {
    const other = await accounts.createAccount({
      email: 'bo@unit.test',
      password: 'secret-2',
      profiles: [{ name: 'Bo', kids: false }],
    });
    const session = await accounts.signIn('ann@unit.test', 'secret-1', device);
    const own = store.findAccountById(session!.accountId)!.profiles[0]!;
    expect(accounts.chooseProfile(session!.id, other.profiles[0]!.id)).toBe(false);
    expect(accounts.chooseProfile(session!.id, own.id)).toBe(true);
    expect(store.findSession(session!.id)?.profileId).toBe(own.id);
  });

  it('hands out copies, so callers cannot change stored state by accident', async () => {
    const account = store.findAccountByEmail('ann@unit.test')!;
    account.email = 'changed@unit.test';
    account.profiles.pop();
    expect(store.findAccountByEmail('ann@unit.test')?.profiles).toHaveLength(1);
  });

  it('ends every session of a deleted account', async () => {
    const session = await accounts.signIn('ann@unit.test', 'secret-1', device);
    accounts.deleteAccount(session!.accountId);
    expect(accounts.currentVisit(session!.id).kind).toBe('ended');
  });
});

describe('the records MemoryStore keeps', () => {
  const account = () => ({
    id: 'a1',
    email: 'ann@unit.test',
    passwordHash: 'scrypt$00$00',
    profiles: [{ id: 'p1', name: 'Ann', kids: false }],
    phone: { e164: '+12135550123', textMessages: true },
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  const session = () => ({
    id: 's1',
    accountId: 'a1',
    profileId: null,
    userAgent: 'unit test',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    lastSeenAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date('2026-01-02T00:00:00Z'),
  });

  it('are changed only through update: what went in and what came out are copies, to the last field', () => {
    const store = new MemoryStore();
    const given = account();
    store.insertAccount(given);
    given.profiles[0]!.name = 'changed';
    given.phone.textMessages = false;
    given.createdAt.setFullYear(2000);
    const read = store.findAccountById('a1')!;
    expect(read).toEqual(account());
    read.profiles.push({ id: 'p2', name: 'Sam', kids: false });
    read.phone!.e164 = '+440000000000';
    read.createdAt.setFullYear(2000);
    expect(store.findAccountByEmail('ANN@unit.test')).toEqual(account());

    const started = session();
    store.insertSession(started);
    started.lastSeenAt.setFullYear(2000);
    started.endsAt.setFullYear(2000);
    const found = store.findSession('s1')!;
    expect(found).toEqual(session());
    found.createdAt.setFullYear(2000);
    found.endsAt!.setFullYear(2000);
    for (const listed of [...store.allSessions(), ...store.sessionsOfAccount('a1')]) expect(listed).toEqual(session());
  });

  it('keep a session without an end as one without it', () => {
    const store = new MemoryStore();
    const lasting: Partial<ReturnType<typeof session>> = session();
    delete lasting.endsAt;
    store.insertSession(lasting as Session);
    expect(store.findSession('s1')).toEqual(lasting);
    expect('endsAt' in store.findSession('s1')!).toBe(false);
  });
});
