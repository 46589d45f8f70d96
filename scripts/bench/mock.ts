// The mock on its own, as `npm run mock-server` starts it (a separate process): how soon it answers, how fast it
// answers a page and an API call under a bounded load on loopback, and its memory afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

/** The account mock-server/cli.ts creates for people clicking through the guide. */
const DEMO = { email: 'demo@flickbox.test', password: 'demo-password-1' };

export interface LoadResult {
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
}

export interface MockMeasurement {
  coldStartMs: number;
  page: LoadResult;
  api: LoadResult;
  rssMbAfterLoad: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from spawning the process to its first answer on /__test/health. */
async function waitForFirstAnswer(url: string, child: ChildProcess, started: number): Promise<number> {
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`The mock exited with ${child.exitCode} before answering.`);
    try {
      const response = await fetch(`${url}/__test/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
  throw new Error('The mock did not answer within 30 s.');
}

/** A signed-in session of the demo account, through the site's own API (CSRF token from the page, as site.js does). */
async function demoSessionCookie(url: string): Promise<string> {
  const login = await fetch(`${url}/login`);
  const csrfCookie = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await login.text())?.[1] ?? '';
  const signedIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token, Cookie: csrfCookie.join('; ') },
    body: JSON.stringify(DEMO),
  });
  if (!signedIn.ok) throw new Error(`Signing in the demo account answered ${signedIn.status}.`);
  return signedIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function load(url: string, headers: Record<string, string>, { seconds, connections }: LoadOptions) {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

export async function measureMock(options: LoadOptions): Promise<MockMeasurement> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const coldStartMs = await waitForFirstAnswer(url, child, started);
    // The demo account is created just after the server listens.
    let cookie = '';
    for (let attempt = 0; !cookie; attempt++) {
      cookie = await demoSessionCookie(url).catch((error: unknown) => {
        if (attempt > 100) throw error;
        return sleep(20).then(() => '');
      });
    }
    const page = await load(`${url}/login`, {}, options);
    const api = await load(`${url}/api/account`, { cookie }, options);
    return { coldStartMs, page, api, rssMbAfterLoad: rssMb(child.pid!) };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}
