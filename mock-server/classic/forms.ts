import { z } from 'zod';
import { NEW_PASSWORD_LENGTH } from '../domain/account-service.ts';
import { isWellFormedText } from '../domain/passwords.ts';
import { checkPhoneNumber } from '../domain/phone.ts';
import { phoneMessage, WORDS } from './wording.ts';

/**
 * The edge of every form: an urlencoded body (express.urlencoded, extended: false) is a record of strings, or of
 * arrays when a field is sent twice. Anything else (no body, another content type) reads as an empty form.
 */
const formBody = z.record(z.string(), z.string({ error: WORDS.fieldOnce }));

export type FormFields = Record<string, string>;

export type Read<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string>; problem?: string };

/** The body as one string per field, or a refusal when a field came more than once. */
export function formFields(body: unknown): Read<FormFields> {
  const parsed = formBody.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fields: {}, problem: WORDS.fieldOnce };
}

export function readForm<T>(fields: Record<string, string | undefined>, schema: z.ZodType<T>): Read<T> {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  // No prototype: a field named "__proto__" is a field like any other.
  const messages = Object.create(null) as Record<string, string>;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'form');
    messages[name] ??= issue.message;
  }
  return { ok: false, fields: messages };
}

/** A text field: absent reads as empty, so a missing field gets the same message as an empty one. */
const text = (missing: string) =>
  z
    .string()
    .default('')
    .pipe(z.string().min(1, { error: missing }));

/** A password field: refused with a message when it holds a lone surrogate, which hashing would collapse. */
const wellFormedPassword = z.string().refine(isWellFormedText, { error: WORDS.passwordNotWellFormed });
const password = (missing: string) => text(missing).pipe(wellFormedPassword);

export const signInForm = z.object({
  email: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: WORDS.emailMissing })
        .max(254, { error: WORDS.emailInvalid })
        .pipe(z.email({ error: WORDS.emailInvalid })),
    ),
  password: password(WORDS.passwordMissing).pipe(
    z.string().min(4, { error: WORDS.signInPasswordLength }).max(60, { error: WORDS.signInPasswordLength }),
  ),
});

export const chooseProfileForm = z.object({ profile: text(WORDS.noSuchProfile).pipe(z.string().max(64)) });

const ticked = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

/** The change-password form; when the drifted page has no confirmation field, the new password stands for it. */
export function changePasswordForm({ confirmField }: { confirmField: boolean }) {
  const { min, max } = NEW_PASSWORD_LENGTH;
  return z
    .object({
      current_password: password(WORDS.currentPasswordMissing),
      new_password: password(WORDS.newPasswordMissing).pipe(
        z.string().min(min, { error: WORDS.newPasswordLength }).max(max, { error: WORDS.newPasswordLength }),
      ),
      new_password_again: confirmField ? password(WORDS.confirmMissing) : z.string().optional(),
      sign_out_everywhere: ticked,
    })
    .transform((form, ctx) => {
      const confirmation = confirmField ? form.new_password_again : form.new_password;
      if (confirmation !== form.new_password) {
        ctx.addIssue({ code: 'custom', path: ['new_password_again'], message: WORDS.confirmMismatch });
        return z.NEVER;
      }
      return {
        currentPassword: form.current_password,
        newPassword: form.new_password,
        signOutOtherDevices: form.sign_out_everywhere,
      };
    });
}

/**
 * The phone form: the domain judges the number (or, on the drifted site that accepts anything, keeps its digits);
 * every message comes back at once, in this rendition's words.
 */
export function phoneForm({ validate }: { validate: boolean }) {
  return z
    .object({
      country: z.string().default(''),
      number: z.string().default(''),
      password: z.string().default('').pipe(wellFormedPassword),
      texts: ticked,
    })
    .transform((form, ctx) => {
      let e164: string | undefined;
      if (validate) {
        const check = checkPhoneNumber(form.country, form.number);
        if (check.ok) e164 = check.e164;
        else
          ctx.addIssue({
            code: 'custom',
            path: [check.field === 'country' ? 'country' : 'number'],
            message: phoneMessage(check.message),
          });
      } else {
        e164 = `+${form.number.replace(/\D/g, '')}`;
      }
      if (!form.password) ctx.addIssue({ code: 'custom', path: ['password'], message: WORDS.passwordMissing });
      if (e164 === undefined || !form.password) return z.NEVER;
      return { e164, password: form.password, textMessages: form.texts };
    });
}
