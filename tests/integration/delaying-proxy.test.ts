import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayingProxy, type DelayingProxy } from '../../site/delaying-proxy.ts';
import { siteSetting } from '../../site/setting.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { startSite, uniqueEmail, type StartedSite } from '../support/site-client.ts';
import { rawRequest, requestText } from './raw-http.ts';

const DELAY_MS = 300;

/** A site that says what it was sent: the method, the path, the Host and the body. */
async function echoSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      response.end(JSON.stringify({ method: request.method, path: request.url, host: request.headers.host, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

describe('the delaying proxy', () => {
  let echo: Awaited<ReturnType<typeof echoSite>>;
  let proxy: DelayingProxy;

  beforeAll(async () => {
    echo = await echoSite();
    proxy = await startDelayingProxy({ target: echo.url, delayMs: DELAY_MS });
  });
  afterAll(async () => {
    await proxy.close();
    echo.server.close();
  });

  it('listens on loopback only', () => {
    expect(new URL(proxy.url).hostname).toBe('127.0.0.1');
  });

  it('answers a page that much later, as the site answered it', async () => {
    const [response, ms] = await timed(() => fetch(`${proxy.url}/login?next=%2F`));
    expect(ms).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const sent = (await response.json()) as Record<string, string>;
    // The Host the browser named: the site's origin checks compare it with the Origin the browser sends.
    expect(sent).toMatchObject({ method: 'GET', path: '/login?next=%2F', host: new URL(proxy.url).host });
  });

  it('delays a form post and forwards its body', async () => {
    const [response, ms] = await timed(() =>
      fetch(`${proxy.url}/api/session`, { method: 'POST', body: 'email=a%40b.test&password=x' }),
    );
    expect(ms).toBeGreaterThanOrEqual(DELAY_MS - 5);
    expect(await response.json()).toMatchObject({ method: 'POST', body: 'email=a%40b.test&password=x' });
  });

  it('answers the test-control API at once, naming the site’s own loopback host', async () => {
    const [response, ms] = await timed(() => fetch(`${proxy.url}/__test/health`));
    expect(ms).toBeLessThan(DELAY_MS);
    expect(await response.json()).toMatchObject({ path: '/__test/health', host: new URL(echo.url).host });
  });

  it('answers 502 in one sentence when the site is not there', async () => {
    const gone = await startDelayingProxy({ target: 'http://127.0.0.1:9', delayMs: 0 });
    try {
      const response = await fetch(`${gone.url}/`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/could not reach http:\/\/127\.0\.0\.1:9/);
    } finally {
      await gone.close();
    }
  });
});

describe('the bundled mock behind the delaying proxy', () => {
  let site: StartedSite;
  let proxy: DelayingProxy;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startDelayingProxy({ target: site.url, delayMs: DELAY_MS });
  });
  afterAll(async () => {
    await proxy.close();
    await site.close();
  });

  // Undelayed is shown above against the echo site; here, that the mock's loopback check lets the harness through
  // (account creation hashes a password, too slow on a busy machine to be timed against the delay).
  it('keeps the test-control API usable through it', async () => {
    const control = new TestControlClient(proxy.url);
    const account = await control.createAccount({
      email: uniqueEmail('proxy'),
      password: 'pass-word-1',
      profiles: [{ name: 'Ann' }],
    });
    expect((await control.account(account.id)).email).toBe(account.email);
  });

  it('still lets the site refuse a test-control call naming another host (a DNS-rebinding page)', async () => {
    const port = Number(new URL(proxy.url).port);
    const answer = await rawRequest(port, requestText('GET', '/__test/health', [['Host', `attacker.example:${port}`]]));
    expect(answer.status).toBe(403);
  });

  it('delays the site’s pages', async () => {
    const [response, ms] = await timed(() => fetch(proxy.url));
    expect(response.ok).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(DELAY_MS - 5);
  });
});

describe('MOCK_ANSWER_DELAY_SECONDS', () => {
  it('puts each worker’s mock behind the proxy, for the bundled mock only', () => {
    expect(siteSetting({ MOCK_ANSWER_DELAY_SECONDS: '0.3' })).toMatchObject({ answerDelaySeconds: 0.3 });
    expect(siteSetting({})).toMatchObject({ answerDelaySeconds: 0 });
    expect(() => siteSetting({ MOCK_ANSWER_DELAY_SECONDS: 'slow' })).toThrow(/is not a delay/);
    expect(() => siteSetting({ MOCK_ANSWER_DELAY_SECONDS: '1', GUIDE_BASE_URL: 'http://site.test' })).toThrow(
      /bundled mock only/,
    );
  });
});
