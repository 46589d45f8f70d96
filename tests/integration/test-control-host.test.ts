import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { rawRequest, requestText } from './raw-http.ts';

/** Issue 18, finding 5: a DNS-rebinding page must not reach the test-control API. */
describe('the test-control API answers loopback only', () => {
  let site: StartedSite;
  let port: number;
  let accountId: string;

  beforeAll(async () => {
    site = await startSite();
    port = Number(new URL(site.url).port);
    ({ id: accountId } = await new TestControlClient(site.url).createAccount({
      email: uniqueEmail('rebind'),
      password: 'pass-word-1',
      profiles: [{ name: 'Ann' }],
    }));
  });
  afterAll(() => site.close());

  const send = (method: string, path: string, headers: [string, string][], body = '') =>
    rawRequest(port, requestText(method, path, headers, body));

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('answers Host %s with the server’s port', async (name) => {
    expect((await send('GET', '/__test/health', [['Host', `${name}:${port}`]])).status).toBe(200);
  });

  /** The names of the cases are fixed before the server has a port: PORT and OTHER stand for it and another. */
  const withPort = (text: string) => text.replace('PORT', String(port)).replace('OTHER', String(port + 1));

  it.each([
    'attacker.example',
    'attacker.example:PORT',
    '127.0.0.1.attacker.example:PORT',
    'localhost:OTHER',
    '127.0.0.1',
    '127.0.0.2:PORT',
    '0.0.0.0:PORT',
  ])('refuses Host %s with a 403', async (pattern) => {
    const host = withPort(pattern);
    for (const path of ['/__test/health', `/__test/accounts/${accountId}/sessions`, '/__test/drift']) {
      const answer = await send('GET', path, [['Host', host]]);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toContain('loopback');
    }
    const switched = await send(
      'PUT',
      '/__test/drift',
      [
        ['Host', host],
        ['Content-Type', 'application/json'],
      ],
      '{"name":"tick-ignored"}',
    );
    expect(switched.status).toBe(403);
    expect(site.variant.name).toBeNull();
  });

  it('refuses a request without a Host', async () => {
    expect((await rawRequest(port, 'GET /__test/health HTTP/1.0\r\n\r\n')).status).toBe(403);
  });

  it.each(['http://attacker.example', 'null', 'http://localhost:OTHER', 'https://127.0.0.1:PORT'])(
    'refuses a foreign Origin %s even with a loopback Host',
    async (pattern) => {
      const origin = withPort(pattern);
      const answer = await send(
        'PUT',
        '/__test/drift',
        [
          ['Host', `127.0.0.1:${port}`],
          ['Origin', origin],
          ['Content-Type', 'application/json'],
        ],
        '{"name":"tick-ignored"}',
      );
      expect(answer.status).toBe(403);
      expect(site.variant.name).toBeNull();
    },
  );

  it('answers its own origin', async () => {
    const answer = await send('GET', '/__test/health', [
      ['Host', `localhost:${port}`],
      ['Origin', `http://localhost:${port}`],
    ]);
    expect(answer.status).toBe(200);
  });
});
