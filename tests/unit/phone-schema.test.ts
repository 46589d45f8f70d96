import fc from 'fast-check';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  isValidPhoneNumber,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { phoneBody, phoneNumberInput, withoutTextMessagesChoice } from '../../mock-server/api/schemas.ts';
import { maskedPhone } from '../../mock-server/domain/phone.ts';

type Expected = { e164: string } | { field: 'country' | 'phoneNumber'; message: string | RegExp };

const CHARACTERS = 'A phone number can only contain the digits 0–9, spaces and + - ( ) .';
const EMPTY = 'Please enter your phone number.';
const TOO_LONG = 'This phone number is too long.';
const NO_SUCH_CODE = 'This number starts with a country code that does not exist.';
const CHOOSE_COUNTRY = 'Choose a country from the list.';
const invalidIn = (place: string) => `Please enter a valid phone number for ${place}.`;
const tooShortIn = (place: string) => `This phone number is too short for ${place}.`;

/** [country, what is typed, what the schema must answer]: the list in docs/site-rules.md first, then the edges around it. */
const CASES: [string, string, Expected][] = [
  ['US', '+1 213 555 0123', { e164: '+12135550123' }],
  ['US', '2135550123', { e164: '+12135550123' }],
  ['US', '(213) 555-0123', { e164: '+12135550123' }],
  ['US', '213.555.0123', { e164: '+12135550123' }],
  ['US', '  +1 213 555 0123  ', { e164: '+12135550123' }],
  ['US', '\t213-555-0123\n', { e164: '+12135550123' }],
  ['GB', '+44 20 7946 0123', { e164: '+442079460123' }],
  ['GB', '020 7946 0123', { e164: '+442079460123' }],
  ['GB', '00 44 20 7946 0123', { e164: '+442079460123' }],
  ['AU', '+61 491 570 156', { e164: '+61491570156' }],
  ['AU', '0491 570 156', { e164: '+61491570156' }],
  ['CA', '416 555 0123', { e164: '+14165550123' }],
  ['US', '', { field: 'phoneNumber', message: EMPTY }],
  ['US', '   ', { field: 'phoneNumber', message: EMPTY }],
  ['US', 'abc', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '1-800-FLOWERS', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '+', { field: 'phoneNumber', message: invalidIn('United States') }],
  ['US', '()', { field: 'phoneNumber', message: invalidIn('United States') }],
  ['US', '--', { field: 'phoneNumber', message: invalidIn('United States') }],
  ['US', '+1', { field: 'phoneNumber', message: tooShortIn('United States') }],
  ['US', '555', { field: 'phoneNumber', message: tooShortIn('United States') }],
  ['US', '213 555 012', { field: 'phoneNumber', message: tooShortIn('United States') }],
  ['US', '213 555 01234', { field: 'phoneNumber', message: 'This phone number is too long for United States.' }],
  ['US', '123456789012345678901', { field: 'phoneNumber', message: TOO_LONG }],
  ['US', '1'.repeat(251), { field: 'phoneNumber', message: TOO_LONG }],
  ['US', '📞 213 555 0123', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '😀', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '<script>alert(1)</script>', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '<script>2135550123</script>', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', "2133734253'; DROP TABLE users;--", { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '2135550123 OR 1=1', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '+999 1234 5678', { field: 'phoneNumber', message: NO_SUCH_CODE }],
  ['US', '+0 123 4567', { field: 'phoneNumber', message: NO_SUCH_CODE }],
  ['US', '＋１ ２１３ ５５５ ０１２３', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '２１３５５５０１２３', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '٢١٣٥٥٥٠١٢٣', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '213\u00a0555\u00a00123', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '213‐555‐0123', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '2135550123\u0000', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '+1 (213) 555-0123 ext. 5', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', 'tel:+12135550123', { field: 'phoneNumber', message: CHARACTERS }],
  ['US', '+1 213 555 0123 +1 213 555 0124', { field: 'phoneNumber', message: /./ }],
  ['GB', '213 555 0123', { field: 'phoneNumber', message: invalidIn('United Kingdom') }],
  ['GB', '+1 213 555 0123', { field: 'phoneNumber', message: /country code \+1, but United Kingdom is \+44/ }],
  ['US', '+44 20 7946 0123', { field: 'phoneNumber', message: /country code \+44, but United States is \+1/ }],
  ['GB', '+44 7700 900123', { field: 'phoneNumber', message: invalidIn('United Kingdom') }],
  ['CA', '+1 213 555 0123', { e164: '+12135550123' }],
  ['GB', '07911 123456', { e164: '+447911123456' }],
  ['MF', '0690 00 12 34', { e164: '+590690001234' }],
  ['XX', '+1 213 555 0123', { field: 'country', message: CHOOSE_COUNTRY }],
  ['', '+1 213 555 0123', { field: 'country', message: CHOOSE_COUNTRY }],
  ['us', '+1 213 555 0123', { field: 'country', message: CHOOSE_COUNTRY }],
  ['United States', '+1 213 555 0123', { field: 'country', message: CHOOSE_COUNTRY }],
  ['__proto__', '+1 213 555 0123', { field: 'country', message: CHOOSE_COUNTRY }],
];

/** What every answer must be: a valid E.164 number with the chosen country's calling code, or one field's message. */
function expectEither(country: string, phoneNumber: string): void {
  const result = phoneNumberInput.safeParse({ country, phoneNumber });
  if (result.success) {
    expect(result.data.e164).toMatch(/^\+[1-9]\d{6,14}$/);
    expect(isValidPhoneNumber(result.data.e164)).toBe(true);
    expect(parsePhoneNumberWithError(result.data.e164).countryCallingCode).toBe(
      getCountryCallingCode(country as CountryCode),
    );
    return;
  }
  expect(result.error.issues).toHaveLength(1);
  const [issue] = result.error.issues;
  expect(['country', 'phoneNumber']).toContain(issue?.path.join('.'));
  expect(issue?.message).toMatch(/\S/);
}

// Hundreds of runs each; generous, because the API tests' password hashing shares the CPU with them.
const PROPERTY_TIMEOUT_MS = 30_000;
const COUNTRIES = getCountries();
const anyCountry = fc.oneof(fc.constantFrom(...COUNTRIES), fc.string({ maxLength: 4 }));
const exampleNumber = fc
  .constantFrom(...COUNTRIES)
  .map((country) => ({ country, number: getExampleNumber(country, examples) }))
  .filter((example) => example.number !== undefined)
  .map(({ country, number }) => ({ country, number: number! }));
/** At least one character a phone number may not hold; not all blank, so trimming cannot remove it. */
const junk = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((text) => /[^0-9 +\-().\s]/.test(text));

describe('the phone schema', () => {
  it.each(CASES)('judges %s %j', (country, phoneNumber, expected) => {
    const result = phoneNumberInput.safeParse({ country, phoneNumber });

    if ('e164' in expected) {
      expect(result.error?.issues).toBeUndefined();
      expect(result.data).toEqual({ e164: expected.e164 });
      return;
    }
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual([expected.field]);
    if (typeof expected.message === 'string') expect(result.error?.issues[0]?.message).toBe(expected.message);
    else expect(result.error?.issues[0]?.message).toMatch(expected.message);
  });

  it(
    'answers any text for any country with a valid number or a field message, never a throw',
    () => {
      fc.assert(
        fc.property(anyCountry, fc.string({ unit: 'binary', maxLength: 60 }), (country, phoneNumber) => {
          expectEither(country, phoneNumber);
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers any unicode text the same way',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...COUNTRIES), fc.string({ unit: 'grapheme', maxLength: 30 }), expectEither),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers any string of digits and separators the same way',
    () => {
      fc.assert(fc.property(fc.constantFrom(...COUNTRIES), fc.stringMatching(/^\+?[0-9 ().-]{0,24}$/), expectEither), {
        numRuns: 1000,
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'accepts a valid number of every country, nationally or internationally written, spaces around it',
    () => {
      fc.assert(
        fc.property(
          exampleNumber,
          fc.boolean(),
          fc.stringMatching(/^\s{0,3}$/),
          fc.stringMatching(/^\s{0,3}$/),
          ({ country, number }, international, before, after) => {
            const typed = international ? number.formatInternational() : number.formatNational();
            const result = phoneNumberInput.safeParse({ country, phoneNumber: `${before}${typed}${after}` });
            expect(result.data).toEqual({ e164: number.number });
          },
        ),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'never extracts a valid number out of text around it',
    () => {
      fc.assert(
        fc.property(exampleNumber, junk, fc.boolean(), ({ country, number }, text, before) => {
          const typed = before ? `${text}${number.formatNational()}` : `${number.formatNational()}${text}`;
          const result = phoneNumberInput.safeParse({ country, phoneNumber: typed });
          expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['phoneNumber']);
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

const constants = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, fc.constant(value)])) as {
    [K in keyof T]: fc.Arbitrary<T[K]>;
  };

describe('the phone form body', () => {
  const valid = { country: 'US', phoneNumber: '213 555 0123', password: 'secret-1', textMessages: false };

  it('hands on the E.164 number, the choice and the password to check', () => {
    expect(phoneBody.parse(valid)).toEqual({
      phone: { e164: '+12135550123', textMessages: false },
      password: 'secret-1',
    });
  });

  it('names the phone number and the empty password together', () => {
    const result = phoneBody.safeParse({ ...valid, phoneNumber: '555', password: '' });

    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['password', 'phoneNumber']);
  });

  it(
    'answers any JSON value with field messages, never a throw',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), fc.record({ ...constants(valid), phoneNumber: fc.string() })), (body) => {
          const result = phoneBody.safeParse(body);
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('the phone as the account page shows it', () => {
  it.each([
    ['+12135550123', '+1 21• ••• ••23'],
    ['+442079460123', '+44 20 •••• ••23'],
    ['+61491570156', '+61 49• ••• •56'],
  ])('shows %s as %s', (e164, shown) => {
    expect(maskedPhone(e164)).toBe(shown);
  });

  it('shows at most four digits of any national number', () => {
    fc.assert(
      fc.property(exampleNumber, ({ number }) => {
        const shown = maskedPhone(number.number);
        expect(shown.startsWith(`+${number.countryCallingCode} `)).toBe(true);
        expect(shown.slice(number.countryCallingCode.length + 1).replace(/\D/g, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('a phone page without the text-messages box (a drift variant)', () => {
  const form = withoutTextMessagesChoice(phoneBody);
  const typed = { country: 'US', phoneNumber: '+1 213 555 0123' };

  it('reads a form sent without a choice as no text messages, as a person who could not tick the box chose', () => {
    const parsed = form.safeParse({ ...typed, password: 'a-password-1' });
    expect(parsed.success && parsed.data.phone).toEqual({ e164: '+12135550123', textMessages: false });
  });

  it('still refuses what the site with the box refuses, in the same words', () => {
    const parsed = form.safeParse({ ...typed, password: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['Please enter your password.']);
    expect(phoneBody.safeParse({ ...typed, password: 'a-password-1' }).success).toBe(false);
  });
});
