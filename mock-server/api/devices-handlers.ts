import { http, HttpResponse } from 'msw';
import type { ApiContext } from './context.ts';
import { readJson, readSessionId, refuse, sessionCookie } from './http.ts';
import { signOutEverywhereBody } from './schemas.ts';

/** After "Sign Out": back to the account page, which says that the other devices will be signed out. */
export const SIGNED_OUT_EVERYWHERE_REDIRECT = '/account?changed=signed-out-everywhere';

export function devicesHandlers({ accounts, variant }: ApiContext) {
  return [
    http.post('/api/account/devices/sign-out', async ({ request }) => {
      const body = await readJson(request, signOutEverywhereBody);
      if (!body.ok) return body.response;
      const result = accounts.signOutOfAllDevices(readSessionId(request));
      if (!result.ok) {
        return result.refusal === 'not-signed-in'
          ? refuse(401, 'Please sign in first.')
          : refuse(403, 'Choose a profile first.');
      }
      return HttpResponse.json(
        { redirectTo: SIGNED_OUT_EVERYWHERE_REDIRECT },
        {
          headers: {
            'Set-Cookie': sessionCookie(request, result.session?.id ?? null, {
              httpOnly: variant.site.sessionCookieHttpOnly,
            }),
          },
        },
      );
    }),
  ];
}
