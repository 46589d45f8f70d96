import { http, HttpResponse } from 'msw';
import type { ApiContext } from './context.ts';
import { readJson, readSessionId, refuse, sessionCookie } from './http.ts';
import { chooseProfileBody, signInBody } from './schemas.ts';

export const SIGN_IN_FAILED = 'Incorrect email or password. Please try again.';

export function sessionHandlers({ accounts }: ApiContext) {
  return [
    http.post('/api/session', async ({ request }) => {
      const body = await readJson(request, signInBody);
      if (!body.ok) return body.response;
      const session = await accounts.signIn(body.data.email, body.data.password, {
        userAgent: request.headers.get('user-agent') ?? 'unknown device',
        previousSessionId: readSessionId(request),
      });
      if (!session) return refuse(401, SIGN_IN_FAILED);
      return HttpResponse.json(
        { redirectTo: session.profileId ? '/browse' : '/profiles' },
        { headers: { 'Set-Cookie': sessionCookie(request, session.id) } },
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
