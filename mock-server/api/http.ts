import { parse as parseCookies, stringifySetCookie } from 'cookie';
import { HttpResponse } from 'msw';
import type { z } from 'zod';

export const SESSION_COOKIE = 'sid';

/** The one shape of every refusal: a sentence for the person, and one message per field that needs attention. */
export interface ApiError {
  error: string;
  fields?: Record<string, string>;
}

export function refuse(status: number, error: string, fields?: Record<string, string>) {
  return HttpResponse.json<ApiError>(fields ? { error, fields } : { error }, { status });
}

export function readSessionId(request: Request): string | undefined {
  return parseCookies(request.headers.get('cookie') ?? '')[SESSION_COOKIE];
}

export function sessionCookie(request: Request, sessionId: string | null, { httpOnly = true } = {}): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: sessionId ?? '',
    path: '/',
    httpOnly,
    sameSite: 'lax',
    secure: new URL(request.url).protocol === 'https:',
    ...(sessionId ? {} : { maxAge: 0 }),
  });
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Whether a Content-Type names JSON: exactly `application/json`, in any case, with at most a `charset=utf-8`
 * parameter (JSON is UTF-8, RFC 8259). Not `application/json-patch`, `application/jsonx`, `application/json;x=1`.
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  if (parameters.length === 0) return true;
  return parameters.length === 1 && /^charset=("?)utf-8\1$/.test(parameters[0] ?? '');
}

/** Reads and validates a JSON body; every way it can be wrong becomes a 4xx naming what to fix. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return { ok: false, response: refuse(415, 'Send the form as JSON (Content-Type: application/json).') };
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: refuse(400, 'The request body is not valid JSON.') };
  }
  return validate(body, schema);
}

export function validate<T>(input: unknown, schema: z.ZodType<T>): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: refuse(400, 'Some fields need attention.', fieldMessages(result.error)) };
}

/** One message per field, the first that applies; unknown fields are named too. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  // No prototype, so a field sent as "__proto__" is named like any other unknown field.
  const fields = Object.create(null) as Record<string, string>;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'This field is not expected here.';
      continue;
    }
    const name = issue.path.length ? issue.path.join('.') : 'body';
    fields[name] ??= issue.path.length ? issue.message : 'Send a JSON object with the form fields.';
  }
  return fields;
}
