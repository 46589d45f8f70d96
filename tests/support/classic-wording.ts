import { hiddenPhone } from '../../mock-server/classic/settings.ts';
import { phoneMessage, signInLocked, tooManyWrongPasswords, WORDS } from '../../mock-server/classic/wording.ts';

/**
 * What site-profiles/classic.json must say: each text the feature files quote (the first rendition's words) that
 * the classic rendition words differently, with the classic words as its code produces them.
 */
export function classicWording(): Record<string, string> {
  const phone = (firstWords: string) => [firstWords, phoneMessage(firstWords)] as const;
  return Object.fromEntries([
    // Sign-in
    ['Incorrect email or password. Please try again.', WORDS.signInFailed],
    ['Please enter your email address.', WORDS.emailMissing],
    ['Please enter a valid email address.', WORDS.emailInvalid],
    ['Please enter your password.', WORDS.passwordMissing],
    ['Your password must contain between 4 and 60 characters.', WORDS.signInPasswordLength],
    [
      'Too many unsuccessful sign-in attempts. For your security, please wait 15 minutes and try again.',
      signInLocked(900),
    ],
    // Change password
    ['Your current password is incorrect. Please try again.', WORDS.currentPasswordWrong],
    ['The new password and its confirmation do not match.', WORDS.confirmMismatch],
    ['Your new password must contain between 6 and 60 characters.', WORDS.newPasswordLength],
    ['Your new password must be different from your current password.', WORDS.newPasswordSame],
    ['Please enter your current password.', WORDS.currentPasswordMissing],
    ['Please enter a new password.', WORDS.newPasswordMissing],
    ["The password can't be changed while a Kids profile is in use.", WORDS.kidsNote],
    // Phone: the account page
    ['+1 21• ••• ••23', hiddenPhone('+12135550123')],
    ['+44 20 •••• ••23', hiddenPhone('+442079460123')],
    ['+61 49• ••• •56', hiddenPhone('+61491570156')],
    ['Text messages: On', WORDS.textMessages(true)],
    ['Text messages: Off', WORDS.textMessages(false)],
    // Phone: the form
    ['Incorrect password. Please try again.', WORDS.phoneWrongPassword],
    [
      'Too many incorrect passwords. For your security, please wait 15 minutes and try again.',
      tooManyWrongPasswords(900),
    ],
    phone('Please enter your phone number.'),
    phone('A phone number can only contain the digits 0–9, spaces and + - ( ) .'),
    phone('This phone number is too short for United States.'),
    phone('This phone number is too long for United States.'),
    phone('This phone number is too long.'),
    phone('This number starts with a country code that does not exist.'),
    phone('Please enter a valid phone number for United Kingdom.'),
    phone('This number has the country code +1, but United Kingdom is +44. Choose the number’s country.'),
  ]);
}
