// The mock on its own, as `npm run mock-server` starts it (a separate process): how soon it answers, how fast it
// answers a page and an API call under a bounded load on loopback, and its memory afterwards. Beside it, the same
// load on a bare node:http server: what this machine and the load generator allow, the mock's own floor.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { SiteClient } from '../../site/site-client.ts';

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
  /** `npm run mock-server`'s way: the prebuilt bundle (scripts/mock-server.mjs), already built. */
  coldStartMs: number;
  /** The same CLI through tsx, as it was started before the bundle. */
  coldStartTsxMs: number;
  page: LoadResult;
  api: LoadResult;
  rssMbAfterLoad: number;
  /** A bare node:http server answering a page of the same size as /login, under the same load. */
  bare: LoadResult;
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

/** Milliseconds from spawning the process to its first answer. */
async function waitForFirstAnswer(url: string, child: ChildProcess, started: number): Promise<number> {
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before answering.`);
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
  throw new Error(`${url} did not answer within 30 s.`);
}

/** A signed-in session of the demo account, through the site's own sign-in, as its page script sends it. */
async function demoSessionCookie(url: string): Promise<string> {
  const client = new SiteClient(url);
  const signedIn = await client.signIn(DEMO.email, DEMO.password);
  if (!signedIn.ok) throw new Error(`Signing in the demo account answered ${signedIn.status}.`);
  return client.cookieHeader;
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

const BUNDLED = ['scripts/mock-server.mjs'];
const THROUGH_TSX = ['--import', 'tsx', 'mock-server/cli.ts'];

/** Starts a server process; resolves when it first answers on `readyPath`, with the milliseconds that took. */
async function startServer(args: string[], readyPath = '/__test/health') {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    return { url, child, coldStartMs: await waitForFirstAnswer(`${url}${readyPath}`, child, started) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A page as large as the mock's sign-in page, from node:http alone, in its own process as the mock is. */
async function bareServerLoad(pageBytes: number, options: LoadOptions): Promise<LoadResult> {
  const server = `
    const page = '<!doctype html><html><body>' + 'x'.repeat(${Math.max(0, pageBytes - 40)}) + '</body></html>';
    require('node:http').createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page);
    }).listen(Number(process.argv.at(-1)), '127.0.0.1');`;
  const { url, child } = await startServer(['-e', server, '--'], '/');
  try {
    return await load(url, {}, options);
  } finally {
    await stop(child);
  }
}

export async function measureMock(options: LoadOptions): Promise<MockMeasurement> {
  // The first start after a change builds the bundle; a cold start is the process, not the build.
  await stop((await startServer(BUNDLED)).child);
  const throughTsx = await startServer(THROUGH_TSX);
  await stop(throughTsx.child);

  const { url, child, coldStartMs } = await startServer(BUNDLED);
  let underLoad: Pick<MockMeasurement, 'page' | 'api' | 'rssMbAfterLoad'>;
  let pageBytes: number;
  try {
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
    underLoad = { page, api, rssMbAfterLoad: rssMb(child.pid!) };
    pageBytes = Buffer.byteLength(await (await fetch(`${url}/login`)).text());
  } finally {
    await stop(child);
  }
  return {
    coldStartMs,
    coldStartTsxMs: throughTsx.coldStartMs,
    ...underLoad,
    bare: await bareServerLoad(pageBytes, options),
  };
}
