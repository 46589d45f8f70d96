import { describe, expect, it } from 'vitest';
import type { PremadeAccount } from '../../site/accounts-file.ts';
import { NEEDS_CONTROL_API, type SiteControl } from '../../site/control.ts';
import { PremadeAccounts } from '../../site/premade-accounts.ts';
import { TestControlClient } from '../../site/test-control-client.ts';

const premade = (email: string, ...names: string[]): PremadeAccount => ({
  email,
  password: `pw-${email}`,
  profiles: names.map((name) => ({ name: name.replace(' (Kids)', ''), kids: name.endsWith('(Kids)') })),
});
const ACCOUNTS = [
  premade('two-a@x.test', 'Alex', 'Sam'),
  premade('five-a@x.test', 'Alex', 'Sam', 'Robin', 'Jo', 'Kids (Kids)'),
  premade('two-b@x.test', 'Alex', 'Sam'),
];

class Skipped extends Error {}
const skip = (reason: string): never => {
  throw new Skipped(reason);
};
const control = (slot = 0, slots = 1) =>
  new PremadeAccounts({ accounts: ACCOUNTS, source: 'accounts.json', slot, slots, skip });
const wanted = (names: string[], extras = {}) => ({
  email: 'ignored@guide.test',
  password: 'ignored',
  profiles: names.map((name) => ({ name, kids: name === 'Kids' })),
  ...extras,
});

describe('pre-made accounts (GUIDE_ACCOUNTS_FILE)', () => {
  it('hands out an account with exactly the profiles asked for, with its own email and password', async () => {
    const account = await control().createAccount(wanted(['Alex', 'Sam', 'Robin', 'Jo', 'Kids']));
    expect(account).toMatchObject({ email: 'five-a@x.test', password: 'pw-five-a@x.test' });
    expect(account.profiles.map((p) => [p.name, p.kids])).toEqual([
      ['Alex', false],
      ['Sam', false],
      ['Robin', false],
      ['Jo', false],
      ['Kids', true],
    ]);
  });

  it('gives each parallel slot its own account, so no two running scenarios share one', async () => {
    const emails = await Promise.all(
      [0, 1].map(async (slot) => (await control(slot, 2).createAccount(wanted(['Alex', 'Sam']))).email),
    );
    expect(emails).toEqual(['two-a@x.test', 'two-b@x.test']);
  });

  it('fails in one sentence when the file has fewer such accounts than parallel workers', async () => {
    await expect(control(0, 3).createAccount(wanted(['Alex', 'Sam']))).rejects.toThrow(
      'GUIDE_ACCOUNTS_FILE accounts.json has 2 account(s) with the profiles "Alex, Sam" for 3 parallel workers, and each needs its own: add 1 more, or run fewer workers (GUIDE_WORKERS).',
    );
  });

  it.each([
    ['profiles no pre-made account has', wanted(['Alex', 'Sam', 'Kids'])],
    ['the right profiles in another order', wanted(['Sam', 'Alex'])],
    ['a phone number', wanted(['Alex', 'Sam'], { phone: { e164: '+12135550123', textMessages: false } })],
  ])('skips a scenario that starts from an account with %s', async (_, account) => {
    await expect(control().createAccount(account)).rejects.toThrow(new RegExp(`^${escape(NEEDS_CONTROL_API)}: `));
  });

  it("skips what needs the site's own view of the account, and any lasting change, naming why", () => {
    const c = control();
    expect(() => c.activeSessions()).toThrow(`${NEEDS_CONTROL_API}: it reads the account's sessions on the site`);
    expect(() => c.account()).toThrow(`${NEEDS_CONTROL_API}: it reads the account as the site keeps it`);
    expect(() => c.beforeLastingChange('it saves a new password')).toThrow(
      `${NEEDS_CONTROL_API}: it saves a new password, which would stay on the pre-made account for later scenarios`,
    );
  });

  it('deletes nothing: the account stays for the next scenario of the same worker', async () => {
    await expect(control().deleteAccount()).resolves.toBeUndefined();
  });

  it("is one of two controls; the test-control API's client is the other", () => {
    const controls: SiteControl[] = [control(), new TestControlClient('http://site.test')];
    expect(controls.map((c) => typeof c.beforeLastingChange)).toEqual(['function', 'undefined']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
