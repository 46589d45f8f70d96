import { http, HttpResponse } from 'msw';
import type { ApiContext } from './context.ts';
import { readSessionId, refuse } from './http.ts';

export function accountHandlers({ accounts }: ApiContext) {
  return [
    http.get('/api/account', ({ request }) => {
      const visit = accounts.currentVisit(readSessionId(request));
      if (visit.kind !== 'signed-in') return refuse(401, 'Please sign in first.');
      const { account, session } = visit;
      return HttpResponse.json({
        email: account.email,
        profiles: account.profiles,
        currentProfileId: session.profileId,
        phone: account.phone,
      });
    }),
  ];
}
