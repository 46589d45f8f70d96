import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { AccountService } from '../domain/account-service.ts';
import type { SiteVariantSetting } from '../drift/variants.ts';
import type { Account, Session, SessionEndReason } from '../store/store.ts';
import { WORDS } from './wording.ts';

/** Not the first rendition's `sid`: another team, another name. */
export const CLASSIC_COOKIE = 'fbx_session';

/** The hidden field of every form that carries the synchronizer token. */
export const TOKEN_FIELD = 'authenticity_token';

/** Visitors not signed in get a pre-session; past this many, the oldest records are forgotten. */
const MAX_RECORDS = 10_000;

/** What the server keeps per browser, keyed by the cookie's value. */
interface SessionRecord {
  /** The synchronizer token the browser's forms must send back. */
  token: string;
  /** A sentence shown once, on the next page that shows notices (a "flash"). */
  notice: string | null;
}

export type ClassicVisit =
  | { kind: 'signed-in'; key: string; record: SessionRecord; session: Session; account: Account }
  | { kind: 'visitor'; key: string; record: SessionRecord };

/** What the next page tells a browser whose session ended without its asking, by reason. */
const ENDED_NOTICES: Record<SessionEndReason, string | null> = {
  'signed-out': null,
  'password-changed': WORDS.passwordChangedElsewhere,
  'signed-out-everywhere': WORDS.signedOutEverywhereElsewhere,
  renewed: null,
  expired: WORDS.sessionExpired,
};

const newSecret = () => randomBytes(32).toString('base64url');

/**
 * Sessions and CSRF for the classic rendition.
 *
 * The cookie holds the account's session id (AccountService) once signed in, so the test-control API lists exactly
 * the sessions the browsers hold; before that it holds a pre-session id known only here. The anti-CSRF token is a
 * synchronizer token: random, kept on the server beside the session, written into a hidden field of every form and
 * compared with timingSafeEqual. Why not a library: csrf-csrf (already a dependency) is a signed double submit,
 * which is what the first rendition uses; the point of this one is the other well-documented pattern (OWASP CSRF
 * cheat sheet, "synchronizer token"), and it needs nothing but a random value and a constant-time compare.
 */
export class ClassicSessions {
  readonly #records = new Map<string, SessionRecord>();
  readonly #accounts: AccountService;
  readonly #variant: SiteVariantSetting;

  constructor(accounts: AccountService, variant: SiteVariantSetting) {
    this.#accounts = accounts;
    this.#variant = variant;
  }

  /** The request's visit, once per request; a browser without a live session gets a pre-session cookie. */
  visit(req: Request, res: Response): ClassicVisit {
    const known = res.locals.classicVisit as ClassicVisit | undefined;
    if (known) return known;
    const visit = this.#resolve(req, res);
    res.locals.classicVisit = visit;
    return visit;
  }

  #resolve(req: Request, res: Response): ClassicVisit {
    const key = req.cookies?.[CLASSIC_COOKIE] as string | undefined;
    const current = this.#accounts.currentVisit(key);
    if (current.kind === 'signed-in' && key) {
      return {
        kind: 'signed-in',
        key,
        record: this.#recordOf(key),
        session: current.session,
        account: current.account,
      };
    }
    if (current.kind === 'anonymous' && key && this.#records.has(key)) {
      return { kind: 'visitor', key, record: this.#recordOf(key) };
    }
    if (key) this.#records.delete(key);
    // A session ended elsewhere, or by its lifetime: the next page says why, once.
    const notice = current.kind === 'ended' ? ENDED_NOTICES[current.reason] : null;
    return this.#startPreSession(req, res, notice);
  }

  #startPreSession(req: Request, res: Response, notice: string | null): ClassicVisit {
    const key = newSecret();
    const record = this.#store(key, { token: newSecret(), notice });
    res.cookie(CLASSIC_COOKIE, key, this.#cookieOptions(req));
    return { kind: 'visitor', key, record };
  }

  /** Sign-in: the pre-session is dropped, the account's new session gets its own cookie value and token. */
  signedIn(req: Request, res: Response, previous: ClassicVisit, session: Session): void {
    this.#records.delete(previous.key);
    this.#store(session.id, { token: newSecret(), notice: null });
    res.cookie(CLASSIC_COOKIE, session.id, this.#cookieOptions(req));
  }

  /** A password change, or "Sign out of all devices", gave this device a new session id: a new cookie value and token, and a notice. */
  renewed(req: Request, res: Response, previous: ClassicVisit, session: Session, notice: string): void {
    this.#records.delete(previous.key);
    this.#store(session.id, { token: newSecret(), notice });
    res.cookie(CLASSIC_COOKIE, session.id, this.#cookieOptions(req));
  }

  signedOut(req: Request, res: Response, visit: ClassicVisit): void {
    this.#records.delete(visit.key);
    if (visit.kind === 'signed-in') this.#accounts.signOut(visit.session.id);
    res.clearCookie(CLASSIC_COOKIE, { path: '/' });
  }

  /** Keeps a sentence for the next page that shows notices. */
  notify(visit: ClassicVisit, notice: string): void {
    visit.record.notice = notice;
  }

  /** The notice kept for this visit, if any; it is shown once. */
  takeNotice(visit: ClassicVisit): string | null {
    const { notice } = visit.record;
    visit.record.notice = null;
    return notice;
  }

  /**
   * Whether a POST came from this site's own form: an Origin, when the browser sends one, of this site, and the
   * token of this visit's session in the hidden field. A drifted site (csrf-token-unchecked) skips both.
   */
  formIsGenuine(req: Request, visit: ClassicVisit, submitted: unknown): boolean {
    if (!this.#variant.site.checkCsrfToken) return true;
    const origin = req.get('origin');
    if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) return false;
    if (typeof submitted !== 'string') return false;
    const expected = Buffer.from(visit.record.token);
    const actual = Buffer.from(submitted);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  #recordOf(key: string): SessionRecord {
    return this.#records.get(key) ?? this.#store(key, { token: newSecret(), notice: null });
  }

  #store(key: string, record: SessionRecord): SessionRecord {
    this.#records.set(key, record);
    if (this.#records.size > MAX_RECORDS) {
      const oldest = this.#records.keys().next().value;
      if (oldest !== undefined) this.#records.delete(oldest);
    }
    return record;
  }

  #cookieOptions(req: Request): CookieOptions {
    return { path: '/', httpOnly: this.#variant.site.sessionCookieHttpOnly, sameSite: 'lax', secure: req.secure };
  }
}
