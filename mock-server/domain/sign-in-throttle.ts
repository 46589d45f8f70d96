import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface ThrottlePolicy {
  /** Failed sign-ins in a row, for one email, before that email is locked. */
  maxFailures: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  /** How long the lock lasts; afterwards the right password works again. */
  lockSeconds: number;
}

/**
 * 5 failures in 15 minutes lock the email for 15 minutes: at most 5 guesses per 15 minutes, 20 an hour, well under
 * the 100 an hour ASVS 4.0.3 2.2.1 allows, while a person who mistypes a few times is never stopped.
 */
export const SIGN_IN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

/**
 * Counts sign-in attempts per submitted email (known or not, so a lock never tells which emails have an account).
 * A success forgets them. Counting is rate-limiter-flexible's; the policy is ours.
 */
export class SignInThrottle {
  readonly policy: ThrottlePolicy;
  readonly #attempts: RateLimiterMemory;

  constructor(policy: ThrottlePolicy = SIGN_IN_THROTTLE) {
    this.policy = policy;
    this.#attempts = new RateLimiterMemory({
      keyPrefix: 'sign-in-attempts',
      points: policy.maxFailures,
      duration: policy.windowSeconds,
      blockDuration: policy.lockSeconds,
    });
  }

  /**
   * Takes one attempt for the email before its password is checked, in one step (rate-limiter-flexible's
   * `consume`), so a burst of parallel guesses cannot all pass a check made before any failure is counted.
   * Returns 0 when the password may be checked, or the seconds until the email may try again.
   */
  /**
   * The gate every rendition's sign-in passes: seconds the email must still wait (0: go on). The clean site takes
   * the attempt before the password is checked; the racy drift variant only looks, and counts a failure afterwards
   * (`afterFailure`).
   */
  admit(email: string, rules: { throttleSignIns: boolean; atomicSignInLock: boolean }): Promise<number> {
    if (!rules.throttleSignIns) return Promise.resolve(0);
    return rules.atomicSignInLock ? this.attempt(email) : this.lockedFor(email);
  }

  /** After a failed sign-in: only the racy variant counts it here, the clean site counted it on the way in. */
  async afterFailure(email: string, rules: { throttleSignIns: boolean; atomicSignInLock: boolean }): Promise<void> {
    if (rules.throttleSignIns && !rules.atomicSignInLock) await this.recordFailure(email);
  }

  async attempt(email: string): Promise<number> {
    try {
      await this.#attempts.consume(keyOf(email));
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return secondsOf(refusal);
      throw refusal;
    }
  }

  /** Seconds until the email may try again; 0 when it is not locked. Only for the racy drift variant. */
  async lockedFor(email: string): Promise<number> {
    const state = await this.#attempts.get(keyOf(email));
    if (!state || state.consumedPoints < this.policy.maxFailures) return 0;
    return secondsOf(state);
  }

  /** Counts a failure after the password was checked: the racy drift variant's check-then-record. */
  async recordFailure(email: string): Promise<void> {
    const key = keyOf(email);
    const state = await this.#attempts.consume(key).catch((refusal: unknown) => {
      if (refusal instanceof RateLimiterRes) return refusal;
      throw refusal;
    });
    if (state.consumedPoints >= this.policy.maxFailures) await this.#attempts.block(key, this.policy.lockSeconds);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.#attempts.delete(keyOf(email));
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();
const secondsOf = (state: RateLimiterRes) => Math.max(1, Math.ceil(state.msBeforeNext / 1000));
