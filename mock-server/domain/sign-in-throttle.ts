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
 * Counts failed sign-ins per submitted email (known or not, so a lock never tells which emails have an account).
 * A success forgets the failures. Counting is rate-limiter-flexible's; the policy is ours.
 */
export class SignInThrottle {
  readonly policy: ThrottlePolicy;
  readonly #failures: RateLimiterMemory;

  constructor(policy: ThrottlePolicy = SIGN_IN_THROTTLE) {
    this.policy = policy;
    this.#failures = new RateLimiterMemory({
      keyPrefix: 'sign-in-failures',
      points: policy.maxFailures,
      duration: policy.windowSeconds,
    });
  }

  /** Seconds until the email may try again; 0 when it is not locked. */
  async lockedFor(email: string): Promise<number> {
    const state = await this.#failures.get(keyOf(email));
    if (!state || state.consumedPoints < this.policy.maxFailures) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async recordFailure(email: string): Promise<void> {
    const key = keyOf(email);
    const state = await this.#failures.consume(key).catch((refusal: unknown) => {
      if (refusal instanceof RateLimiterRes) return refusal;
      throw refusal;
    });
    if (state.consumedPoints >= this.policy.maxFailures) await this.#failures.block(key, this.policy.lockSeconds);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.#failures.delete(keyOf(email));
  }
}

const keyOf = (email: string) => email.trim().toLowerCase();
