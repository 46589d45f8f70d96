import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../../mock-server/index.ts';
import type { StartedSite } from '../support/site-client.ts';
import { rawRequest, requestText } from './raw-http.ts';

/** Issue 18, finding 4: protocol input a person never sends is answered with a 4xx (or ignored), never a 5xx. */
const PAGES = ['/', '/login', '/profiles', '/browse', '/account', '/password', '/phone', '/help'];

describe('protocol input', () => {
  let site: StartedSite;
  let port: number;
  let host: string;
  const logged = vi.spyOn(console, 'error');

  beforeAll(async () => {
    site = await startMockServer({ port: 0, testMode: true });
    host = new URL(site.url).host;
    port = Number(new URL(site.url).port);
  });
  afterAll(() => site.close());
  afterEach(() => logged.mockClear());

  const send = (method: string, target: string, headers: [string, string][] = [['Host', host]]) =>
    rawRequest(port, requestText(method, target, headers));

  it.each(['u:p@h', '[::1', 'a b', '', 'localhost:99999', 'exa mple.com:80'])(
    'a malformed Host (%j) is refused or ignored, and the query is never logged',
    async (badHost) => {
      for (const target of [
        '/api/account?token=secret-query-1',
        '/__test/health?x=secret-query-1',
        '/login?q=secret-query-1',
      ]) {
        const answer = await send('GET', target, [['Host', badHost]]);
        expect(answer.status, `${target} with Host ${badHost}`).toBeGreaterThanOrEqual(200);
        expect(answer.status, `${target} with Host ${badHost}`).toBeLessThan(500);
      }
      expect(JSON.stringify(logged.mock.calls)).not.toContain('secret-query-1');
    },
  );

  it.each(['TRACE', 'TRACK', 'CONNECT', 'FOO', 'get', 'PROPFIND', 'M-SEARCH'])(
    '%s on the API, the test-control API and the pages gets a 4xx',
    async (method) => {
      for (const target of ['/api/session', '/api/account', '/__test/health', '/__test/accounts', '/login', '/']) {
        const answer = await send(method, target);
        expect(answer.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${target}`).toBeLessThan(500);
      }
    },
  );

  it.each(['/__test/accounts/%zz', '/__test/accounts/%zz/sessions', '/__test/accounts/%E0%A4%A'])(
    '%s: bad percent-encoding in a test-control path is a 400',
    async (target) => {
      expect((await send('GET', target)).status).toBe(400);
    },
  );

  it.each(['/api/%zz', '/%zz', '/assets/%zz', '/account/%zz'])(
    '%s: bad percent-encoding elsewhere is a 4xx',
    async (target) => {
      const { status } = await send('GET', target);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    },
  );

  it.each([
    'csrf=j:1',
    'csrf=j:{"a":1}',
    'csrf=j:[1]',
    'csrf=j:true',
    'csrf=j:null',
    'csrf=s:abc.def',
    'sid=j:1',
    'sid=j:{"a":1}',
    'sid=s:abc.def',
    'sid=j:[1]; csrf=j:[1]',
    'csrf=a; csrf=j:1',
    'sid=%zz; csrf=%E0',
  ])('the cookie %s is ignored on every page and endpoint', async (cookie) => {
    for (const page of PAGES) {
      const answer = await send('GET', page, [
        ['Host', host],
        ['Cookie', cookie],
      ]);
      expect(answer.status, `${page} with ${cookie}`).toBeLessThan(500);
    }
    const signIn = await rawRequest(
      port,
      requestText(
        'POST',
        '/api/session',
        [
          ['Host', host],
          ['Cookie', cookie],
          ['X-CSRF-Token', 'abc'],
          ['Content-Type', 'application/json'],
        ],
        '{"email":"a@b.test","password":"wrong-pass-1"}',
      ),
    );
    expect(signIn.status).toBe(403);
    expect(logged).not.toHaveBeenCalled();
  });
});
