/** Everything the mock keeps. One small interface so a persistent store can replace the in-memory one. */
export interface Profile {
  id: string;
  name: string;
  kids: boolean;
}

export interface Account {
  id: string;
  email: string;
  passwordHash: string;
  profiles: Profile[];
  phone: { e164: string; textMessages: boolean } | null;
  createdAt: Date;
}

export interface Session {
  id: string;
  accountId: string;
  profileId: string | null;
  userAgent: string;
  /** The sign-in (or the re-checked password change) that started it: the absolute lifetime counts from here. */
  createdAt: Date;
  /** The last request that used it: the idle timeout counts from here (AccountService.currentVisit refreshes it). */
  lastSeenAt: Date;
  /**
   * When a password change signed the other devices out with a delay (drift variant late-sign-out): the moment
   * this session stops working, for the reason 'password-changed'. Absent: it lasts until it is ended.
   */
  endsAt?: Date;
}

/**
 * Why a session ended, so the next page load can tell the person. 'renewed': the same device was given a new id
 * (after a password change), so the old id is dead but nobody needs telling. 'expired': its idle timeout or
 * absolute lifetime ran out (SESSION_LIFETIME).
 */
export type SessionEndReason =
  | 'signed-out'
  | 'password-changed'
  /** "Sign out of all devices", confirmed on another device of the account. */
  | 'signed-out-everywhere'
  | 'renewed'
  | 'expired';

export interface Store {
  insertAccount(account: Account): void;
  findAccountById(id: string): Account | undefined;
  findAccountByEmail(email: string): Account | undefined;
  updateAccount(id: string, change: Partial<Omit<Account, 'id'>>): void;
  deleteAccount(id: string): void;

  insertSession(session: Session): void;
  findSession(id: string): Session | undefined;
  updateSession(id: string, change: Partial<Omit<Session, 'id'>>): void;
  sessionsOfAccount(accountId: string): Session[];
  /** Every session still stored (ended ones are not), for sweeping out the expired. */
  allSessions(): Session[];
  endSession(id: string, reason: SessionEndReason): void;
  /** Ends every session of the account except one, in one step; returns how many ended. */
  endOtherSessions(accountId: string, keepSessionId: string, reason: SessionEndReason): number;
  /**
   * The reason a session id stopped working, if it ended recently enough to be remembered: a store forgets ended
   * ids after a while (MemoryStore: ENDED_SESSIONS_KEPT), so their number stays bounded.
   */
  endReason(id: string): SessionEndReason | undefined;
}
