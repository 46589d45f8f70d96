import {
  Agent,
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request as forward,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_CONTROL_PREFIX } from './test-control-client.ts';

/** A plain reverse proxy on loopback that makes a site slow: every answer comes `delayMs` later than the site gave it. */
export interface DelayingProxy {
  /** The proxy's address: point the harness at it instead of the site. */
  url: string;
  delayMs: number;
  close(): Promise<void>;
}

export interface DelayingProxyOptions {
  /** The site behind the proxy (http, on this machine). */
  target: string;
  delayMs: number;
  /** Paths answered at once: the harness's own calls, not a person's (default: the test-control API). */
  undelayed?: (path: string) => boolean;
}

/** Headers that describe one connection, not the request: never forwarded (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const isTestControl = (path: string) => path.startsWith(TEST_CONTROL_PREFIX);
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function forwardedHeaders(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * Starts the proxy on a free loopback port. The pages, scripts, form posts and API calls a browser sends wait
 * `delayMs` before they go to the site, and keep the Host the browser named (so the site's own origin checks and
 * redirects see the address the browser uses). The test-control API is the harness's, not a person's: it is
 * forwarded at once, with the site's own loopback Host, which that API requires; a request naming another host
 * keeps it, and is refused by the site as before.
 */
export async function startDelayingProxy({
  target,
  delayMs,
  undelayed = isTestControl,
}: DelayingProxyOptions): Promise<DelayingProxy> {
  const site = new URL(target);
  if (site.protocol !== 'http:') throw new Error(`The delaying proxy forwards to http only, not to ${target}.`);
  // A new connection to the site for every request: a kept-alive one that the site closes while idle (Node's server
  // does after 5 s) fails the next request sent on it with ECONNRESET, and the proxy would answer it with a 502 (a
  // page's script lost, its form sent without it: a false alarm). On loopback a connection costs nothing.
  const agent = new Agent({ keepAlive: false });
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const harnessCall = undelayed(path);
    const headers = forwardedHeaders(incoming.headers);
    if (harnessCall && LOOPBACK_HOST.test(incoming.headers.host ?? '')) headers.host = site.host;
    const send = () => {
      const upstream = forward(
        { hostname: site.hostname, port: site.port, method: incoming.method, path, headers, agent },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedHeaders(answer.headers));
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', (error) => {
        if (outgoing.headersSent) return void outgoing.destroy(error);
        outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        outgoing.end(`The delaying proxy could not reach ${target}: ${error.message}`);
      });
      incoming.pipe(upstream);
    };
    if (harnessCall || delayMs <= 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
    // A browser that gave up (a page left, an aborted fetch) is not answered.
    outgoing.once('close', () => {
      if (timers.delete(timer)) clearTimeout(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    delayMs,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
