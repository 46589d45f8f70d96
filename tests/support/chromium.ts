import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright';
import { requireChromium } from '../../harness/config/browser.ts';
import { launchOptions } from '../../harness/config/run-settings.ts';

/**
 * One Chromium for a test file, launched before its tests and closed after them. `freshPage` opens a page in a new
 * context, closing the one it opened before: a test starts on a page no other test has touched.
 */
export function useChromium(): { freshPage: (options?: BrowserContextOptions) => Promise<Page> } {
  let browser: Browser | undefined;
  let last: Page | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(launchOptions(requireChromium()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    freshPage: async (options) => {
      await last?.context().close();
      last = await browser!.newPage(options);
      return last;
    },
  };
}
