import { z } from 'zod';
import { NEW_PASSWORD_LENGTH } from '../domain/account-service.ts';
import { isWellFormedText } from '../domain/passwords.ts';
import { checkPhoneNumber } from '../domain/phone.ts';

const MAX_EMAIL_LENGTH = 254;

/** A password with a lone surrogate would hash like another (passwords.ts): refused with this, in every form. */
export const PASSWORD_NOT_WELL_FORMED =
  'Your password contains a character that cannot be used (a lone UTF-16 surrogate). Please type it again.';

const wellFormed = { error: PASSWORD_NOT_WELL_FORMED } as const;

export const email = z
  .string({ error: 'Please enter a valid email address.' })
  .trim()
  .min(1, { error: 'Please enter your email address.' })
  .max(MAX_EMAIL_LENGTH, { error: 'Please enter a valid email address.' })
  .pipe(z.email({ error: 'Please enter a valid email address.' }));

/** The real site accepts 4–60 characters at sign-in. */
export const signInPassword = z
  .string({ error: 'Please enter your password.' })
  .min(1, { error: 'Please enter your password.' })
  .min(4, { error: 'Your password must contain between 4 and 60 characters.' })
  .max(60, { error: 'Your password must contain between 4 and 60 characters.' })
  .refine(isWellFormedText, wellFormed);

export const signInBody = z.strictObject({ email, password: signInPassword });

export const chooseProfileBody = z.strictObject({
  profileId: z.string({ error: 'Choose a profile.' }).min(1, { error: 'Choose a profile.' }).max(64),
});

const profileName = z
  .string({ error: 'Give the profile a name.' })
  .trim()
  .min(1, { error: 'Give the profile a name.' })
  .max(50)
  .refine((name) => profileNameKey(name) !== '', { error: 'Give the profile a name.' });

/**
 * What makes two profile names the same name to a person choosing one: Unicode compatibility forms (NFKC: "Ａｌｅｘ",
 * "ﬁ"), case (upper- then lower-casing, near full case folding: "STRASSE" and "straße"), invisible characters
 * (zero-width and other default-ignorable code points) and runs of white space.
 */
export function profileNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim();
}

export const newAccountBody = z.strictObject({
  email,
  password: z
    .string()
    .min(4, { error: 'A password has 4 to 60 characters.' })
    .max(60, { error: 'A password has 4 to 60 characters.' })
    .refine(isWellFormedText, wellFormed),
  profiles: z
    .array(z.strictObject({ name: profileName, kids: z.boolean().default(false) }))
    .min(1, { error: 'An account has at least one profile.' })
    .max(5, { error: 'An account has at most 5 profiles.' })
    .refine((profiles) => new Set(profiles.map((p) => profileNameKey(p.name))).size === profiles.length, {
      error:
        'Each profile name must be unique: names that differ only in case, spaces or lookalike characters count as the same.',
    })
    .refine((profiles) => !profiles[0]?.kids, { error: 'The main (first) profile cannot be a Kids profile.' }),
  phone: z
    .strictObject({
      e164: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'Give the phone in E.164 form, e.g. +12135550123.' }),
      textMessages: z.boolean(),
    })
    .optional(),
});

export const driftBody = z.strictObject({
  name: z.string({ error: 'Give a drift variant name, or null for the clean site.' }).max(100).nullable(),
});

export const accountIdParam = z.uuid({ error: 'Not an account id.' });

const { min: NEW_MIN, max: NEW_MAX } = NEW_PASSWORD_LENGTH;
export const NEW_PASSWORD_LENGTH_MESSAGE = `Your new password must contain between ${NEW_MIN} and ${NEW_MAX} characters.`;

/** "Sign out of all devices" sends no fields: the confirmation is the request itself. */
export const signOutEverywhereBody = z.strictObject({});

/** The change-password form. Rules that need the account (is the current password right?) are the domain's. */
export const changePasswordBody = z
  .strictObject({
    currentPassword: z
      .string({ error: 'Please enter your current password.' })
      .min(1, { error: 'Please enter your current password.' })
      .refine(isWellFormedText, wellFormed),
    newPassword: z
      .string({ error: 'Please enter a new password.' })
      .min(1, { error: 'Please enter a new password.' })
      .min(NEW_MIN, { error: NEW_PASSWORD_LENGTH_MESSAGE })
      .max(NEW_MAX, { error: NEW_PASSWORD_LENGTH_MESSAGE })
      .refine(isWellFormedText, wellFormed),
    confirmPassword: z
      .string({ error: 'Please confirm your new password.' })
      .min(1, { error: 'Please confirm your new password.' })
      .refine(isWellFormedText, wellFormed),
    signOutOtherDevices: z.boolean({ error: 'Say whether all devices must sign in again (true or false).' }),
  })
  .refine((body) => body.newPassword === body.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The new password and its confirmation do not match.',
  });

const phoneFields = {
  country: z.string({ error: 'Choose a country from the list.' }),
  phoneNumber: z.string({ error: 'Please enter your phone number.' }),
};

/** Adds the phone check's refusal, if any, to the fields' issues; the E.164 number otherwise. */
function checkedPhone(input: { country: string; phoneNumber: string }, ctx: z.RefinementCtx): string | undefined {
  const check = checkPhoneNumber(input.country, input.phoneNumber);
  if (check.ok) return check.e164;
  ctx.addIssue({ code: 'custom', path: [check.field], message: check.message, input: input[check.field] });
  return undefined;
}

/** A phone number typed for a country, judged on its own: its E.164 form or a message for one field. */
export const phoneNumberInput = z.strictObject(phoneFields).transform((input, ctx) => {
  const e164 = checkedPhone(input, ctx);
  return e164 === undefined ? z.NEVER : { e164 };
});

/**
 * The add/change phone form. Every message a person can act on comes back at once: the phone's and the empty
 * password's. Whether the password is right is the account's business (AccountService.changePhoneForSession).
 */
export const phoneBody = z
  .strictObject({
    ...phoneFields,
    password: z.string({ error: 'Please enter your password.' }).refine(isWellFormedText, wellFormed),
    textMessages: z.boolean({ error: 'Say whether to receive text messages: true or false.' }),
  })
  .transform((input, ctx) => {
    const e164 = checkedPhone(input, ctx);
    if (!input.password) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Please enter your password.', input: '' });
    }
    if (e164 === undefined || !input.password) return z.NEVER;
    return { phone: { e164, textMessages: input.textMessages }, password: input.password };
  });

/**
 * A phone page without the tick box (a drift variant) has no choice to send: a form sent without one chose no text
 * messages, as a person who could not tick the box did. The site's other checks stay as they are.
 */
export function withoutTextMessagesChoice<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z.preprocess(
    (body) =>
      typeof body === 'object' && body !== null && !Array.isArray(body) && !('textMessages' in body)
        ? { ...body, textMessages: false }
        : body,
    schema,
  ) as z.ZodType<T>;
}

/** Only for the drift variant that accepts any phone number: the digits typed, kept as if they were E.164. */
export const unvalidatedPhoneBody = z
  .strictObject({
    ...phoneFields,
    password: z.string().refine(isWellFormedText, wellFormed),
    textMessages: z.boolean(),
  })
  // The drift breaks the number's check only: an empty password is still refused as the clean site refuses it.
  .transform(({ phoneNumber, password, textMessages }, ctx) => {
    if (!password) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Please enter your password.', input: '' });
      return z.NEVER;
    }
    return { phone: { e164: `+${phoneNumber.replace(/\D/g, '')}`, textMessages }, password };
  });
