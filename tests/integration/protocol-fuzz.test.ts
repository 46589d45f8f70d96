import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { SiteClient } from '../../site/site-client.ts';
import { rawRequest, requestText } from './raw-http.ts';

/**
 * Protocol-level fuzzing, beside the body fuzzing of api-fuzz.test.ts (issue 18): generated Host values, methods,
 * path encodings, cookies, header sizes and repeated headers against every page and endpoint, sent as raw bytes.
 * Whatever arrives: never a 5xx, nothing secret and no query string in the server's log, the store as it was.
 */
const BATCHES = Number(process.env.PROTOCOL_FUZZ_BATCHES ?? 640);
const PARALLEL = 8;
const PASSWORD = 'fuzzed-password-1';
/** Put in every query string: it must never reach the log. */
const QUERY_MARK = 'query-secret-7f3a';

describe('protocol-level fuzzing of the running mock', { timeout: 180_000 }, () => {
  let site: StartedSite;
  let port: number;
  let accountId: string;
  let sessionId: string;
  const tally = { sent: 0, serverErrors: 0, unanswered: 0, statuses: new Map<number, number>() };

  const snapshot = () => ({
    account: site.accounts.findAccount(accountId),
    sessions: site.accounts.sessionsOf(accountId).map((s) => ({ id: s.id, profileId: s.profileId })),
    drift: site.variant.name,
  });

  beforeAll(async () => {
    site = await startMockServer({ port: 0, testMode: true });
    port = Number(new URL(site.url).port);
    const email = uniqueEmail('protocol-fuzz');
    const account = await new TestControlClient(site.url).createAccount({
      email,
      password: PASSWORD,
      profiles: [{ name: 'Ann' }],
    });
    accountId = account.id;
    const device = new SiteClient(site.url);
    await device.signInAs(email, PASSWORD, 'Ann', account.profiles);
    sessionId = device.sessionId!;
  });
  afterAll(() => site.close());

  it('answers every generated request below 500, logs nothing secret, and changes nothing', async () => {
    const otherId = randomUUID();
    // Every page and endpoint; the real account only where no method can change it (GET, or a check).
    const paths = [
      '/',
      '/login',
      '/profiles',
      '/browse',
      '/account',
      '/password',
      '/phone',
      '/help',
      '/assets/site.css',
      '/assets/site.js',
      '/no-such-page',
      '/api/session',
      '/api/session/profile',
      '/api/account',
      '/api/account/password',
      '/api/account/phone',
      '/api/no-such-endpoint',
      '/__test/health',
      '/__test/drift',
      '/__test/accounts',
      `/__test/accounts/${otherId}`,
      `/__test/accounts/${accountId}/sessions`,
      '/__test/no-such-endpoint',
    ];
    const loopback = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

    const method = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('TRACE', 'TRACK', 'CONNECT', 'get', 'post', 'Put', 'M-SEARCH', 'PROPFIND'),
      },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,11}$/) },
    );
    const pathEncoding = fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      fc.constantFrom(
        '%zz',
        '%',
        '%E0%A4%A',
        '%00',
        '%2F',
        '%2e%2e/',
        '/../',
        '//',
        '/.',
        '%C0%AF',
        '%25zz',
        '%F0%9F%98%80',
        ';jsessionid=1',
      ),
    );
    const target = fc
      .tuple(
        fc.constantFrom(...paths),
        pathEncoding,
        fc.constantFrom('', '', `?q=${QUERY_MARK}`, `?redirect=//evil.example&t=${QUERY_MARK}`, `?%zz=${QUERY_MARK}`),
        fc.constantFrom('plain', 'plain', 'plain', 'absolute', 'double-slash'),
      )
      .map(([path, encoding, query, form]) => {
        // `…/sessions/../` is the account itself, which a loopback DELETE may remove as the contract says.
        const safePath = /\.\.|%2e%2e/i.test(encoding) ? path.replace(accountId, otherId) : path;
        const full = safePath + encoding + query;
        if (form === 'absolute') return `http://evil.example${full}`;
        return form === 'double-slash' ? `/${full}` : full;
      });
    const host = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...loopback) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'u:p@h',
          `u:p@127.0.0.1:${port}`,
          '[::1',
          '',
          'evil.example',
          `evil.example:${port}`,
          `localhost:${port + 1}`,
          'localhost:99999',
          '127.0.0.1:-1',
          'a b',
          '%zz',
          'x'.repeat(3_000),
        ),
      },
      { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{0,40}$/) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const cookieValue = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          'j:1',
          'j:{"a":1}',
          'j:[1]',
          'j:true',
          'j:null',
          'j:{',
          'j:"x"',
          's:abc.def',
          's:j:{"a":1}.sig',
          '%zz',
          '"quoted"',
          '',
          sessionId,
        ),
      },
      { weight: 3, arbitrary: fc.stringMatching(/^[\x21-\x2b\x2d-\x3a\x3c-\x7e]{0,30}$/) },
      // Huge: near and over Node's 16 KiB limit for all headers together.
      { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 17_000 }).map((size) => 'j:' + 'a'.repeat(size)) },
    );
    const cookies = fc
      .array(fc.tuple(fc.constantFrom('sid', 'csrf', 'sid', 'x', '__proto__'), cookieValue), { maxLength: 4 })
      .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('; '));
    const extraHeaders = fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.constantFrom<[string, string]>(
            ['X-CSRF-Token', 'forged'],
            ['X-CSRF-Token', ''],
            ['Content-Type', 'application/json'],
            ['Content-Type', 'application/jsonx'],
            ['Content-Type', 'text/plain'],
            ['Origin', 'http://evil.example'],
            ['Origin', 'null'],
            ['Origin', `http://localhost:${port}`],
            ['Referer', `http://evil.example/?${QUERY_MARK}`],
            ['Accept', '*/*'],
            ['X-Forwarded-Host', 'evil.example'],
            ['X-Forwarded-Proto', 'https'],
          ),
        },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: 100, max: 20_000 })
            .map((size): [string, string] => ['X-Padding', 'p'.repeat(size)]),
        },
      ),
      { maxLength: 5 },
    );
    const body = fc.constantFrom('', '{}', '[]', 'not json', '{"name":', '{"password":"x"}', 'x'.repeat(17 * 1024));
    const request = fc
      .record({ method, target, host, cookies, extraHeaders, body, cookieHeaders: fc.integer({ min: 0, max: 2 }) })
      .map(({ method, target, host, cookies, extraHeaders, body, cookieHeaders }) => {
        const headers: [string, string][] = host === null ? [] : [['Host', host]];
        for (let i = 0; i < cookieHeaders; i++) headers.push(['Cookie', cookies]);
        headers.push(...extraHeaders);
        return requestText(method, target, headers, body);
      });

    const logged: string[] = [];
    const unanswered: string[] = [];
    const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    const spies = [
      vi.spyOn(console, 'error').mockImplementation(keep),
      vi.spyOn(console, 'warn').mockImplementation(keep),
      vi.spyOn(console, 'log').mockImplementation(keep),
    ];
    const before = snapshot();
    const started = performance.now();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(request, { minLength: PARALLEL, maxLength: PARALLEL }), async (batch) => {
          const answers = await Promise.all(batch.map((sent) => rawRequest(port, sent)));
          for (const [i, answer] of answers.entries()) {
            tally.sent++;
            tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
            if (answer.status === 0) {
              tally.unanswered++;
              unanswered.push(batch[i]!.slice(0, 200));
            }
            if (answer.status >= 500) tally.serverErrors++;
            expect(answer.status, batch[i]!.slice(0, 300)).toBeLessThan(500);
          }
        }),
        { numRuns: BATCHES },
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `protocol-fuzz: ${tally.sent} requests in ${seconds.toFixed(1)} s, ${tally.serverErrors} answered 5xx, ` +
        `${tally.unanswered} closed unanswered; statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}`,
    );

    expect(tally.sent).toBeGreaterThanOrEqual(2_000);
    expect(unanswered).toEqual([]);
    expect(tally.serverErrors).toBe(0);
    const log = logged.join('\n');
    for (const secret of [QUERY_MARK, PASSWORD, sessionId, '?q=', '?redirect=']) expect(log).not.toContain(secret);
    expect(snapshot()).toEqual(before);
  });
});
