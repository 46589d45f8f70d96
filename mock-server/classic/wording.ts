/**
 * Every sentence of the classic rendition that the guide does not dictate. Another team's words on purpose: the
 * harness must read them from site-profiles/classic.json, never assume the first rendition's. The guide's own
 * labels ("Sign In", "Your Account", "MEMBERSHIP & BILLING", "Change Password", "Add phone number",
 * "Require all devices…", "Save") are kept as the guide has them.
 */
export const BRAND = 'Flickbox';

export const WORDS = {
  // Sign-in page
  emailMissing: 'Type the email address of your account.',
  emailInvalid: 'That doesn’t look like an email address (name@example.com).',
  passwordMissing: 'Type your password.',
  signInPasswordLength: 'A password has 4 to 60 characters.',
  passwordNotWellFormed:
    'That password has a character that can’t be used (a lone UTF-16 surrogate). Type the password again.',
  signInFailed: 'We couldn’t sign you in with that email and password. Check both and try again.',
  /** Only a drifted site says this (sign-in-reveals-unknown-email). */
  noSuchAccount: 'There is no Flickbox account for that email address.',
  passwordChangedElsewhere:
    'You were signed out because the password of this account was changed. Sign in with the new password.',
  sessionExpired: 'Your session expired after a while, so you were signed out. Sign in again to go on.',
  signedOutEverywhereElsewhere:
    'You were signed out: every device of this account was signed out. Sign in again to go on.',

  // Sign out of all devices
  unexpectedField: 'This form sent a field this page does not have. Go back, reload the page and try again.',
  signingOutOtherDevices: 'Signing out your other devices now. This browser stays signed in.',

  // Profile gate
  noSuchProfile: 'Pick one of the profiles shown.',

  // Change password
  currentPasswordMissing: 'Type your current password.',
  currentPasswordWrong: 'That isn’t the current password of this account.',
  newPasswordMissing: 'Type a new password.',
  newPasswordLength: 'A new password has 6 to 60 characters.',
  newPasswordSame: 'The new password must not be the current one.',
  confirmMissing: 'Type the new password a second time.',
  confirmMismatch: 'The two new passwords aren’t the same.',
  passwordNotChanged: 'The password was not changed. See the marked fields below.',
  passwordConflict:
    'The password was changed elsewhere at the same moment. Reload the page, and sign in again if asked.',
  passwordUpdated: 'Password updated. Use your new password the next time you sign in.',
  kidsNote: 'Kids profiles cannot change the account password.',
  kidsHint: 'Switch to another profile to change it.',

  // Phone
  phoneWrongPassword: 'That password isn’t right. Type the password of your account.',
  phoneNotSaved: 'The phone number was not saved. See the marked fields below.',
  phoneSaved: 'Phone number saved.',
  textMessagesLabel: `I want to receive text messages from ${BRAND}`,
  textMessages: (on: boolean) => `Text messages are ${on ? 'on' : 'off'}`,
  noPhone: 'No phone number yet',

  // Any form
  forbidden:
    'This form can’t be accepted: it has expired or it came from another site. Go back, reload the page and try again.',
  fieldOnce: 'Send each field of the form once.',
  signInFirst: 'Sign in first.',
} as const;

export const tooManyWrongPasswords = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many wrong passwords in a row. For your security, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
};

export const signInLocked = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `Sign-in for this email is paused after too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
};

/**
 * The phone rules are the domain's (mock-server/domain/phone.ts), and so are its sentences; this rendition words
 * them its own way. A sentence it does not know is shown as the domain wrote it.
 */
const PHONE_REWORDING: [RegExp, string][] = [
  [/^Choose a country from the list\.$/, 'Pick a country from the list.'],
  [/^Please enter your phone number\.$/, 'Type the phone number to add.'],
  [/^This phone number is too long\.$/, 'Too many digits for a phone number.'],
  [/^A phone number can only contain .*$/, 'Use only the digits 0–9, spaces and + - ( ) . in a phone number.'],
  [
    /^This number starts with a country code that does not exist\.$/,
    'No country has the code this number starts with.',
  ],
  [/^This phone number is too short for (.+)\.$/, 'Too few digits for a phone number in $1.'],
  [/^This phone number is too long for (.+)\.$/, 'Too many digits for a phone number in $1.'],
  [/^Please enter a valid phone number for (.+)\.$/, '$1 has no phone numbers like this one.'],
  [
    /^This number has the country code \+(\d+), but (.+) is \+(\d+)\. .*$/,
    'The number starts with +$1, but the code of $2 is +$3. Pick the country the number belongs to.',
  ],
];

export function phoneMessage(domainMessage: string): string {
  for (const [pattern, words] of PHONE_REWORDING) {
    if (pattern.test(domainMessage)) return domainMessage.replace(pattern, words);
  }
  return domainMessage;
}
