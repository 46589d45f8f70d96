import { randomBytes, randomUUID } from 'node:crypto';
import { SiteVariantSetting } from '../drift/variants.ts';
import type { Account, Session, SessionEndReason, Store } from '../store/store.ts';
import { PasswordRecheckLimit } from './password-recheck-limit.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords.ts';

export interface NewAccount {
  email: string;
  password: string;
  profiles: { name: string; kids: boolean }[];
  phone?: { e164: string; textMessages: boolean } | undefined;
}

export type CurrentVisit =
  | { kind: 'signed-in'; session: Session; account: Account }
  | { kind: 'ended'; reason: SessionEndReason }
  | { kind: 'anonymous' };

export class EmailTakenError extends Error {}

/** The real service's rule for a new password (its help pages and third-party how-tos agree on 6–60). */
export const NEW_PASSWORD_LENGTH = { min: 6, max: 60 } as const;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The "Require all devices to sign in again with new password" tick. */
  signOutOtherDevices: boolean;
}

export type PasswordChangeRefusal =
  | 'not-signed-in'
  | 'no-profile'
  | 'kids-profile'
  | 'wrong-current-password'
  | 'same-as-current'
  | 'new-password-length'
  /** Too many wrong re-checks of the password for this session or account (PasswordRecheckLimit). */
  | 'too-many-attempts'
  /** Something else changed the password or ended this session while this change was being checked. */
  | 'conflict';

export type PasswordChangeResult =
  /** `endedSessions`: the other sessions ended at once (none when the site ends them later, or stored nothing). */
  | { ok: true; session: Session; endedSessions: number }
  | { ok: false; refusal: PasswordChangeRefusal; retryAfterSeconds?: number };

export type PhoneChangeRefusal =
  | 'not-signed-in'
  | 'no-profile'
  | 'wrong-password'
  | 'too-many-attempts'
  /** The password changed while this change was being checked. */
  | 'conflict';

export type PhoneChangeResult = { ok: true } | { ok: false; refusal: PhoneChangeRefusal; retryAfterSeconds?: number };

export type SignOutEverywhereResult =
  /** `session`: this device's new session, or null when a drifted site signed this device out too. */
  { ok: true; session: Session | null; endedSessions: number } | { ok: false; refusal: 'not-signed-in' | 'no-profile' };

const newSessionId = () => randomBytes(32).toString('base64url');

/**
 * How long a session works (ASVS 5.0 7.3.1 and 7.3.2, decision 6): it ends after 30 minutes without a request
 * (idle), and 12 hours after the sign-in whatever its use (absolute), the NIST SP 800-63B figures for a password
 * sign-in. A password change that re-checked the current password counts as a sign-in.
 */
export const SESSION_LIFETIME = { idleMs: 30 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 } as const;

export type SessionLifetime = { idleMs: number; absoluteMs: number };

/** Expired sessions nobody came back for are swept out of the store at most this often (on a sign-in). */
const SWEEP_EVERY_MS = 60 * 1000;

/** The account rules of the site the guide describes: sign-in, sessions per device, profiles. */
export class AccountService {
  readonly #store: Store;
  /** The site's rules are the clean ones unless a drift variant bends one of them. */
  readonly #variant: SiteVariantSetting;
  /** Only for the drift variant where an old password keeps working: each account's hash before its last change. */
  readonly #formerHashes = new Map<string, string>();
  readonly #rechecks: PasswordRecheckLimit;
  /** The time now: a session given an end (`endsAt`), or past its lifetime, is ended once this reaches it. */
  readonly #now: () => Date;
  readonly #lifetime: SessionLifetime;
  #lastSweep = 0;

  constructor(
    store: Store,
    variant = new SiteVariantSetting(),
    rechecks = new PasswordRecheckLimit(),
    now: () => Date = () => new Date(),
    lifetime: SessionLifetime = SESSION_LIFETIME,
  ) {
    this.#store = store;
    this.#variant = variant;
    this.#rechecks = rechecks;
    this.#now = now;
    this.#lifetime = lifetime;
  }

