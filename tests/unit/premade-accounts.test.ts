import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountJournal } from '../../site/account-journal.ts';
import type { PremadeAccount } from '../../site/accounts-file.ts';
import { NEEDS_CONTROL_API, type SiteControl } from '../../site/control.ts';
import { PremadeAccounts } from '../../site/premade-accounts.ts';
import { TestControlClient } from '../../site/test-control-client.ts';

const premade = (email: string, ...names: string[]): PremadeAccount => ({
  email,
  password: `pw-${email}`,
  profiles: names.map((name) => ({ name: name.replace(' (Kids)', ''), kids: name.endsWith('(Kids)') })),
  phone: null,
});
const ACCOUNTS = [
  premade('two-a@x.test', 'Alex', 'Sam'),
  premade('five-a@x.test', 'Alex', 'Sam', 'Robin', 'Jo', 'Kids (Kids)'),
  premade('two-b@x.test', 'Alex', 'Sam'),
  { ...premade('phone-a@x.test', 'Alex', 'Sam'), phone: { e164: '+12135550123', textMessages: false } },
];
const journal = new AccountJournal(mkdtempSync(join(tmpdir(), 'premade-journal-')));

class Skipped extends Error {}
const skip = (reason: string): never => {
  throw new Skipped(reason);
};
const control = (slot = 0, slots = 1) =>
  new PremadeAccounts({
    accounts: ACCOUNTS,
    source: 'accounts.json',
    slot,
    slots,
    skip,
    site: 'http://site.test',
    journal,
  });
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
    const controls = [control(0, 2), control(1, 2)];
    const emails = await Promise.all(controls.map(async (c) => (await c.createAccount(wanted(['Alex', 'Sam']))).email));
    expect(emails).toEqual(['two-a@x.test', 'two-b@x.test']);
    await Promise.all(controls.map((c) => c.deleteAccount()));
  });

  it('hands out the account that starts with the phone number asked for, and says which phone state is missing', async () => {
    const withPhone = control();
    const phone = { e164: '+12135550123', textMessages: false };
    await expect(withPhone.createAccount(wanted(['Alex', 'Sam'], { phone }))).resolves.toMatchObject({
      email: 'phone-a@x.test',
    });
    expect(withPhone.keeper.startingPhone('phone-a@x.test')).toEqual(phone);
    await withPhone.deleteAccount();
    await expect(
      control().createAccount(wanted(['Alex', 'Sam'], { phone: { ...phone, textMessages: true } })),
    ).rejects.toThrow(
      `${NEEDS_CONTROL_API}: it starts from an account with the profiles "Alex, Sam" and the phone number +12135550123 with text messages On, and no pre-made account has them`,
    );
  });

  it('holds the account while a scenario has it: another run gets another free one, and it is free again after', async () => {
    const first = control();
    const second = control();
    expect((await first.createAccount(wanted(['Alex', 'Sam']))).email).toBe('two-a@x.test');
    expect((await second.createAccount(wanted(['Alex', 'Sam']))).email).toBe('two-b@x.test');
    await Promise.all([first.deleteAccount(), second.deleteAccount()]);
    const third = control();
    expect((await third.createAccount(wanted(['Alex', 'Sam']))).email).toBe('two-a@x.test');
    await third.deleteAccount();
  });

  it('fails in one sentence when the file has fewer such accounts than parallel workers', async () => {
    await expect(control(0, 3).createAccount(wanted(['Alex', 'Sam']))).rejects.toThrow(
      'GUIDE_ACCOUNTS_FILE accounts.json has 2 account(s) with the profiles "Alex, Sam" and no phone number for 3 parallel workers, and each needs its own: add 1 more, or run fewer workers (GUIDE_WORKERS).',
    );
  });

  it.each([
    ['profiles no pre-made account has', wanted(['Alex', 'Sam', 'Kids'])],
    ['the right profiles in another order', wanted(['Sam', 'Alex'])],
    [
      'a phone number no account has',
      wanted(['Alex', 'Sam'], { phone: { e164: '+442079460123', textMessages: false } }),
    ],
  ])('skips a scenario that starts from an account with %s', async (_, account) => {
    await expect(control().createAccount(account)).rejects.toThrow(new RegExp(`^${escape(NEEDS_CONTROL_API)}: `));
  });

  it("skips what needs the site's own view of the account, and any lasting change, naming why", () => {
    const c = control();
    expect(() => c.activeSessions()).toThrow(`${NEEDS_CONTROL_API}: it reads the account's sessions on the site`);
    expect(() => c.account()).toThrow(`${NEEDS_CONTROL_API}: it reads the account as the site keeps it`);
    expect(() => c.beforeLastingChange('it locks the email')).toThrow(
      `${NEEDS_CONTROL_API}: it locks the email, which would stay on the pre-made account for later scenarios`,
    );
  });

  it('deletes nothing: the account stays for the next scenario of the same worker', async () => {
    await expect(control().deleteAccount()).resolves.toBeUndefined();
  });

  it("is one of two controls; the test-control API's client is the other", () => {
    const controls: SiteControl[] = [control(), new TestControlClient('http://site.test')];
    expect(controls.map((c) => typeof c.beforeLastingChange)).toEqual(['function', 'undefined']);
    expect(controls.map((c) => c.keeper === undefined)).toEqual([false, true]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
