import type { Account, Session, SessionEndReason, Store } from './store.ts';

/**
 * How long, and how many, ended session ids are remembered, so a browser that brings one back is told why it was
 * signed out (decision 6). Past either bound the oldest are forgotten and the id reads as unknown: a plain sign-in
 * page. A day covers a device left overnight after a password change; the count bounds memory under a flood.
 */
export const ENDED_SESSIONS_KEPT = { forMs: 24 * 60 * 60 * 1000, atMost: 10_000 } as const;

export interface MemoryStoreOptions {
  /** The time now; the same clock as the AccountService's. */
  now?: () => Date;
  endedSessionsKept?: { forMs: number; atMost: number };
}

/**
 * The store keeps its own records: what goes in and what comes out are copies, so no caller changes a record but
 * through update. Copied field by field: structuredClone cost about a sixth of the mock's time for each signed-in
 * request (a session read and its last visit written, an account read).
 */
function copyAccount(account: Account): Account {
  return {
    ...account,
    profiles: account.profiles.map((profile) => ({ ...profile })),
    phone: account.phone && { ...account.phone },
    createdAt: new Date(account.createdAt),
  };
}

function copySession(session: Session): Session {
  return {
    ...session,
    createdAt: new Date(session.createdAt),
    lastSeenAt: new Date(session.lastSeenAt),
    ...(session.endsAt && { endsAt: new Date(session.endsAt) }),
  };
}

export class MemoryStore implements Store {
  readonly #accounts = new Map<string, Account>();
  readonly #sessions = new Map<string, Session>();
  /** In the order they ended, oldest first (a Map keeps insertion order). */
  readonly #ended = new Map<string, { reason: SessionEndReason; endedAt: number }>();
  readonly #now: () => Date;
  readonly #kept: { forMs: number; atMost: number };

  constructor({ now = () => new Date(), endedSessionsKept = ENDED_SESSIONS_KEPT }: MemoryStoreOptions = {}) {
    this.#now = now;
    this.#kept = endedSessionsKept;
  }

  insertAccount(account: Account): void {
    this.#accounts.set(account.id, copyAccount(account));
  }

  findAccountById(id: string): Account | undefined {
    const account = this.#accounts.get(id);
    return account && copyAccount(account);
  }

  findAccountByEmail(email: string): Account | undefined {
    const wanted = email.toLowerCase();
    for (const account of this.#accounts.values()) {
      if (account.email.toLowerCase() === wanted) return copyAccount(account);
    }
    return undefined;
  }

  updateAccount(id: string, change: Partial<Omit<Account, 'id'>>): void {
    const account = this.#accounts.get(id);
    if (account) this.#accounts.set(id, copyAccount({ ...account, ...change }));
  }

  deleteAccount(id: string): void {
    for (const session of this.sessionsOfAccount(id)) this.endSession(session.id, 'signed-out');
    this.#accounts.delete(id);
  }

  insertSession(session: Session): void {
    this.#sessions.set(session.id, copySession(session));
  }

  findSession(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    return session && copySession(session);
  }

  updateSession(id: string, change: Partial<Omit<Session, 'id'>>): void {
    const session = this.#sessions.get(id);
    if (session) this.#sessions.set(id, copySession({ ...session, ...change }));
  }

  sessionsOfAccount(accountId: string): Session[] {
    return [...this.#sessions.values()].filter((s) => s.accountId === accountId).map(copySession);
  }

  allSessions(): Session[] {
    return [...this.#sessions.values()].map(copySession);
  }

  endSession(id: string, reason: SessionEndReason): void {
    if (!this.#sessions.delete(id)) return;
    this.#ended.set(id, { reason, endedAt: this.#now().getTime() });
    this.#forgetOldEnded();
  }

  /** Drops the ended ids past the bounds, oldest first. */
  #forgetOldEnded(): void {
    const cutoff = this.#now().getTime() - this.#kept.forMs;
    for (const [id, { endedAt }] of this.#ended) {
      if (this.#ended.size <= this.#kept.atMost && endedAt > cutoff) break;
      this.#ended.delete(id);
    }
  }

  endOtherSessions(accountId: string, keepSessionId: string, reason: SessionEndReason): number {
    const others = [...this.#sessions.values()].filter((s) => s.accountId === accountId && s.id !== keepSessionId);
    for (const session of others) this.endSession(session.id, reason);
    return others.length;
  }

  endReason(id: string): SessionEndReason | undefined {
    this.#forgetOldEnded();
    return this.#ended.get(id)?.reason;
  }

  /** How many ended ids are remembered (for tests of the bound). */
  get endedCount(): number {
    return this.#ended.size;
  }
}
