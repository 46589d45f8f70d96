import { http, HttpResponse } from 'msw';
import { EmailTakenError } from '../domain/account-service.ts';
import { UnknownDriftError } from '../drift/variants.ts';
import type { ApiContext } from './context.ts';
import { readJson, refuse, validate } from './http.ts';
import { accountIdParam, driftBody, newAccountBody } from './schemas.ts';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The loopback hosts (with the server's port) a request may name. A page of another site that rebinds its DNS name
 * to 127.0.0.1 still sends its own name as Host, and its own origin as Origin: both are refused.
 */
function loopbackHosts(request: Request): Set<string> {
  const { port } = new URL(request.url);
  const names = port ? LOOPBACK_NAMES.map((name) => `${name}:${port}`) : LOOPBACK_NAMES;
  return new Set(names);
}

export const NOT_LOOPBACK =
  'The test-control API answers only loopback requests: Host 127.0.0.1, localhost or [::1] with the server’s port, and no Origin but its own.';

/** The contract a site offers to be verified by the harness (docs/test-control-api.md). Only in test mode. */
export function testControlHandlers({ accounts, variant }: ApiContext) {
  return [
    // First, for every path and method: answers a refusal, or nothing so the next handler answers.
    http.all('/__test/*', ({ request }) => {
      const hosts = loopbackHosts(request);
      const host = request.headers.get('host')?.toLowerCase() ?? '';
      const origin = request.headers.get('origin');
      const sameOrigin = origin === null || [...hosts].some((name) => origin.toLowerCase() === `http://${name}`);
      if (!hosts.has(host) || !sameOrigin) return refuse(403, NOT_LOOPBACK);
      return undefined;
    }),

    http.get('/__test/health', () => HttpResponse.json({ ok: true })),

    // The drift variant this mock shows (mock-server/drift/variants.ts); null is the site as the guide describes it.
    http.get('/__test/drift', () => HttpResponse.json({ name: variant.name })),

    http.put('/__test/drift', async ({ request }) => {
      const body = await readJson(request, driftBody);
      if (!body.ok) return body.response;
      try {
        variant.use(body.data.name);
      } catch (error) {
        if (error instanceof UnknownDriftError)
          return refuse(400, error.message, { name: 'No drift variant of that name.' });
        throw error;
      }
      return HttpResponse.json({ name: variant.name });
    }),

    http.post('/__test/accounts', async ({ request }) => {
      const body = await readJson(request, newAccountBody);
      if (!body.ok) return body.response;
      try {
        const account = await accounts.createAccount(body.data);
        return HttpResponse.json({ id: account.id, email: account.email, profiles: account.profiles }, { status: 201 });
      } catch (error) {
        if (error instanceof EmailTakenError) {
          return refuse(409, 'An account with this email already exists.', { email: 'Use another email address.' });
        }
        throw error;
      }
    }),

    http.get('/__test/accounts/:accountId', ({ params }) => {
      const id = validate(params.accountId, accountIdParam);
      if (!id.ok) return id.response;
      const account = accounts.findAccount(id.data);
      if (!account) return refuse(404, 'No such account.');
      return HttpResponse.json({
        id: account.id,
        email: account.email,
        profiles: account.profiles,
        phone: account.phone,
      });
    }),

    http.get('/__test/accounts/:accountId/sessions', ({ params }) => {
      const id = validate(params.accountId, accountIdParam);
      if (!id.ok) return id.response;
      if (!accounts.findAccount(id.data)) return refuse(404, 'No such account.');
      const sessions = accounts.sessionsOf(id.data).map(({ id, profileId, userAgent, createdAt }) => ({
        id,
        profileId,
        userAgent,
        createdAt: createdAt.toISOString(),
      }));
      return HttpResponse.json({ sessions });
    }),

    http.delete('/__test/accounts/:accountId', ({ params }) => {
      const id = validate(params.accountId, accountIdParam);
      if (!id.ok) return id.response;
      accounts.deleteAccount(id.data);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
