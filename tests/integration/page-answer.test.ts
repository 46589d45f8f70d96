import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { GUIDE_TARGET_ATTRIBUTE } from '../../pages/support/drift.ts';
import { clickAndAwaitAnswer, watchPageChanges } from '../../pages/support/forms.ts';
import { useChromium } from '../support/chromium.ts';

const SITE = 'http://answer.test';

/**
 * A form a page script sends, showing the answer in place: `script` runs on click, with `send()` posting the form
 * (answered after `answerMs`) and `show(text)` adding a line to the page.
 */
async function openForm(page: Page, script: string, answerMs = 0): Promise<void> {
  await page.route(`${SITE}/**`, async (route) => {
    if (route.request().method() === 'POST') {
      await new Promise((resolve) => setTimeout(resolve, answerMs));
      return route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":"refused"}' });
    }
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<main><button>Save</button><div id="answer"></div></main><script>
        const send = () => fetch('/save', { method: 'POST' });
        const show = (text) => { const line = document.createElement('p'); line.textContent = text; answer.append(line); };
        document.querySelector('button').addEventListener('click', async () => { ${script} });
      </script>`,
    });
  });
  await page.goto(`${SITE}/form`);
}

const shown = (page: Page) => page.locator('#answer p').allInnerTexts();

// The wait for a page script's answer: whatever the page shows by the time the click is answered is its whole answer.
describe('the answer a page script shows in place', () => {
  const chromium = useChromium();
  let page: Page;
  const freshPage = async () => {
    page = await chromium.freshPage();
    await watchPageChanges(page);
    return page;
  };

  it('is noted by the page when the site changes it, not when the harness marks what it found', async () => {
    await openForm(await freshPage(), '');
    const lastChange = () => page.evaluate(() => (globalThis as Record<string, unknown>).__guideLastChange);
    const before = await lastChange();
    await page.getByRole('button').evaluate((button, name) => button.setAttribute(name, ''), GUIDE_TARGET_ATTRIBUTE);
    expect(await lastChange()).toBe(before);
    await page.evaluate(() => document.body.append('changed'));
    expect(await lastChange()).toBeGreaterThan(Number(before ?? 0));
  });

  it('leaves nothing listening once it is judged, on a page watched or not', async () => {
    const kinds = ['load', 'framenavigated', 'response', 'requestfailed', 'close'] as const;
    const listening = (on: Page) =>
      kinds.map((kind) => (on as unknown as { listenerCount(kind: string): number }).listenerCount(kind));
    for (const watch of [true, false]) {
      const on = watch ? await freshPage() : (page = await chromium.freshPage());
      await openForm(on, `await send(); show('Refused.');`);
      const before = listening(on);
      await clickAndAwaitAnswer(on, on.getByRole('button'));
      expect(await shown(on)).toEqual(['Refused.']);
      expect(listening(on)).toEqual(before);
    }
  });

  it('is shown whole when the click is answered, even when it lands with the response', async () => {
    await openForm(await freshPage(), `await send(); show('Refused.');`);
    await clickAndAwaitAnswer(page, page.getByRole('button'));
    expect(await shown(page)).toEqual(['Refused.']);
  });

  it('is shown whole when it comes in parts a few frames apart', async () => {
    await openForm(
      await freshPage(),
      `await send(); show('Refused.'); await new Promise((r) => setTimeout(r, 30)); show('Try again.');`,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button'));
    expect(await shown(page)).toEqual(['Refused.', 'Try again.']);
  });

  it('is waited for when the page changed at the click ("Saving…") and the answer comes later', async () => {
    await openForm(
      await freshPage(),
      `show('Saving…'); await send(); await new Promise((r) => setTimeout(r, 20)); show('Refused.');`,
      300,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button'));
    expect(await shown(page)).toEqual(['Saving…', 'Refused.']);
  });
});
