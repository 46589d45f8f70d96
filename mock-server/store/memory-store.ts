import type { Account, Session, SessionEndReason, Store } from './store.ts';

export class MemoryStore implements Store {
  readonly #accounts = new Map<string, Account>();
  readonly #sessions = new Map<string, Session>();
  readonly #ended = new Map<string, SessionEndReason>();

  insertAccount(account: Account): void {
    this.#accounts.set(account.id, structuredClone(account));
  }

  findAccountById(id: string): Account | undefined {
    const account = this.#accounts.get(id);
    return account && structuredClone(account);
  }

  findAccountByEmail(email: string): Account | undefined {
    const wanted = email.toLowerCase();
    for (const account of this.#accounts.values()) {
      if (account.email.toLowerCase() === wanted) return structuredClone(account);
    }
    return undefined;
  }

  updateAccount(id: string, change: Partial<Omit<Account, 'id'>>): void {
    const account = this.#accounts.get(id);
    if (account) this.#accounts.set(id, structuredClone({ ...account, ...change }));
  }

  deleteAccount(id: string): void {
    for (const session of this.sessionsOfAccount(id)) this.endSession(session.id, 'signed-out');
    this.#accounts.delete(id);
  }

  insertSession(session: Session): void {
    this.#sessions.set(session.id, structuredClone(session));
  }

  findSession(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    return session && structuredClone(session);
  }

  updateSession(id: string, change: Partial<Omit<Session, 'id'>>): void {
    const session = this.#sessions.get(id);
    if (session) this.#sessions.set(id, structuredClone({ ...session, ...change }));
  }

  sessionsOfAccount(accountId: string): Session[] {
    return [...this.#sessions.values()].filter((s) => s.accountId === accountId).map((s) => structuredClone(s));
  }

  endSession(id: string, reason: SessionEndReason): void {
    if (this.#sessions.delete(id)) this.#ended.set(id, reason);
  }

  endOtherSessions(accountId: string, keepSessionId: string, reason: SessionEndReason): number {
    const others = [...this.#sessions.values()].filter((s) => s.accountId === accountId && s.id !== keepSessionId);
    for (const session of others) this.endSession(session.id, reason);
    return others.length;
  }

  endReason(id: string): SessionEndReason | undefined {
    return this.#ended.get(id);
  }
}
