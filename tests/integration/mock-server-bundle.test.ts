import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock-server/index.ts';
import { prebuiltPaths } from '../../mock-server/prebuilt.mjs';

// `npm run mock-server` runs the mock from a prebuilt bundle (scripts/mock-server.mjs). The bundle must be the same
// site as the TypeScript it is built from, and must never be a stale copy of it.

const INPUTS = 'node_modules/.cache/mock-server/cli.inputs.json';

/** `npm run mock-server`'s command; resolves with the URL it prints once it listens. */
async function startBundledMock(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/mock-server.mjs', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No URL printed within 30 s:\n${printed}`)), 30_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /listening at (http:\/\/\S+)/.exec(printed)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`Exited with ${code} before listening:\n${printed}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('npm run mock-server (the bundled mock)', () => {
  it('serves the site, its assets and its API as the TypeScript does', async () => {
    const { url, child } = await startBundledMock();
    try {
      const css = await fetch(`${url}/assets/site.css`);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toMatch(/^text\/css/);

      const signIn = await fetch(`${url}/login`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toMatch(/<meta name="csrf-token" content="[^"]+"/);

      const account = await fetch(`${url}/api/account`);
      expect(account.status).toBe(401);
      expect(account.headers.get('content-type')).toMatch(/^application\/json/);
    } finally {
      await stop(child);
    }
  }, 60_000);

  it('is rebuilt when a file it is built from changes, and only then', async () => {
    await stop((await startBundledMock()).child);
    const builtAt = statSync(INPUTS).mtimeMs;

    await stop((await startBundledMock()).child);
    expect(statSync(INPUTS).mtimeMs, 'nothing changed, yet the bundle was rebuilt').toBe(builtAt);

    const changed = new Date();
    utimesSync('mock-server/site/pages.ts', changed, changed);
    await stop((await startBundledMock()).child);
    expect(statSync(INPUTS).mtimeMs, 'a source file changed, yet the old bundle was used').toBeGreaterThan(builtAt);
  }, 90_000);

  it('is what a test worker starts too: the server prebuilt from mock-server/server.ts and what it imports', async () => {
    const mock = await startMockServer({ testMode: true });
    try {
      expect((await fetch(`${mock.url}/login`)).status).toBe(200);
    } finally {
      await mock.close();
    }
    const inputs = JSON.parse(readFileSync(prebuiltPaths('mock-server/server.ts').inputs, 'utf8')) as [string][];
    expect(inputs.map(([path]) => path)).toEqual(
      expect.arrayContaining(['mock-server/server.ts', 'mock-server/app.ts']),
    );
  }, 60_000);
});
