import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * A pre-made account's change, written down before it is sent to the site and removed once the account is back in
 * its starting state (docs/accounts-file.md). A run killed in between leaves it here, outside the repository and
 * outside reports/, where the next run finds it and puts the account back. It holds passwords: the folder is the
 * user's own (0700), each file 0600, and nothing of it is ever printed.
 */
const PhoneStateSchema = z.strictObject({ e164: z.string(), textMessages: z.boolean() });
export type PhoneState = z.infer<typeof PhoneStateSchema>;

const PendingChangeSchema = z.strictObject({
  site: z.string(),
  email: z.string(),
  /** The password the account has in the accounts file, and the one the change sends. */
  password: z.strictObject({ previous: z.string(), next: z.string() }).optional(),
  /** The phone number the account starts with (the accounts file's), to save again. */
  phone: z.strictObject({ starting: PhoneStateSchema }).optional(),
});
export type PendingChange = z.infer<typeof PendingChangeSchema>;

/** $XDG_STATE_HOME/guide-harness/accounts, or ~/.local/state/guide-harness/accounts. */
export function journalDir(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'guide-harness', 'accounts');
}

/** One name per site and account, from which neither can be read back. */
export function accountKey(site: string, email: string): string {
  return createHash('sha256')
    .update(`${site.replace(/\/$/, '')}\n${email.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 24);
}

export class AccountJournal {
  readonly dir: string;

  constructor(dir = journalDir()) {
    this.dir = dir;
  }

  /** Where a lock of the account is kept (site/account-lock.ts): beside its journal. */
  lockPathOf(site: string, email: string): string {
    return join(this.dir, `${accountKey(site, email)}.lock`);
  }

  #pathOf(site: string, email: string): string {
    return join(this.dir, `${accountKey(site, email)}.json`);
  }

  /** The change a run recorded and did not undo, if any. A file that cannot be read is refused in one sentence. */
  pending(site: string, email: string): PendingChange | undefined {
    const path = this.#pathOf(site, email);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = PendingChangeSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new Error(
        `The journal of ${email} (${path}) is not one the harness wrote: put the account back by hand, then delete that file.`,
      );
    }
    return parsed.data;
  }

  /**
   * Adds a change to the account's entry, on disk before it returns: written to a new file, flushed, then renamed
   * over the old one, so a run killed at any moment leaves the old entry or the new one, never half of one.
   */
  record(site: string, email: string, change: Pick<PendingChange, 'password' | 'phone'>): void {
    const entry: PendingChange = { ...this.pending(site, email), site, email, ...change };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = this.#pathOf(site, email);
    const temporary = `${path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(entry));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  }

  /** The account is back in its starting state: what was recorded of it goes. */
  forget(site: string, email: string, what: 'password' | 'phone' | 'all' = 'all'): void {
    const entry = what === 'all' ? undefined : this.pending(site, email);
    const rest = entry && { password: entry.password, phone: entry.phone, [what]: undefined };
    if (rest && (rest.password || rest.phone)) return this.record(site, email, rest);
    rmSync(this.#pathOf(site, email), { force: true });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
