import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountJournal, accountKey, journalDir } from '../../site/account-journal.ts';
import { holdAccount, tryHoldAccount } from '../../site/account-lock.ts';

const SITE = 'https://staging.example.com';
const fresh = () => new AccountJournal(join(mkdtempSync(join(tmpdir(), 'journal-')), 'accounts'));

describe('the journal of pre-made accounts (site/account-journal.ts)', () => {
  it('lives in $XDG_STATE_HOME, else ~/.local/state: outside the repository and its reports', () => {
    expect(journalDir({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/guide-harness/accounts');
    expect(journalDir({})).toMatch(/\/\.local\/state\/guide-harness\/accounts$/);
  });

  it('keeps a change until it is forgotten, in a file only its owner reads, named by neither site nor email', () => {
    const journal = fresh();
    expect(journal.pending(SITE, 'guide-1@x.test')).toBeUndefined();
    journal.record(SITE, 'guide-1@x.test', { password: { previous: 'file-pw', next: 'gv-next' } });
    expect(journal.pending(SITE, 'Guide-1@X.test')).toEqual({
      site: SITE,
      email: 'guide-1@x.test',
      password: { previous: 'file-pw', next: 'gv-next' },
    });
    const [file] = readdirSync(journal.dir);
    expect(file).toBe(`${accountKey(SITE, 'guide-1@x.test')}.json`);
    expect(file).not.toMatch(/guide|example/);
    expect(statSync(join(journal.dir, file as string)).mode & 0o777).toBe(0o600);
    expect(statSync(journal.dir).mode & 0o777).toBe(0o700);
    // Another site's account of the same email is another entry.
    expect(journal.pending('https://other.example.com', 'guide-1@x.test')).toBeUndefined();
    journal.forget(SITE, 'guide-1@x.test');
    expect(journal.pending(SITE, 'guide-1@x.test')).toBeUndefined();
    expect(readdirSync(journal.dir)).toEqual([]);
  });

  it('adds a phone change to a password change of the same account', () => {
    const journal = fresh();
    journal.record(SITE, 'a@x.test', { password: { previous: 'p', next: 'n' } });
    journal.record(SITE, 'a@x.test', { phone: { starting: { e164: '+12135550123', textMessages: false } } });
    expect(journal.pending(SITE, 'a@x.test')).toMatchObject({ password: { next: 'n' }, phone: { starting: {} } });
  });

  it('refuses an entry it did not write, in one sentence naming the account', () => {
    const journal = fresh();
    journal.record(SITE, 'a@x.test', { password: { previous: 'p', next: 'n' } });
    writeFileSync(join(journal.dir, `${accountKey(SITE, 'a@x.test')}.json`), '{"hello": 1}');
    expect(() => journal.pending(SITE, 'a@x.test')).toThrow(
      /^The journal of a@x\.test \(.+\) is not one the harness wrote/,
    );
  });
});

describe('the lock of a pre-made account (site/account-lock.ts)', () => {
  it('is held by one holder at a time, and free again once released', async () => {
    const path = fresh().lockPathOf(SITE, 'a@x.test');
    const release = await tryHoldAccount(path);
    expect(release).toBeTypeOf('function');
    await expect(tryHoldAccount(path)).resolves.toBeUndefined();
    await release?.();
    const again = await tryHoldAccount(path);
    expect(again).toBeTypeOf('function');
    await again?.();
  });

  it('says once that it waits, then refuses naming the account', async () => {
    const path = fresh().lockPathOf(SITE, 'a@x.test');
    const release = await tryHoldAccount(path);
    const said: string[] = [];
    await expect(holdAccount(path, 'a@x.test', { waitMs: 1_200, say: (line) => said.push(line) })).rejects.toThrow(
      /^The pre-made account a@x\.test is in use by another run .* and was not freed within 1 s/,
    );
    expect(said).toEqual(['Waiting for the pre-made account a@x.test: another run is using it.']);
    await release?.();
  });

  it('is taken over once the run that held it was killed', async () => {
    const path = fresh().lockPathOf(SITE, 'a@x.test');
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { tryHoldAccount } = await import(${JSON.stringify(join(import.meta.dirname, '../../site/account-lock.ts'))});
         await tryHoldAccount(${JSON.stringify(path)}, 2000); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    await expect(tryHoldAccount(path, 2_000)).resolves.toBeUndefined();
    holder.kill('SIGKILL');
    const said: string[] = [];
    const release = await holdAccount(path, 'a@x.test', { waitMs: 15_000, staleMs: 2_000, say: (l) => said.push(l) });
    expect(said).toHaveLength(1);
    await release();
  }, 30_000);
});
