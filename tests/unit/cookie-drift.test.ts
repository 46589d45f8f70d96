import { describe, expect, it } from 'vitest';
import { sessionCookieDrift } from '../../harness/scenario/cookie-drift.ts';

describe('what a stakeholder reads about the session cookie', () => {
  it('says nothing of HttpOnly cookies at least as strict as asked', () => {
    expect(sessionCookieDrift([{ name: 'sid', httpOnly: true, sameSite: 'Lax' }], 'Lax')).toBeUndefined();
    expect(sessionCookieDrift([{ name: 'sid', httpOnly: true, sameSite: 'Strict' }], 'Lax')).toBeUndefined();
  });

  it('names the cookie scripts can read, and the one other sites’ requests carry', () => {
    expect(
      sessionCookieDrift(
        [
          { name: 'sid', httpOnly: false, sameSite: 'Lax' },
          { name: 'pref', httpOnly: true, sameSite: 'None' },
        ],
        'Lax',
      ),
    ).toBe(
      'The “sid” cookie is not HttpOnly: the page’s scripts can read it; the “pref” cookie is SameSite=None, so other sites’ requests carry it.',
    );
  });

  it('says when signing in set no cookie', () => {
    expect(sessionCookieDrift([], 'Lax')).toMatch(/no cookie/);
  });
});
