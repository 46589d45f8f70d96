import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RecheckPolicy {
  /** Password re-checks one session may get wrong before it is stopped. */
  perSession: number;
  /** Wrong re-checks across all the sessions of one account before the account's re-checks are stopped. */
  perAccount: number;
  /** Re-checks older than this are forgotten. */
  windowSeconds: number;
  /** How long a stop lasts. */
  lockSeconds: number;
}

/**
 * A signed-in device may be someone else's (a shared or stolen one): the re-checks of the phone and password
 * changes get the sign-in lock's numbers per session (5 in 15 minutes), and twice that per account, so signing in
 * again on more devices does not buy a guesser more tries than the account's owner could ever need.
 */
export const PASSWORD_RECHECK_LIMIT: RecheckPolicy = {
  perSession: 5,
  perAccount: 10,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

/** Counts re-checks before the password is checked (rate-limiter-flexible's atomic `consume`); a right one resets. */
export class PasswordRecheckLimit {
  readonly policy: RecheckPolicy;
  readonly #perSession: RateLimiterMemory;
  readonly #perAccount: RateLimiterMemory;

  constructor(policy: RecheckPolicy = PASSWORD_RECHECK_LIMIT) {
    this.policy = policy;
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterMemory({
        keyPrefix,
        points,
        duration: policy.windowSeconds,
        blockDuration: policy.lockSeconds,
      });
    this.#perSession = limiter('recheck-session', policy.perSession);
    this.#perAccount = limiter('recheck-account', policy.perAccount);
  }

  /**
   * Takes one re-check for the session and its account, in that order (a session that is stopped uses none of its
   * account's). 0 when the password may be checked, or the seconds until it may be tried again.
   */
  async attempt(sessionId: string | undefined, accountId: string): Promise<number> {
    try {
      if (sessionId) await this.#perSession.consume(sessionId);
      await this.#perAccount.consume(accountId);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }

  async succeeded(sessionId: string | undefined, accountId: string): Promise<void> {
    if (sessionId) await this.#perSession.delete(sessionId);
    await this.#perAccount.delete(accountId);
  }
}
