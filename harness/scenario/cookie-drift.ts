/** A cookie as the browser keeps it (Playwright's `Cookie`, the fields that matter here). */
export interface KeptCookie {
  name: string;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

const STRICTNESS = { None: 0, Lax: 1, Strict: 2 } as const;

/**
 * What is wrong with the cookies the sign-in set, for the session they carry, in one sentence; undefined when they
 * are HttpOnly and at least as strict as `sameSite`.
 */
export function sessionCookieDrift(cookies: KeptCookie[], sameSite: 'Lax' | 'Strict'): string | undefined {
  if (cookies.length === 0) return 'Signing in set no cookie at all, so there is no session cookie to keep safe.';
  const problems = cookies.flatMap((cookie) => [
    ...(cookie.httpOnly ? [] : [`the “${cookie.name}” cookie is not HttpOnly: the page’s scripts can read it`]),
    ...(STRICTNESS[cookie.sameSite] >= STRICTNESS[sameSite]
      ? []
      : [`the “${cookie.name}” cookie is SameSite=${cookie.sameSite}, so other sites’ requests carry it`]),
  ]);
  if (!problems.length) return undefined;
  const sentence = problems.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
