import { http, HttpResponse } from 'msw';
import type { ApiContext } from './context.ts';
import { type ApiError, readJson, readSessionId, refuse, sessionCookie } from './http.ts';
import { chooseProfileBody, signInBody } from './schemas.ts';

export const SIGN_IN_FAILED = 'Incorrect email or password. Please try again.';

/** The sentence for a locked email; the same for every email, known or not. */
export const signInLocked = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return `Too many unsuccessful sign-in attempts. For your security, please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
};

/** Only a drifted site says this (sign-in-reveals-unknown-email): it tells a guesser which emails have an account. */
const NO_SUCH_ACCOUNT = 'Sorry, we can’t find an account with this email address.';

export function sessionHandlers({ accounts, signInThrottle, variant }: ApiContext) {
  return [
    http.post('/api/session', async ({ request }) => {
      const body = await readJson(request, signInBody);
      if (!body.ok) return body.response;
      const { email, password } = body.data;
      const throttled = variant.site.throttleSignIns;
      const lockedFor = await signInThrottle.admit(email, variant.site);
      if (lockedFor) {
        return HttpResponse.json<ApiError>(
          { error: signInLocked(lockedFor) },
          { status: 429, headers: { 'Retry-After': String(lockedFor) } },
        );
      }
      const session = await accounts.signIn(email, password, {
        userAgent: request.headers.get('user-agent') ?? 'unknown device',
        previousSessionId: readSessionId(request),
      });
      if (!session) {
        await signInThrottle.afterFailure(email, variant.site);
        const unknown = !variant.site.sameSignInFailureMessage && !accounts.hasAccountWithEmail(email);
        return refuse(401, unknown ? NO_SUCH_ACCOUNT : SIGN_IN_FAILED);
      }
      if (throttled) await signInThrottle.recordSuccess(email);
      return HttpResponse.json(
        { redirectTo: session.profileId ? '/browse' : '/profiles' },
        {
          headers: {
            'Set-Cookie': sessionCookie(request, session.id, { httpOnly: variant.site.sessionCookieHttpOnly }),
          },
        },
      );
    }),

    http.delete('/api/session', ({ request }) => {
      const sessionId = readSessionId(request);
      if (sessionId) accounts.signOut(sessionId);
      return HttpResponse.json({ redirectTo: '/' }, { headers: { 'Set-Cookie': sessionCookie(request, null) } });
    }),

    http.put('/api/session/profile', async ({ request }) => {
      const body = await readJson(request, chooseProfileBody);
      if (!body.ok) return body.response;
      const sessionId = readSessionId(request);
      if (accounts.currentVisit(sessionId).kind !== 'signed-in') return refuse(401, 'Please sign in first.');
      if (!accounts.chooseProfile(sessionId!, body.data.profileId)) {
        return refuse(404, 'That profile is not on this account.', { profileId: 'Choose one of the profiles shown.' });
      }
      return HttpResponse.json({ redirectTo: '/browse' });
    }),
  ];
}
