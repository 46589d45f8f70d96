import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, someChromiumIsThere } from '../../harness/config/browser.ts';

describe('someChromiumIsThere, the quick check before a run', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it('takes CHROMIUM_PATH when a file is there', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(someChromiumIsThere()).toBe(true);
  });

  it('agrees with findChromium when CHROMIUM_PATH points at nothing (only Playwright’s own can stand in)', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(someChromiumIsThere()).toBe(findChromium() !== null);
  });

  it('agrees with findChromium without CHROMIUM_PATH', () => {
    delete process.env.CHROMIUM_PATH;
    expect(someChromiumIsThere()).toBe(findChromium() !== null);
  });
});
