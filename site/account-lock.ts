import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';

/**
 * One run at a time per pre-made account, across processes (two shards, two engineers sharing one accounts file on
 * one machine): a lock beside the account's journal (site/account-journal.ts), by proper-lockfile. A lock whose
 * holder died (killed, crashed) is no longer refreshed and is taken over once it is `staleMs` old.
 */
export interface AccountLockOptions {
  /** How long to wait for a lock another run holds before refusing, in ms. */
  waitMs: number;
  /** A lock not refreshed for this long belongs to a run that died. */
  staleMs?: number;
  /** Where the one line about waiting goes. */
  say?: (line: string) => void;
}

export type Release = () => Promise<void>;

const RETRY_MS = 500;

/** The lock when it is free now, else undefined: to try another account before waiting for this one. */
export async function tryHoldAccount(lockPath: string, staleMs = DEFAULT_STALE_MS): Promise<Release | undefined> {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  try {
    return await lock(lockPath, {
      realpath: false,
      lockfilePath: lockPath,
      stale: staleMs,
      // A lock that could not be refreshed in time may be taken by another run: this one can only say so.
      onCompromised: (error) => console.warn(`The lock ${lockPath} was lost: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
    throw error;
  }
}

/**
 * Waits for the account's lock, saying so in one line when another run holds it; after `waitMs`, refuses in one
 * sentence naming the account.
 */
export async function holdAccount(
  lockPath: string,
  email: string,
  { waitMs, staleMs = DEFAULT_STALE_MS, say = (line) => console.log(line) }: AccountLockOptions,
): Promise<Release> {
  const started = Date.now();
  let said = false;
  for (;;) {
    const release = await tryHoldAccount(lockPath, staleMs);
    if (release) return release;
    if (Date.now() - started >= waitMs) {
      throw new Error(
        `The pre-made account ${email} is in use by another run (its lock ${lockPath}) and was not freed within ${Math.round(waitMs / 1000)} s: run one at a time, or give each run its own accounts.`,
      );
    }
    if (!said) say(`Waiting for the pre-made account ${email}: another run is using it.`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

export const DEFAULT_STALE_MS = 10_000;
