import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import { readScenarios } from '../../harness/guide/features.ts';
import { TestControlClient } from '../../site/test-control-client.ts';

// The harness's own failures are met by a person at a terminal: each must be one sentence saying what to do, not a
// stack trace. (An undefined step prints its snippet through the runners themselves: see the README.)

const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 25_000,
  });
/** `npm run mock-server`'s command: the mock's CLI, bundled. */
const mockServer = (args: string[]) =>
  spawnSync(process.execPath, ['scripts/mock-server.mjs', ...args], { encoding: 'utf8', timeout: 25_000 });

const oneSentence = (text: string) => {
  const lines = text.trim().split('\n');
  expect(lines, `printed: ${text}`).toHaveLength(1);
  expect(lines[0]).not.toMatch(/^\s+at /);
  return lines[0] ?? '';
};

describe('the harness fails clearly, in one sentence', () => {
  it('when the port the mock is asked for is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const run = mockServer(['--port', String(port)]);
      expect(run.status).toBe(1);
      expect(oneSentence(run.stderr)).toBe(
        `Port ${port} on 127.0.0.1 is already taken by another program: stop that program, or start the mock on another port (--port <number>, or --port 0 for any free one).`,
      );
    } finally {
      squatter.close();
    }
  });

  it('when the mock is asked for a drift variant it does not have', () => {
    const run = mockServer(['--drift', 'no-such-variant']);
    expect(run.status).toBe(1);
    expect(oneSentence(run.stderr)).toMatch(/^No drift variant "no-such-variant"; known: sign-in-lower-left, /);
  });

  // Playwright's own browser, when installed, is used before CHROMIUM_PATH: then no path can make it missing.
  it.skipIf(existsSync(chromium.executablePath()))('when CHROMIUM_PATH points at nothing', () => {
    const run = tsx('scripts/ensure-browser.ts', [], { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(run.status).toBe(1);
    expect(oneSentence(run.stderr)).toBe(
      'CHROMIUM_PATH is "/nowhere/chromium", but there is no file there: point it at a Chromium binary, or unset it to use Playwright\'s or Debian\'s Chromium.',
    );
  });

  it('when the site under test does not answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await new TestControlClient(`http://127.0.0.1:${port}`).health().catch((e: Error) => e);
    expect(oneSentence((error as Error).message)).toBe(
      `The site under test at http://127.0.0.1:${port} is not answering (ECONNREFUSED): start it, or point GUIDE_BASE_URL at a running site.`,
    );
  });

  it('when a feature file is not valid Gherkin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'malformed-'));
    writeFileSync(
      join(dir, 'broken.feature'),
      'Feature: Broken\n  Scenario: A table gone wrong\n    Given a step\n      | a | b |\n      | c |\n',
    );
    expect(() => readScenarios(dir)).toThrow(/broken\.feature is not valid Gherkin: \(5:7\): inconsistent cell count/);
  });
});