  /**
   * The session if it still works. One whose end has come (a late sign-out, `endsAt`; its idle timeout or absolute
   * lifetime) is ended here, when it is next asked for: no timer runs, so nothing is left running when the server
   * closes. Asking does not count as using it (`currentVisit` does).
   */
  #liveSession(sessionId: string): Session | undefined {
    const session = this.#store.findSession(sessionId);
    if (!session) return undefined;
    const ended = this.#endReasonNow(session);
    if (ended) {
      this.#store.endSession(session.id, ended);
      return undefined;
    }
    return session;
  }

  /** Why the session must end now, or null while it works. */
  #endReasonNow(session: Session): SessionEndReason | null {
    const now = this.#now().getTime();
    if (session.endsAt && now >= session.endsAt.getTime()) return 'password-changed';
    if (now - session.lastSeenAt.getTime() >= this.#lifetime.idleMs) return 'expired';
    if (now - session.createdAt.getTime() >= this.#lifetime.absoluteMs) return 'expired';
    return null;
  }

  /** Ends every expired session nobody came back for, so the store does not grow with abandoned ones. */
  #sweepExpired(): void {
    const now = this.#now().getTime();
    if (now - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now;
    for (const session of this.#store.allSessions()) this.#liveSession(session.id);
  }

  async createAccount(input: NewAccount): Promise<Account> {
    if (this.#store.findAccountByEmail(input.email)) throw new EmailTakenError(input.email);
    const account: Account = {
      id: randomUUID(),
      email: input.email,
      passwordHash: await hashPassword(input.password),
      profiles: input.profiles.map((profile) => ({ id: randomUUID(), ...profile })),
      phone: input.phone ?? null,
      createdAt: this.#now(),
    };
    this.#store.insertAccount(account);
    return account;
  }

  /**
   * A new session (a new id, never the one the browser brought) or null. Unknown email and wrong password do the
   * same work and give the same answer.
   */
  async signIn(
    email: string,
    password: string,
    device: { userAgent: string; previousSessionId?: string | undefined },
  ): Promise<Session | null> {
    const account = this.#store.findAccountByEmail(email);
    const passwordMatches =
      (await verifyPassword(password, account?.passwordHash ?? DUMMY_PASSWORD_HASH)) ||
      (await this.#matchesFormerPassword(account, password));
    if (!account || !passwordMatches) return null;
    // A password change that landed while the hash was being checked makes this password an old one.
    if (this.#store.findAccountById(account.id)?.passwordHash !== account.passwordHash) return null;
    if (device.previousSessionId) this.#store.endSession(device.previousSessionId, 'signed-out');
    this.#sweepExpired();
    const now = this.#now();
    const session: Session = {
      id: newSessionId(),
      accountId: account.id,
      // Without the profile gate, a sign-in goes on as the main profile.
      profileId: this.#variant.site.profileGate ? null : (account.profiles[0]?.id ?? null),
      userAgent: device.userAgent,
      createdAt: now,
      lastSeenAt: now,
    };
    this.#store.insertSession(session);
    return session;
  }

  async #matchesFormerPassword(account: Account | undefined, password: string): Promise<boolean> {
    const former = account && this.#formerHashes.get(account.id);
    return !!former && this.#variant.site.oldPasswordWorksAfterChange && verifyPassword(password, former);
  }

  signOut(sessionId: string): void {
    this.#store.endSession(sessionId, 'signed-out');
  }

  /** Who is visiting; a request that finds its session working uses it, which restarts its idle timeout. */
  currentVisit(sessionId: string | undefined): CurrentVisit {
    if (!sessionId) return { kind: 'anonymous' };
    const live = this.#liveSession(sessionId);
    const account = live && this.#store.findAccountById(live.accountId);
    if (live && account) {
      this.#store.updateSession(live.id, { lastSeenAt: this.#now() });
      // The session as this request found it.
      return { kind: 'signed-in', session: live, account };
    }
    const reason = this.#store.endReason(sessionId);
    return reason ? { kind: 'ended', reason } : { kind: 'anonymous' };
  }

  /**
   * Changes the password from a signed-in device whose profile is not a Kids profile. On success this device gets
   * a new session id and, when asked, every other session of the account ends at once (on a drifted site: after
   * `signOutOthersAfterSeconds`, or nothing is stored at all). A refusal changes nothing.
   */
  async changePassword(sessionId: string | undefined, change: PasswordChange): Promise<PasswordChangeResult> {
    const visit = this.currentVisit(sessionId);
    if (visit.kind !== 'signed-in') return { ok: false, refusal: 'not-signed-in' };
    const { session, account } = visit;
    const profile = account.profiles.find((p) => p.id === session.profileId);
    if (!profile) return { ok: false, refusal: 'no-profile' };
    // The real service's rule (help center): no password change while a Kids profile is in use.
    if (profile.kids) return { ok: false, refusal: 'kids-profile' };
    const { length } = change.newPassword;
    if (length < NEW_PASSWORD_LENGTH.min || length > NEW_PASSWORD_LENGTH.max) {
      return { ok: false, refusal: 'new-password-length' };
    }
    const rules = this.#variant.site;
    if (rules.checkCurrentPassword) {
      const retryAfterSeconds = await this.#takeRecheck(session.id, account.id);
      if (retryAfterSeconds) return { ok: false, refusal: 'too-many-attempts', retryAfterSeconds };
      if (!(await verifyPassword(change.currentPassword, account.passwordHash))) {
        return { ok: false, refusal: 'wrong-current-password' };
      }
      await this.#rechecks.succeeded(session.id, account.id);
    }
    if (change.newPassword === change.currentPassword) return { ok: false, refusal: 'same-as-current' };
    const passwordHash = await hashPassword(change.newPassword);

    // Everything from here on runs without awaiting, so no other request sees half a change. Two changes racing
    // from two devices: the second finds its session ended or the hash it checked replaced, and is refused.
    const now = this.#store.findAccountById(account.id);
    if (!this.#liveSession(session.id) || now?.passwordHash !== account.passwordHash) {
      return { ok: false, refusal: 'conflict' };
    }
    // A drifted site answers as if the change were made, and keeps the password and every session as they were.
    if (!rules.storePasswordChange) return { ok: true, session, endedSessions: 0 };
    this.#store.updateAccount(account.id, { passwordHash });
    if (rules.oldPasswordWorksAfterChange) this.#formerHashes.set(account.id, account.passwordHash);
    // This device set the new password: an end another device's change gave its session does not carry over. Its
    // absolute lifetime starts again only when the current password was re-checked (a re-authentication).
    const renewedAt = this.#now();
    const renewed: Session = {
      ...session,
      id: newSessionId(),
      createdAt: rules.checkCurrentPassword ? renewedAt : session.createdAt,
      lastSeenAt: renewedAt,
    };
    delete renewed.endsAt;
    this.#store.insertSession(renewed);
    this.#store.endSession(session.id, 'renewed');
    const signOutOthers = { 'as-ticked': change.signOutOtherDevices, never: false, always: true }[
      rules.signOutOtherDevices
    ];
    if (!signOutOthers) return { ok: true, session: renewed, endedSessions: 0 };
    if (rules.signOutOthersAfterSeconds > 0) {
      this.#endOtherSessionsLater(account.id, renewed.id, rules.signOutOthersAfterSeconds);
      return { ok: true, session: renewed, endedSessions: 0 };
    }
    const endedSessions = this.#store.endOtherSessions(account.id, renewed.id, 'password-changed');
    return { ok: true, session: renewed, endedSessions };
  }

  /**
   * "Sign out of all devices", once confirmed: every other session of the account ends at once, and this device
   * stays signed in with a new session id (as after a password change). Asks for no password: the guide asks for
   * none, and the person is signed in with a chosen profile, as for every page of the account.
   */
  signOutOfAllDevices(sessionId: string | undefined): SignOutEverywhereResult {
    const visit = this.currentVisit(sessionId);
    if (visit.kind !== 'signed-in') return { ok: false, refusal: 'not-signed-in' };
    const { session, account } = visit;
    if (!account.profiles.some((p) => p.id === session.profileId)) return { ok: false, refusal: 'no-profile' };
    const rules = this.#variant.site;
    if (!rules.signOutAllDevicesKeepsThisDevice) {
      const endedSessions = this.#store.endOtherSessions(account.id, session.id, 'signed-out-everywhere');
      this.#store.endSession(session.id, 'signed-out-everywhere');
      return { ok: true, session: null, endedSessions: endedSessions + 1 };
    }
    const renewed: Session = { ...session, id: newSessionId(), lastSeenAt: this.#now() };
    delete renewed.endsAt;
    this.#store.insertSession(renewed);
    this.#store.endSession(session.id, 'renewed');
    const endedSessions = rules.signOutAllDevicesEndsOthers
      ? this.#store.endOtherSessions(account.id, renewed.id, 'signed-out-everywhere')
      : 0;
    return { ok: true, session: renewed, endedSessions };
  }

  /** Gives every other session of the account an end this many seconds from now (an earlier end stays). */
  #endOtherSessionsLater(accountId: string, keepSessionId: string, seconds: number): void {
    const endsAt = new Date(this.#now().getTime() + seconds * 1000);
    for (const other of this.#store.sessionsOfAccount(accountId)) {
      if (other.id === keepSessionId || (other.endsAt && other.endsAt <= endsAt)) continue;
      this.#store.updateSession(other.id, { endsAt });
    }
  }

  /** False when the profile is not one of the session's account. */
  chooseProfile(sessionId: string, profileId: string): boolean {
    const visit = this.currentVisit(sessionId);
    if (visit.kind !== 'signed-in' || !visit.account.profiles.some((p) => p.id === profileId)) return false;
    this.#store.updateSession(sessionId, { profileId });
    return true;
  }

  /**
   * Saves the phone (already validated, E.164) from a signed-in device with a chosen profile, like the phone page,
   * only when the account's password is given: a signed-in browser alone may not change how the account is reached
   * (ASVS 5.0 7.5.1). The re-check is limited (PasswordRecheckLimit). A refusal saves nothing.
   */
  async changePhoneForSession(
    sessionId: string | undefined,
    password: string,
    phone: NonNullable<Account['phone']>,
  ): Promise<PhoneChangeResult> {
    const visit = this.currentVisit(sessionId);
    if (visit.kind !== 'signed-in') return { ok: false, refusal: 'not-signed-in' };
    const { session, account } = visit;
    if (!account.profiles.some((p) => p.id === session.profileId)) return { ok: false, refusal: 'no-profile' };
    return this.#changePhone(account, session.id, password, phone);
  }

  /**
   * The same rules for a caller that has the account rather than the device; with `sessionId`, that session must
   * still be signed in when the change lands. False, and nothing saved, on any refusal.
   */
  async changePhone(
    accountId: string,
    password: string,
    phone: NonNullable<Account['phone']>,
    sessionId?: string,
  ): Promise<boolean> {
    const account = this.#store.findAccountById(accountId);
    if (!account) {
      await verifyPassword(password, DUMMY_PASSWORD_HASH);
      return false;
    }
    return (await this.#changePhone(account, sessionId, password, phone)).ok;
  }

  async #changePhone(
    account: Account,
    sessionId: string | undefined,
    password: string,
    phone: NonNullable<Account['phone']>,
  ): Promise<PhoneChangeResult> {
    const rules = this.#variant.site;
    if (rules.phoneNeedsPassword) {
      const retryAfterSeconds = await this.#takeRecheck(sessionId, account.id);
      if (retryAfterSeconds) return { ok: false, refusal: 'too-many-attempts', retryAfterSeconds };
      if (!(await verifyPassword(password, account.passwordHash))) return { ok: false, refusal: 'wrong-password' };
      await this.#rechecks.succeeded(sessionId, account.id);
    }
    // The checks above waited: a ticked password change may have signed this device out, or replaced the password
    // that was checked, meanwhile. From here on nothing awaits, so the change lands on what was checked.
    if (sessionId && !this.#liveSession(sessionId)) return { ok: false, refusal: 'not-signed-in' };
    if (this.#store.findAccountById(account.id)?.passwordHash !== account.passwordHash) {
      return { ok: false, refusal: 'conflict' };
    }
    this.#store.updateAccount(account.id, {
      phone: rules.storeTextMessageChoice ? phone : { ...phone, textMessages: false },
    });
    return { ok: true };
  }

  /** 0 when the password may be re-checked, or the seconds to wait; drifted sites may not limit re-checks. */
  async #takeRecheck(sessionId: string | undefined, accountId: string): Promise<number> {
    return this.#variant.site.limitPasswordRechecks ? this.#rechecks.attempt(sessionId, accountId) : 0;
  }

  /** Whether the password is the account's, without signing in: for the test-control API. */
  async passwordMatches(accountId: string, password: string): Promise<boolean> {
    const account = this.#store.findAccountById(accountId);
    return account ? verifyPassword(password, account.passwordHash) : false;
  }

  hasAccountWithEmail(email: string): boolean {
    return !!this.#store.findAccountByEmail(email);
  }

  findAccount(accountId: string): Account | undefined {
    return this.#store.findAccountById(accountId);
  }

  /** The account's sessions that still work (one whose end has come is ended, not listed). */
  sessionsOf(accountId: string): Session[] {
    return this.#store.sessionsOfAccount(accountId).filter((session) => this.#liveSession(session.id));
  }

  deleteAccount(accountId: string): void {
    this.#store.deleteAccount(accountId);
  }
}
