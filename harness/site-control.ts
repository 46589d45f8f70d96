import type { AccountSnapshot, ActiveSession, NewTestAccount, TestAccount } from '../mock-server/index.ts';
import { describeProfiles, type PremadeAccount } from './accounts-file.ts';

/** Skips the running scenario with the reason given (steps/support/skipping.ts makes one for each runner). */
export type Skip = (reason: string) => never;

/**
 * What scenarios ask of the site besides its pages: an account of their own, and a look at what a person cannot
 * see. TestControlClient (the test-control API, docs/test-control-api.md) is one; PremadeAccounts, for a site
 * without that API, is the other (docs/accounts-file.md).
 */
export interface SiteControl {
  /** The account, with its password when the site chose it rather than the scenario. */
  createAccount(account: NewTestAccount): Promise<TestAccount & { password?: string }>;
  account(accountId: string): Promise<AccountSnapshot>;
  activeSessions(accountId: string): Promise<ActiveSession[]>;
  deleteAccount(accountId: string): Promise<void>;
  /**
   * Called before a step changes the account in a way later scenarios would meet (a new password, a phone number,
   * a sign-in lock). Accounts made for one scenario need nothing: the test-control API's client has no such method.
   */
  beforeLastingChange?(change: string): void;
}

/** Which of the run's parallel scenarios this one is: its worker's place among every worker of every shard. */
export interface ScenarioSlot {
  slot: number;
  slots: number;
  skip: Skip;
}

export const NEEDS_CONTROL_API = "needs the site's test-control API (GUIDE_ACCOUNTS_FILE mode)";

/**
 * Scenarios on a site without the test-control API: "creating" an account hands out one of GUIDE_ACCOUNTS_FILE's
 * accounts with the profiles asked for, the same one to every scenario of a worker, so no two scenarios running at
 * once ever share one. Whatever needs the API, or would leave the account changed for the next scenario, skips the
 * scenario with a reason instead.
 */
export class PremadeAccounts implements SiteControl {
  readonly #accounts: PremadeAccount[];
  readonly #source: string;
  readonly #slot: number;
  readonly #slots: number;
  readonly #skip: Skip;

  constructor({ accounts, source, slot, slots, skip }: ScenarioSlot & { accounts: PremadeAccount[]; source: string }) {
    this.#accounts = accounts;
    this.#source = source;
    this.#slot = slot;
    this.#slots = slots;
    this.#skip = skip;
  }

  async createAccount({ profiles, phone }: NewTestAccount): Promise<TestAccount & { password: string }> {
    const wanted = describeProfiles(profiles);
    if (phone) this.#needsApi(`it starts from an account with the phone number ${phone.e164}`);
    const matching = this.#accounts.filter((account) => describeProfiles(account.profiles) === wanted);
    if (matching.length === 0)
      this.#needsApi(`it starts from an account with the profiles "${wanted}", and no pre-made account has them`);
    const account = matching[this.#slot];
    if (!account || matching.length < this.#slots) {
      throw new Error(
        `GUIDE_ACCOUNTS_FILE ${this.#source} has ${matching.length} account(s) with the profiles "${wanted}" for ${this.#slots} parallel workers, and each needs its own: add ${this.#slots - matching.length} more, or run fewer workers (GUIDE_WORKERS).`,
      );
    }
    return {
      id: account.email,
      email: account.email,
      password: account.password,
      profiles: account.profiles.map((profile, index) => ({ id: String(index), ...profile })),
    };
  }

  account(): Promise<AccountSnapshot> {
    this.#needsApi('it reads the account as the site keeps it');
  }

  activeSessions(): Promise<ActiveSession[]> {
    this.#needsApi("it reads the account's sessions on the site");
  }

  /** Nothing to delete: the account stays for this worker's next scenario. */
  async deleteAccount(): Promise<void> {}

  beforeLastingChange(change: string): void {
    this.#needsApi(`${change}, which would stay on the pre-made account for later scenarios`);
  }

  #needsApi(why: string): never {
    return this.#skip(`${NEEDS_CONTROL_API}: ${why}`);
  }
}
