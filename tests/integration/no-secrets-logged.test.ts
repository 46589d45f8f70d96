import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

const SECRETS = ['right-password-7', 'wrong-guess-7', 'fresh-secret-77', 'phone-guess-7'];

describe('passwords are never logged', { timeout: 60_000 }, () => {
  let site: StartedSite;
  let email: string;
  let profiles: { id: string; name: string }[];
  const logged: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    email = uniqueEmail('no-log');
    ({ profiles } = await new TestControlClient(site.url).createAccount({
      email,
      password: 'right-password-7',
      profiles: [{ name: 'Ann' }],
    }));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
      });
    }
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (logged.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (logged.push(String(chunk)), true));
  }, 60_000);
  afterEach(() => {
    for (const secret of SECRETS) expect(logged.join('\n')).not.toContain(secret);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await site.close();
  });

  it('at sign-in failures, throttling, malformed and oversized bodies', async () => {
    for (let i = 0; i < 6; i++) await new SiteClient(site.url).signIn(email, 'wrong-guess-7');
    await new SiteClient(site.url).signIn(uniqueEmail('nobody'), 'wrong-guess-7');
    await new SiteClient(site.url).send('POST', '/api/session', `{"email":"${email}","password":"wrong-guess-7"`);
    await new SiteClient(site.url).send('POST', '/api/session', { email, password: 'wrong-guess-7', extra: 1 });
    await new SiteClient(site.url).send('POST', '/api/session', {
      email,
      password: `wrong-guess-7${'x'.repeat(20_000)}`,
    });
  });

  it('at change-password and phone refusals', async () => {
    const other = uniqueEmail('no-log-2');
    const account = await new TestControlClient(site.url).createAccount({
      email: other,
      password: 'right-password-7',
      profiles: [{ name: 'Ann' }],
    });
    const client = new SiteClient(site.url);
    await client.signInAs(other, 'right-password-7', 'Ann', account.profiles);
    const change = (body: object) => client.send('PUT', '/api/account/password', body, { page: '/password' });
    await change({
      currentPassword: 'wrong-guess-7',
      newPassword: 'fresh-secret-77',
      confirmPassword: 'fresh-secret-77',
      signOutOtherDevices: true,
    });
    await change({ currentPassword: 'right-password-7', newPassword: 'fresh-secret-77', confirmPassword: 'x' });
    await client.send(
      'PUT',
      '/api/account/phone',
      { country: 'US', phoneNumber: '+1 213 555 0123', password: 'phone-guess-7', textMessages: true },
      { page: '/phone' },
    );
    expect(profiles).toBeDefined();
  });
});
