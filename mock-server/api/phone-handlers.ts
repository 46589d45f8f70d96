import { http, HttpResponse } from 'msw';
import type { PhoneChangeRefusal } from '../domain/account-service.ts';
import type { ApiContext } from './context.ts';
import { readJson, readSessionId, refuse } from './http.ts';
import { tooManyPasswordRechecks } from './password-handlers.ts';
import { phoneBody, unvalidatedPhoneBody, withoutTextMessagesChoice } from './schemas.ts';

export const WRONG_PASSWORD = 'Incorrect password. Please try again.';

const REFUSALS: Record<PhoneChangeRefusal, (retryAfterSeconds: number) => Response> = {
  'not-signed-in': () => refuse(401, 'Please sign in first.'),
  'no-profile': () => refuse(403, 'Choose a profile first.'),
  'wrong-password': () => refuse(403, 'Your phone number was not saved.', { password: WRONG_PASSWORD }),
  'too-many-attempts': tooManyPasswordRechecks,
  conflict: () =>
    refuse(409, 'Your password was changed elsewhere at the same moment. Reload the page and sign in again if asked.'),
};

export function phoneHandlers({ accounts, variant }: ApiContext) {
  return [
    http.put('/api/account/phone', async ({ request }) => {
      const sessionId = readSessionId(request);
      if (accounts.currentVisit(sessionId).kind !== 'signed-in') return refuse(401, 'Please sign in first.');
      const form = variant.site.validatePhone ? phoneBody : unvalidatedPhoneBody;
      const body = await readJson(request, variant.site.textMessagesBox ? form : withoutTextMessagesChoice(form));
      if (!body.ok) return body.response;
      const result = await accounts.changePhoneForSession(sessionId, body.data.password, body.data.phone);
      if (!result.ok) return REFUSALS[result.refusal](result.retryAfterSeconds ?? 0);
      return HttpResponse.json({ redirectTo: '/account' });
    }),
  ];
}
