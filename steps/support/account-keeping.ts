// Pre-made accounts (GUIDE_ACCOUNTS_FILE) outlive the scenario: what a scenario changed is put back here, through
// the site's own pages, as a person would (docs/accounts-file.md). The change was recorded in the journal before it
// was sent (site/account-journal.ts), so a run that was stopped half-way is put right by the next one.

import { randomBytes } from 'node:crypto';
import type { PendingChange, PhoneState } from '../../site/account-journal.ts';
import { countryNameOf } from '../../site/accounts-file.ts';
import { expect } from './matchers.ts';
import type { Device } from './world.ts';

/** A confirmation that the password was changed, in whatever words the site chose. */
const PASSWORD_UPDATED = /password.*\b(updated|changed|saved|reset)\b|\b(updated|changed|saved)\b.*password/i;
const SECTION = 'MEMBERSHIP & BILLING';

/** The account as the accounts file says it starts. */
export interface StartingAccount {
  email: string;
  password: string;
  profiles: { name: string; kids: boolean }[];
}

/**
 * A new password for a pre-made account instead of the one the feature quotes: a password written in the repository
 * must never be set on a team's site, even for a moment.
 */
export function privatePassword(): string {
  return `gv-${randomBytes(12).toString('base64url')}`;
}

/**
 * Signs in on a fresh browser with the password the account has now (the one the change sent, else the file's),
 * and changes it back to the file's through "Change Password". A wrong guess is one failed sign-in, which the next,
 * right one clears. False when the account already had the file's password.
 */
export async function putPasswordBack(
  device: Device,
  account: StartingAccount,
  { next }: NonNullable<PendingChange['password']>,
): Promise<boolean> {
  // A new password the site would not take (too short, too long) was refused: the file's is then the likelier one.
  const likelyChanged = next !== account.password && next.length >= 6 && next.length <= 60;
  const tries = likelyChanged ? [next, account.password] : [account.password, next];
  for (const password of [...new Set(tries)]) {
    if (!(await signsIn(device, account.email, password))) continue;
    if (password === account.password) return false;
    await openAccountPage(device, account);
    await device.account.clickTextButton(SECTION, 'Change Password');
    await device.changePassword.changePassword({
      current: password,
      next: account.password,
      signOutOtherDevices: false,
    });
    await expect(
      device.account.confirmationThat(PASSWORD_UPDATED),
      `the site's confirmation that ${account.email}'s password is back to the accounts file's`,
    ).toBeVisible();
    return true;
  }
  throw new Error(
    `Neither the accounts file's password nor the one a scenario set signs ${account.email} in: put its password back by hand (its journal, under $XDG_STATE_HOME/guide-harness/accounts, holds both).`,
  );
}

/** Saves the account's starting phone number and text-message choice again through "Change phone number". */
export async function putPhoneBack(device: Device, account: StartingAccount, starting: PhoneState): Promise<void> {
  if (!(await signsIn(device, account.email, account.password))) {
    throw new Error(
      `The accounts file's password does not sign ${account.email} in: its phone number was not put back.`,
    );
  }
  await openAccountPage(device, account);
  await device.account.clickTextButton(SECTION, 'Change phone number');
  await device.addPhone.chooseCountry(await countryNameOf(starting.e164));
  await device.addPhone.enterPhoneNumber(starting.e164);
  await device.addPhone.typePassword(account.password);
  await device.addPhone.tickTextMessages(starting.textMessages);
  await device.addPhone.save();
  await expect(
    device.account.heading,
    `the account page after ${account.email}'s phone number was put back`,
  ).toBeVisible();
}

async function signsIn(device: Device, email: string, password: string): Promise<boolean> {
  await device.signIn.open();
  await device.signIn.signIn(email, password);
  // The site has answered (the page object waits for it): a refusal leaves the sign-in page on screen.
  return !(await device.signIn.heading.isVisible());
}

async function openAccountPage(device: Device, account: StartingAccount): Promise<void> {
  const profile = account.profiles.find((p) => !p.kids) ?? account.profiles[0];
  if (!profile) throw new Error(`${account.email} has no profile to choose.`);
  await device.chooseProfile(profile.name);
  await device.header.openProfileMenu(profile.name);
  await device.header.chooseFromProfileMenu('Your Account');
}

/** The one line a run says when it put right what a stopped run left. */
export function recoveredLine(email: string, pending: PendingChange): string {
  const what = [pending.password && 'password', pending.phone && 'phone number'].filter(Boolean).join(' and ');
  return `Recovered ${email}: a previous run was stopped after changing its ${what}; it is back to the accounts file's.`;
}
