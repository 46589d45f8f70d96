import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PhoneState } from './account-journal.ts';

/**
 * GUIDE_ACCOUNTS_FILE: accounts made beforehand on a site that has no test-control API (docs/accounts-file.md).
 * `{ "accounts": [{ "email", "password", "profiles": [{ "name", "kids" }], "phone": { "e164", "textMessages" } }] }`
 */
const AccountsFileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        email: z.email(),
        password: z.string().min(1),
        profiles: z
          .array(z.strictObject({ name: z.string().trim().min(1), kids: z.boolean().default(false) }))
          .min(1)
          .max(5),
        /** The phone number the account starts with (null or left out: none), which the harness puts back. */
        phone: z
          .strictObject({
            e164: z
              .string()
              .regex(/^\+[1-9]\d{6,14}$/, { error: 'a phone number in international form, e.g. +12135550123' }),
            textMessages: z.boolean(),
          })
          .nullable()
          .default(null),
      }),
    )
    .min(1)
    .refine((accounts) => new Set(accounts.map((a) => a.email.toLowerCase())).size === accounts.length, {
      error: 'the same email is listed twice, and two scenarios would then share one account',
    }),
});

export type PremadeAccount = z.infer<typeof AccountsFileSchema>['accounts'][number];

/** The file's accounts; anything wrong with the file is one sentence naming the file and the first problem. */
export function readAccountsFile(path: string): PremadeAccount[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`GUIDE_ACCOUNTS_FILE ${path} cannot be read (${(error as NodeJS.ErrnoException).code}).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`GUIDE_ACCOUNTS_FILE ${path} is not JSON: ${(error as Error).message}.`, { cause: error });
  }
  const parsed = AccountsFileSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue?.path.length ? `${fieldPath(issue.path)}: ` : '';
    throw new Error(
      `GUIDE_ACCOUNTS_FILE ${path} is not a list of accounts as docs/accounts-file.md describes (${where}${issue?.message}).`,
    );
  }
  return parsed.data.accounts;
}

/** ["accounts", 1, "profiles", 0, "name"] → "accounts[1].profiles[0].name" */
function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** "Alex, Kids (Kids)": how feature files write a set of profiles, and how messages name one. */
export function describeProfiles(profiles: { name: string; kids?: boolean }[]): string {
  return profiles.map((p) => (p.kids ? `${p.name} (Kids)` : p.name)).join(', ');
}

/** "the phone number +12135550123 with text messages Off", or "no phone number": how messages name a phone state. */
export function describePhone(phone: PhoneState | null | undefined): string {
  return phone
    ? `the phone number ${phone.e164} with text messages ${phone.textMessages ? 'On' : 'Off'}`
    : 'no phone number';
}

/**
 * libphonenumber with its full metadata, loaded when a number is read, not by every process that reads the run's
 * settings (the runner listing the features, each worker): it is large.
 */
const phoneNumbers = () => import('libphonenumber-js/max');

/** "United States" for +12135550123: the country a person picks on the phone page for a number. */
export async function countryNameOf(e164: string): Promise<string> {
  const { parsePhoneNumberFromString } = await phoneNumbers();
  const region = parsePhoneNumberFromString(e164)?.country;
  const name = region && new Intl.DisplayNames(['en'], { type: 'region' }).of(region);
  if (!name) throw new Error(`${e164} is not a phone number of any country.`);
  return name;
}

/**
 * How the features quote a saved number on the account page: in international form, the country code, the first two
 * and the last two digits shown and the rest dots ("+1 21• ••• ••23"); a site that shows it otherwise says so in
 * its profile's words.
 */
export async function maskedPhone(e164: string): Promise<string> {
  const { parsePhoneNumberFromString } = await phoneNumbers();
  const number = parsePhoneNumberFromString(e164);
  if (!number) throw new Error(`${e164} is not a phone number of any country.`);
  const [code = '', ...national] = number.formatInternational().split(' ');
  const digits = national.join('').length;
  let seen = 0;
  const masked = national.map((group) =>
    [...group].map((digit) => (seen++ < 2 || seen > digits - 2 ? digit : '•')).join(''),
  );
  return [code, ...masked].join(' ');
}
