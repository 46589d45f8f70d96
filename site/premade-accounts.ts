import type { AccountSnapshot, ActiveSession, NewTestAccount, TestAccount } from './test-control-client.ts';
import { describePhone, describeProfiles, type PremadeAccount } from './accounts-file.ts';
import type { AccountJournal, PhoneState } from './account-journal.ts';
import { holdAccount, type Release, tryHoldAccount } from './account-lock.ts';
import { type AccountKeeper, NEEDS_CONTROL_API, type ScenarioSlot, type SiteControl, type Skip } from './control.ts';

/**
 * How long a scenario waits for a pre-made account another run is using before refusing: within a step's time
 * (30 s), and longer than the lock of a run that was killed lasts (10 s).
 */
export const ACCOUNT_WAIT_MS = 20_000;

/**
 * Scenarios on a site without the test-control API: "creating" an account hands out one of GUIDE_ACCOUNTS_FILE's
 * accounts with the profiles (and phone number) asked for, the same one to every scenario of a worker, so no two
 * scenarios running at once ever share one; a lock per account keeps other runs off it meanwhile. What the site
 * keeps is then seen as a person sees it (steps/support/world.ts), and a change is recorded in the journal before it
 * is sent, then put back through the site's pages. What only the API can set up skips the scenario, with the reason.
 */
export class PremadeAccounts implements SiteControl {
  readonly #accounts: PremadeAccount[];
  readonly #source: string;
  readonly #slot: number;
  readonly #slots: number;
  readonly #skip: Skip;
  readonly #site: string;
  readonly #journal: AccountJournal;
  readonly #waitMs: number;
  #release: Release | undefined;
  readonly keeper: AccountKeeper;

  constructor({
    accounts,
    source,
    slot,
    slots,
    skip,
    site,
    journal,
    waitMs = ACCOUNT_WAIT_MS,
  }: ScenarioSlot & {
    accounts: PremadeAccount[];
    source: string;
    site: string;
    journal: AccountJournal;
    waitMs?: number;
  }) {
    this.#accounts = accounts;
    this.#source = source;
    this.#slot = slot;
    this.#slots = slots;
    this.#skip = skip;
    this.#site = site;
    this.#journal = journal;
    this.#waitMs = waitMs;
    const byId = (id: string) => this.#accounts.find((account) => account.email === id);
    this.keeper = {
      pending: (id) => this.#journal.pending(this.#site, id),
      record: (id, change) => this.#journal.record(this.#site, id, change),
      forget: (id) => this.#journal.forget(this.#site, id),
      startingPhone: (id): PhoneState | null => byId(id)?.phone ?? null,
    };
  }

  async createAccount({ profiles, phone }: NewTestAccount): Promise<TestAccount & { password: string }> {
    const wanted = describeProfiles(profiles);
    const withProfiles = this.#accounts.filter((account) => describeProfiles(account.profiles) === wanted);
    if (withProfiles.length === 0)
      this.#needsApi(`it starts from an account with the profiles "${wanted}", and no pre-made account has them`);
    const matching = withProfiles.filter((account) => describePhone(account.phone) === describePhone(phone));
    if (matching.length === 0)
      this.#needsApi(
        `it starts from an account with the profiles "${wanted}" and ${describePhone(phone)}, and no pre-made account has them`,
      );
    if (!matching[this.#slot] || matching.length < this.#slots) {
      throw new Error(
        `GUIDE_ACCOUNTS_FILE ${this.#source} has ${matching.length} account(s) with the profiles "${wanted}" and ${describePhone(phone)} for ${this.#slots} parallel workers, and each needs its own: add ${this.#slots - matching.length} more, or run fewer workers (GUIDE_WORKERS).`,
      );
    }
    const account = await this.#hold(matching);
    return {
      id: account.email,
      email: account.email,
      password: account.password,
      profiles: account.profiles.map((profile, index) => ({ id: String(index), ...profile })),
    };
  }

  /**
   * This worker's account when no other run holds it, else another free one with the same profiles, else this
   * worker's once it is freed (said in one line), or a refusal naming it.
   */
  async #hold(matching: PremadeAccount[]): Promise<PremadeAccount> {
    const own = matching[this.#slot] as PremadeAccount;
    const others = matching.filter((account) => account !== own);
    for (const account of [own, ...others]) {
      this.#release = await tryHoldAccount(this.#journal.lockPathOf(this.#site, account.email));
      if (this.#release) return account;
    }
    this.#release = await holdAccount(this.#journal.lockPathOf(this.#site, own.email), own.email, {
      waitMs: this.#waitMs,
    });
    return own;
  }

  account(): Promise<AccountSnapshot> {
    this.#needsApi('it reads the account as the site keeps it');
  }

  activeSessions(): Promise<ActiveSession[]> {
    this.#needsApi("it reads the account's sessions on the site");
  }

  /** Nothing to delete: the account stays for this worker's next scenario, and other runs may now have it. */
  async deleteAccount(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    await release?.();
  }

  beforeLastingChange(change: string): void {
    this.#needsApi(`${change}, which would stay on the pre-made account for later scenarios`);
  }

  #needsApi(why: string): never {
    return this.#skip(`${NEEDS_CONTROL_API}: ${why}`);
  }
}
