import { http, HttpResponse } from 'msw';
import type { PasswordChangeRefusal } from '../domain/account-service.ts';
import type { ApiContext } from './context.ts';
import { type ApiError, readJson, readSessionId, refuse, sessionCookie } from './http.ts';
import { changePasswordBody, NEW_PASSWORD_LENGTH_MESSAGE } from './schemas.ts';

/** Where the site goes after a change: the account page, which shows the confirmation. */
export const PASSWORD_CHANGED_REDIRECT = '/account?changed=password';

export const KIDS_PROFILE_CANNOT_CHANGE_PASSWORD =
  "The password can't be changed while a Kids profile is in use. Switch to another profile to change it.";

/** The answer once a session or account has re-checked its password wrong too often (PasswordRecheckLimit). */
export function tooManyPasswordRechecks(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return HttpResponse.json<ApiError>(
    {
      error: `Too many incorrect passwords. For your security, please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

const REFUSALS: Record<PasswordChangeRefusal, (retryAfterSeconds: number) => Response> = {
  'not-signed-in': () => refuse(401, 'Please sign in first.'),
  'no-profile': () => refuse(403, 'Choose a profile first.'),
  'kids-profile': () => refuse(403, KIDS_PROFILE_CANNOT_CHANGE_PASSWORD),
  'wrong-current-password': () =>
    refuse(400, 'Your password was not changed.', {
      currentPassword: 'Your current password is incorrect. Please try again.',
    }),
  'same-as-current': () =>
    refuse(400, 'Your password was not changed.', {
      newPassword: 'Your new password must be different from your current password.',
    }),
  // The schema refuses these first; the domain keeps the rule too, so no other caller can skip it.
  'new-password-length': () =>
    refuse(400, 'Your password was not changed.', { newPassword: NEW_PASSWORD_LENGTH_MESSAGE }),
  'too-many-attempts': tooManyPasswordRechecks,
  conflict: () =>
    refuse(409, 'Your password was changed elsewhere at the same moment. Reload the page and sign in again if asked.'),
};

export function passwordHandlers({ accounts }: ApiContext) {
  return [
    http.put('/api/account/password', async ({ request }) => {
      const body = await readJson(request, changePasswordBody);
      if (!body.ok) return body.response;
      const { currentPassword, newPassword, signOutOtherDevices } = body.data;
      const result = await accounts.changePassword(readSessionId(request), {
        currentPassword,
        newPassword,
        signOutOtherDevices,
      });
      if (!result.ok) return REFUSALS[result.refusal](result.retryAfterSeconds ?? 0);
      return HttpResponse.json(
        { redirectTo: PASSWORD_CHANGED_REDIRECT },
        { headers: { 'Set-Cookie': sessionCookie(request, result.session.id) } },
      );
    }),
  ];
}
