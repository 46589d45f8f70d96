import { http, HttpResponse } from 'msw';
import { maskedPhone } from '../domain/phone.ts';
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
        // As the account page shows it: the full number is never sent back to a browser (only the test-control
        // API, for the harness, reads it whole).
        phone: account.phone && { masked: maskedPhone(account.phone.e164), textMessages: account.phone.textMessages },
      });
    }),
  ];
}
