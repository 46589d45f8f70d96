// A selection counts the same whatever reporter settings the environment holds (a CI often sets
// PLAYWRIGHT_JSON_OUTPUT_NAME, which sends `playwright test --list --reporter=json` to a file instead of stdout).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSelectedTests, listingEnv } from '../../harness/config/feature-selection.ts';
import { generateTests } from '../../harness/config/generated-tests.ts';

const elsewhere = mkdtempSync(join(tmpdir(), 'reporter-env-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

const REPORTER_ENV = {
  CI: '1',
  PLAYWRIGHT_JSON_OUTPUT_NAME: 'results.json',
  PLAYWRIGHT_JSON_OUTPUT_DIR: elsewhere,
  PLAYWRIGHT_HTML_OUTPUT_DIR: join(elsewhere, 'html'),
  PLAYWRIGHT_HTML_OPEN: 'never',
};

describe('counting a selection', () => {
  beforeAll(() => expect(generateTests()).toBe(0), 120_000);

  it('drops reporter settings from the listing’s environment and writes its JSON to the file asked for', () => {
    const env = listingEnv({ ...REPORTER_ENV, PLAYWRIGHT_JSON_OUTPUT_FILE: '/x.json', PATH: '/bin' }, '/ours.json');
    expect(env).toEqual({ CI: '1', PATH: '/bin', PLAYWRIGHT_JSON_OUTPUT_FILE: '/ours.json' });
  });

  it('finds the same tests with and without CI reporter settings in the environment', () => {
    const selection = ['--grep', '@guide:sign-in'];
    const clean = countSelectedTests(selection, { ...process.env, CI: undefined });
    expect(clean).toBeGreaterThan(0);
    expect(countSelectedTests(selection, { ...process.env, ...REPORTER_ENV })).toBe(clean);
    expect(
      countSelectedTests(selection, { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: join(elsewhere, 'f.json') }),
    ).toBe(clean);
    expect(existsSync(join(elsewhere, 'results.json'))).toBe(false);
  });

  it('counts 0 for a selection that matches nothing', () => {
    expect(countSelectedTests(['--grep', 'no scenario is called this'], { ...process.env, ...REPORTER_ENV })).toBe(0);
  });
});
