import { http, HttpResponse } from 'msw';
import type { ApiContext } from './context.ts';
import { readJson, readSessionId, refuse } from './http.ts';
import { phoneBody, unvalidatedPhoneBody } from './schemas.ts';

export const WRONG_PASSWORD = 'Incorrect password. Please try again.';

export function phoneHandlers({ accounts, variant }: ApiContext) {
  return [
    http.put('/api/account/phone', async ({ request }) => {
      const visit = accounts.currentVisit(readSessionId(request));
      if (visit.kind !== 'signed-in') return refuse(401, 'Please sign in first.');
      const body = await readJson(request, variant.site.validatePhone ? phoneBody : unvalidatedPhoneBody);
      if (!body.ok) return body.response;
      const saved = await accounts.changePhone(visit.account.id, body.data.password, body.data.phone);
      if (!saved) return refuse(403, 'Your phone number was not saved.', { password: WRONG_PASSWORD });
      return HttpResponse.json({ redirectTo: '/account' });
    }),
  ];
}
