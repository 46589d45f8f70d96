import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '../../site/test-control-client.ts';
import { startSite, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';

let site: StartedSite;
let account: TestAccount;

beforeAll(async () => {
  site = await startSite();
  account = await site.accounts.createAccount({
    email: 'pages@guide.test',
    password: 'old-password-1',
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Kids', kids: true },
    ],
  });
});
afterAll(async () => {
  await site.close();
});

async function pageAs(profile: string, path: string): Promise<string> {
  const device = new SiteClient(site.url);
  await device.signInAs(account.email, 'old-password-1', profile, account.profiles);
  const response = await device.page(path);
  expect(response.status).toBe(200);
  return response.text();
}

const inOrder = (text: string, ...parts: string[]) => parts.map((part) => text.indexOf(part));

describe('GET /password', () => {
  it('shows the fields in the guide’s order, the box unticked, then "Save" and "Cancel"', async () => {
    const page = await pageAs('Alex', '/password');

    const positions = inOrder(
      page,
      '>Current password<',
      '>New password<',
      '>Confirm new password<',
      '>Require all devices to sign in again with new password<',
      '>Save<',
      '>Cancel<',
    );
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(page).toMatch(/<input\s+id="signOutOtherDevices"\s+name="signOutOtherDevices"\s+type="checkbox"[^>]*\/>/);
    expect(page).not.toMatch(/type="checkbox"[^>]*checked/);
    expect(page).toContain('<a class="button" href="/account">Cancel</a>');
  });

  it('for a Kids profile, says plainly that the password cannot be changed and offers no form', async () => {
    const page = await pageAs('Kids', '/password');

    expect(page).toContain('The password can&#39;t be changed while a Kids profile is in use.');
    expect(page).not.toContain('<form');
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    const response = await new SiteClient(site.url).fetch('/password');
    expect(response.headers.get('location')).toBe('/login');
  });
});

describe('GET /account', () => {
  it('confirms a changed password only when asked to, and ignores anything else in the query', async () => {
    expect(await pageAs('Alex', '/account?changed=password')).toContain('Your password has been changed.');
    expect(await pageAs('Alex', '/account')).not.toContain('Your password has been changed.');
    const junk = await pageAs('Alex', '/account?changed=%3Cscript%3E');
    expect(junk).not.toContain('role="status"');
    expect(junk).not.toContain('<script>');
  });

  it('for a Kids profile, says so in place of the "Change password" text button', async () => {
    const page = await pageAs('Kids', '/account');

    expect(page).toContain('The password can&#39;t be changed while a Kids profile is in use.');
    expect(page).not.toContain('href="/password"');
  });
});
