import type { PendingChange, PhoneState } from './account-journal.ts';
import type { AccountSnapshot, ActiveSession, NewTestAccount, TestAccount } from './test-control-client.ts';

/** Skips the running scenario with the reason given (steps/support/skipping.ts makes one for each runner). */
export type Skip = (reason: string) => never;

/**
 * What scenarios ask of the site besides its pages: an account of their own, and a look at what a person cannot
 * see. TestControlClient (the test-control API, docs/test-control-api.md, site/test-control-client.ts) is one;
 * PremadeAccounts, for a site without that API, is the other (docs/accounts-file.md, site/premade-accounts.ts).
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
  /**
   * Where accounts outlive the scenario (pre-made accounts): what the site keeps is seen as a person sees it, and
   * each change is recorded before it is sent, then put back through the site's pages (site/premade-accounts.ts).
   */
  keeper?: AccountKeeper;
}

/** Keeps a pre-made account's changes on record until it is back in the state the accounts file says it starts in. */
export interface AccountKeeper {
  /** A change an earlier run made and did not undo (it was stopped), if any. */
  pending(accountId: string): PendingChange | undefined;
  /** Written down before the change is sent to the site. */
  record(accountId: string, change: Pick<PendingChange, 'password' | 'phone'>): void;
  /** The account is back in its starting state. */
  forget(accountId: string): void;
  /** The phone number the account starts with, as the accounts file says. */
  startingPhone(accountId: string): PhoneState | null;
}

/** Which of the run's parallel scenarios this one is: its worker's place among every worker of every shard. */
export interface ScenarioSlot {
  slot: number;
  slots: number;
  skip: Skip;
}

export const NEEDS_CONTROL_API = "needs the site's test-control API (GUIDE_ACCOUNTS_FILE mode)";
