import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  type PhoneNumber,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';

/** The country the phone form starts with, as on the real site for visitors from the US. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'US';

/** What a person may type: ASCII digits and the usual separators. Anything else is refused, never stripped. */
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;
/** Longer than any real number written with separators and an international prefix. */
const MAX_PHONE_INPUT_LENGTH = 40;

export type PhoneField = 'country' | 'phoneNumber';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; field: PhoneField; message: string };

const regionNames = new Intl.DisplayNames('en', { type: 'region' });

export function countryName(country: CountryCode): string {
  return regionNames.of(country) ?? country;
}

export interface PhoneCountry {
  code: CountryCode;
  name: string;
  callingCode: string;
}

/** Every country the phone metadata knows, by English name: the choices of the form's country selector. */
export const PHONE_COUNTRIES: readonly PhoneCountry[] = getCountries()
  .map((code) => ({ code, name: countryName(code), callingCode: getCountryCallingCode(code) }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

export function isPhoneCountry(country: string): country is CountryCode {
  return /^[A-Z]{2}$/.test(country) && isSupportedCountry(country);
}

const refused = (field: PhoneField, message: string): PhoneCheck => ({ ok: false, field, message });

/**
 * A phone number typed for a chosen country, judged strictly: trimmed, then only digits and separators, a number
 * the metadata calls valid, with the chosen country's calling code. The answer is E.164 or one message for one field; the
 * input is never cleaned up into something the person did not type.
 */
export function checkPhoneNumber(country: string, typed: string): PhoneCheck {
  if (!isPhoneCountry(country)) return refused('country', 'Choose a country from the list.');
  const text = typed.trim();
  const place = countryName(country);
  if (!text) return refused('phoneNumber', 'Please enter your phone number.');
  if (text.length > MAX_PHONE_INPUT_LENGTH) return refused('phoneNumber', 'This phone number is too long.');
  if (!PHONE_CHARACTERS.test(text)) {
    return refused('phoneNumber', 'A phone number can only contain the digits 0–9, spaces and + - ( ) .');
  }

  let number: PhoneNumber;
  try {
    number = parsePhoneNumberWithError(text, { defaultCountry: country, extract: false });
  } catch (error) {
    return refused('phoneNumber', parseErrorMessage(error, place));
  }

  const expectedCode = getCountryCallingCode(country);
  if (number.countryCallingCode !== expectedCode) {
    return refused(
      'phoneNumber',
      `This number has the country code +${number.countryCallingCode}, but ${place} is +${expectedCode}. Choose the number’s country.`,
    );
  }
  // Countries that share a calling code (US and CA, GB and its islands, …) share one numbering plan, and the
  // library names only one of them for a number (a Canadian toll-free number reads as US), so the calling code is
  // what must match, as on the real site, whose selector only supplies it.
  if (!number.isValid()) return refused('phoneNumber', lengthMessage(text, country, place));
  return { ok: true, e164: number.number };
}

function parseErrorMessage(error: unknown, place: string): string {
  const reason = error instanceof ParseError ? error.message : '';
  if (reason === 'INVALID_COUNTRY') return 'This number starts with a country code that does not exist.';
  if (reason === 'TOO_SHORT') return `This phone number is too short for ${place}.`;
  if (reason === 'TOO_LONG') return 'This phone number is too long.';
  return `Please enter a valid phone number for ${place}.`;
}

function lengthMessage(text: string, country: CountryCode, place: string): string {
  const length = validatePhoneNumberLength(text, country);
  if (length === 'TOO_SHORT') return `This phone number is too short for ${place}.`;
  if (length === 'TOO_LONG') return `This phone number is too long for ${place}.`;
  return `Please enter a valid phone number for ${place}.`;
}

/** The country a stored number belongs to, for pre-selecting it when the number is changed. */
export function countryOfPhone(e164: string): CountryCode | undefined {
  try {
    return parsePhoneNumberWithError(e164).country;
  } catch {
    return undefined;
  }
}

/**
 * A stored number as the account page shows it: international form, all but the first and last two digits of the
 * national number hidden ("+44 20 •••• ••23"), so a glance over a shoulder does not give it away.
 */
export function maskedPhone(e164: string): string {
  let formatted: string;
  let callingCode: string;
  try {
    const number = parsePhoneNumberWithError(e164);
    formatted = number.formatInternational();
    callingCode = number.countryCallingCode;
  } catch {
    return '••••';
  }
  const prefix = `+${callingCode}`;
  const national = formatted.slice(prefix.length);
  const digits = national.replace(/\D/g, '').length;
  let seen = 0;
  const masked = national.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= 2 || seen > digits - 2 ? digit : '•';
  });
  return prefix + masked;
}
