import { z } from 'zod';

const MAX_EMAIL_LENGTH = 254;

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
  .max(60, { error: 'Your password must contain between 4 and 60 characters.' });

export const signInBody = z.strictObject({ email, password: signInPassword });

export const chooseProfileBody = z.strictObject({
  profileId: z.string({ error: 'Choose a profile.' }).min(1, { error: 'Choose a profile.' }).max(64),
});

const profileName = z
  .string({ error: 'Give the profile a name.' })
  .trim()
  .min(1, { error: 'Give the profile a name.' })
  .max(50);

export const newAccountBody = z.strictObject({
  email,
  password: z
    .string()
    .min(4, { error: 'A password has 4 to 60 characters.' })
    .max(60, { error: 'A password has 4 to 60 characters.' }),
  profiles: z
    .array(z.strictObject({ name: profileName, kids: z.boolean().default(false) }))
    .min(1, { error: 'An account has at least one profile.' })
    .max(5, { error: 'An account has at most 5 profiles.' })
    .refine((profiles) => new Set(profiles.map((p) => p.name.toLowerCase())).size === profiles.length, {
      error: 'Each profile name must be unique.',
    })
    .refine((profiles) => !profiles[0]?.kids, { error: 'The main (first) profile cannot be a Kids profile.' }),
  phone: z
    .strictObject({
      e164: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'Give the phone in E.164 form, e.g. +12135550123.' }),
      textMessages: z.boolean(),
    })
    .optional(),
});

export const accountIdParam = z.uuid({ error: 'Not an account id.' });
