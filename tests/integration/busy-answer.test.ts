import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { findByGuideLabel, GuideDrift } from '../../pages/support/drift.ts';
import { clickAndAwaitAnswer, watchPageChanges } from '../../pages/support/forms.ts';
import { useChromium } from '../support/chromium.ts';

const SITE = 'http://slow.test';
const SLOW_MS = 600;

/**
 * A slow site: every answer comes `SLOW_MS` late. Its form page runs `script` on a click of "Save", with
 * `post(path)`, `get(path)` and `show(text)` (a line added to the page); `/next` is another page, "Next".
 */
async function openSlowForm(page: Page, script: string, { body = '', slowestAnswerMs = 10_000 } = {}) {
  await watchPageChanges(page, { slowestAnswerMs });
  await page.route(`${SITE}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname !== '/form') await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    if (route.request().method() === 'POST') {
      return route.fulfill({ contentType: 'application/json', body: '{"redirectTo":"/next"}' });
    }
    if (pathname === '/data') return route.fulfill({ contentType: 'application/json', body: '{"said":"Refused."}' });
    if (pathname === '/next') return route.fulfill({ contentType: 'text/html', body: '<h1>Next</h1>' });
    if (pathname === '/styled') {
      const page = '<link rel="stylesheet" href="/slow.css"><h1>Styled</h1>';
      return route.fulfill({ contentType: 'text/html', body: page });
    }
    if (pathname === '/slow.css') return route.fulfill({ contentType: 'text/css', body: 'h1 { margin-left: 321px }' });
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<main><h1>Form</h1><form><button type="button">Save</button></form>${body}<div id="answer"></div></main>
      <script>
        const form = document.querySelector('form');
        const button = document.querySelector('button');
        const post = (path) => fetch(path, { method: 'POST' }).then((r) => r.json());
        const get = (path) => fetch(path).then((r) => r.json());
        const show = (text) => { const line = document.createElement('p'); line.textContent = text; answer.append(line); };
        button.addEventListener('click', async () => { ${script} });
      </script>`,
    });
  });
  await page.goto(`${SITE}/form`);
}

const shown = (page: Page) => page.locator('#answer p').allInnerTexts();
const heading = (page: Page) => page.getByRole('heading').innerText({ timeout: 1_000 });

describe('the answer of a slow site', () => {
  const chromium = useChromium();

  it('is the next page when the page stays busy (aria-busy, the button disabled) until it leaves', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(
      page,
      `form.setAttribute('aria-busy', 'true'); button.disabled = true;
       const answer = await post('/session'); location.assign(answer.redirectTo);`,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await heading(page)).toBe('Next');
  });

  it('is waited for while the button says it is at work ("Saving…"), with no other sign', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(
      page,
      `button.disabled = true; button.textContent = 'Saving…'; await post('/save');
       await new Promise((resolve) => setTimeout(resolve, ${SLOW_MS})); show('Refused.');
       button.disabled = false; button.textContent = 'Save';`,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await shown(page)).toEqual(['Refused.']);
  });

  it('is waited for while a spinner turns', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(
      page,
      `const spinner = document.createElement('div'); spinner.setAttribute('role', 'progressbar');
       spinner.textContent = '◌'; document.body.append(spinner); await post('/save');
       await new Promise((resolve) => setTimeout(resolve, ${SLOW_MS})); spinner.remove(); show('Refused.');`,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await shown(page)).toEqual(['Refused.']);
  });

  it('is waited for while a spinner turns inside a web component’s open shadow root', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(
      page,
      `const host = document.createElement('div'); document.body.append(host);
       const spinner = document.createElement('div'); spinner.setAttribute('role', 'progressbar');
       spinner.textContent = '◌'; host.attachShadow({ mode: 'open' }).append(spinner); await post('/save');
       await new Promise((resolve) => setTimeout(resolve, ${SLOW_MS})); host.remove(); show('Refused.');`,
    );
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await shown(page)).toEqual(['Refused.']);
  });

  it('is waited for while a request the click started is on its way, though the page shows nothing', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, `await post('/save'); const { said } = await get('/data'); show(said);`);
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await shown(page)).toEqual(['Refused.']);
  });

  it('is judged at the slowest answer allowed when the page says it is busy for ever', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(
      page,
      `form.setAttribute('aria-busy', 'true'); button.disabled = true; await post('/save'); show('Still busy');`,
      { slowestAnswerMs: 2_000 },
    );
    const started = performance.now();
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(6_000);
    expect(await shown(page)).toEqual(['Still busy']);
  });

  it('is the next page with its styles when a link leads there: a page still loading is not the answer', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, '', { body: '<a href="/styled">Styled page</a>' });
    await clickAndAwaitAnswer(page, page.getByRole('link', { name: 'Styled page' }));
    expect(await page.getByRole('heading').evaluate((h) => getComputedStyle(h).marginLeft)).toBe('321px');
  });

  it('is the next page with its styles when a page script sends the form, then goes there', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, `await post('/session'); location.assign('/styled');`);
    await clickAndAwaitAnswer(page, page.getByRole('button', { name: 'Save' }));
    expect(await page.getByRole('heading').evaluate((h) => getComputedStyle(h).marginLeft)).toBe('321px');
  });
});

describe('a control disabled on a slow site', () => {
  const chromium = useChromium();
  const findSave = (page: Page) => findByGuideLabel(page, ['button'], 'Save', 'The form', {});
  const driftOf = (page: Page) =>
    findSave(page).then(
      () => undefined,
      (error: unknown) => error as GuideDrift,
    );

  it('is waited for while the site is busy, and used once it is enabled again', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, '');
    await page.evaluate((ms) => {
      const form = document.querySelector('form')!;
      const button = document.querySelector('button')!;
      form.setAttribute('aria-busy', 'true');
      button.disabled = true;
      setTimeout(() => {
        form.removeAttribute('aria-busy');
        button.disabled = false;
      }, ms);
    }, SLOW_MS);
    await expect(findSave(page)).resolves.toBeDefined();
  });

  it('is waited for while a request is on its way, and used once it is enabled again', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, '');
    await page.evaluate(() => {
      const button = document.querySelector('button')!;
      button.disabled = true;
      void fetch('/data').then(() => (button.disabled = false));
    });
    await expect(findSave(page)).resolves.toBeDefined();
  });

  it('is unusable at once when nothing is at work', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, '');
    await page.evaluate(() => (document.querySelector('button')!.disabled = true));
    const started = performance.now();
    const drift = await driftOf(page);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(drift?.kind).toBe('unusable');
    expect(drift?.siteShowed).toBe('The form shows “Save”, but it is disabled: a person cannot click it.');
  });

  it('is unusable when it stays disabled while the page says it is busy, past the slowest answer allowed', async () => {
    const page = await chromium.freshPage();
    await openSlowForm(page, '', { slowestAnswerMs: 1_000 });
    await page.evaluate(() => {
      document.querySelector('form')!.setAttribute('aria-busy', 'true');
      document.querySelector('button')!.disabled = true;
    });
    const drift = await driftOf(page);
    expect(drift?.kind).toBe('unusable');
    expect(drift?.siteShowed).toBe(
      'The form shows “Save”, but it stayed disabled while the page said it was busy for 1 s: a person cannot click it.',
    );
  });
});
