import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey } from '../../site/account-journal.ts';
import { startPremadeSite } from '../support/premade-site.ts';

// A team's site has no test-control API: the harness changes a pre-made account's password or phone number through
// the site's pages, and puts it back the same way. A run killed (SIGKILL) right after the change reached the site
// leaves the account changed, and its journal: the next run must put the account back, say so in one line, and pass.

const PASSWORD_SCENARIO = 'Without the tick, saving keeps my other devices signed in';
const PHONE_SCENARIO = 'A new number and choice replace the old ones once the password is given';
const RUN_LIMIT_MS = 240_000;

type Site = Awaited<ReturnType<typeof startPremadeSite>>;

function runEnv(site: Site, state: string, reports: string, rendition: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // A deployment's own words where the guide is silent: here, the rendition's.
    GUIDE_SITE_PROFILE: `site-profiles/${rendition}.json`,
    GUIDE_BASE_URL: site.url,
    GUIDE_ACCOUNTS_FILE: site.accountsFile,
    XDG_STATE_HOME: state,
    GUIDE_REPORTS_DIR: reports,
    GUIDE_WORKERS: '1',
    GUIDE_EVIDENCE: 'failures',
    GUIDE_TRACES: 'off',
    GUIDE_A11Y: 'off',
  };
}

/** Runs the scenarios named; kills the run (SIGKILL, the whole process group) once `killWhen` holds. */
function runScenarios(env: NodeJS.ProcessEnv, names: string[], killWhen?: () => Promise<boolean>) {
  const child = spawn(
    'node_modules/.bin/playwright',
    ['test', '--workers=1', '--reporter=line', '--grep', names.map((n) => n.replace(/[()"]/g, '.')).join('|')],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    const limit = setTimeout(() => kill(), RUN_LIMIT_MS);
    const kill = () => child.pid && process.kill(-child.pid, 'SIGKILL');
    let watching = Boolean(killWhen);
    const watch = async () => {
      while (watching) {
        if (await killWhen!()) {
          kill();
          return;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void watch().catch(reject);
    child.on('close', (status, signal) => {
      watching = false;
      clearTimeout(limit);
      resolve({ status, signal, output });
    });
  });
}

describe.each(['flickbox', 'classic'] as const)(
  'pre-made accounts on the %s rendition, without its test-control API',
  (rendition) => {
    let site: Site;
    let state: string;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), `premade-${rendition}-`));
      state = join(dir, 'state');
      site = await startPremadeSite(dir, { site: rendition, tag: rendition });
      env = runEnv(site, state, join(dir, 'reports'), rendition);
      expect(spawnSync('node_modules/.bin/bddgen', ['test'], { encoding: 'utf8' }).status).toBe(0);
    }, 60_000);
    afterAll(() => site?.close());

    const account = (n: number) => {
      const file = site.accounts[n - 1]!;
      return { file, id: site.ids[n - 1]! };
    };
    const journalOf = (email: string) => {
      const name = `${accountKey(site.url, email)}.json`;
      const dir = join(state, 'guide-harness', 'accounts');
      return readdirSync(dir, { withFileTypes: true }).some((f) => f.name === name)
        ? readFileSync(join(dir, name), 'utf8')
        : undefined;
    };

    it(
      'a run killed right after it sent a new password, or saved a phone number, is put right by the next run',
      async () => {
        const changing = account(4);
        const passwordChanged = async () =>
          !(await site.server.accounts.passwordMatches(changing.id, changing.file.password));
        const killed = await runScenarios(env, [PASSWORD_SCENARIO], passwordChanged);
        expect(killed.signal, killed.output).toBe('SIGKILL');
        expect(await passwordChanged(), 'the password had been changed when the run was killed').toBe(true);
        expect(journalOf(changing.file.email)).toContain('"password"');

        const phoned = account(2);
        const phoneChanged = async () => site.server.accounts.findAccount(phoned.id)?.phone?.e164 !== '+12135550123';
        const killedAgain = await runScenarios(env, [PHONE_SCENARIO], phoneChanged);
        expect(killedAgain.signal, killedAgain.output).toBe('SIGKILL');
        expect(await phoneChanged(), 'the phone number had been changed when the run was killed').toBe(true);

        const next = await runScenarios(env, [PASSWORD_SCENARIO, PHONE_SCENARIO]);
        expect(next.status, next.output).toBe(0);
        expect(next.output).toMatch(/2 passed/);
        expect(next.output).toContain(
          `Recovered ${changing.file.email}: a previous run was stopped after changing its password; it is back to the accounts file's.`,
        );
        expect(next.output).toContain(
          `Recovered ${phoned.file.email}: a previous run was stopped after changing its phone number; it is back to the accounts file's.`,
        );
        expect(next.output).not.toContain(changing.file.password);
        // Back in their starting state, and nothing left to recover.
        expect(await site.server.accounts.passwordMatches(changing.id, changing.file.password)).toBe(true);
        expect(site.server.accounts.findAccount(phoned.id)?.phone).toEqual({
          e164: '+12135550123',
          textMessages: false,
        });
        expect(journalOf(changing.file.email)).toBeUndefined();
        expect(journalOf(phoned.file.email)).toBeUndefined();
      },
      3 * RUN_LIMIT_MS,
    );
  },
);
