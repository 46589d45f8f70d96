import type { AccountSnapshot, ActiveSession, NewTestAccount, TestAccount } from './test-control-client.ts';
import { describeProfiles, type PremadeAccount } from './accounts-file.ts';
import { NEEDS_CONTROL_API, type ScenarioSlot, type SiteControl, type Skip } from './control.ts';

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
