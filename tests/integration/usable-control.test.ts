import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { findByGuideLabel, GuideDrift, GUIDE_TARGET_ATTRIBUTE } from '../../pages/support/drift.ts';
import { useChromium } from '../support/chromium.ts';

// findByGuideLabel's one round trip in the page: marked, scrolled to, and judged usable as a person would.
describe('a control the guide names, found for a person to use', () => {
  const chromium = useChromium();
  let page: Page;
  beforeAll(async () => {
    page = await chromium.freshPage({ viewport: { width: 800, height: 600 } });
  });

  const findSave = () => findByGuideLabel(page, ['button'], 'Save', 'The form', { sendsTheForm: true });
  const drift = async () => {
    const thrown = await findSave().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(GuideDrift);
    return thrown as GuideDrift;
  };

  it('is marked for the evidence when a person can use it', async () => {
    await page.setContent('<main><button>Cancel</button><button>Save</button></main>');
    const save = await findSave();
    expect(await save.getAttribute(GUIDE_TARGET_ATTRIBUTE)).toBe('');
    expect(await page.locator(`[${GUIDE_TARGET_ATTRIBUTE}]`).count()).toBe(1);
  });

  it('is scrolled into view when it lies below the fold, and is usable there', async () => {
    await page.setContent('<main><div style="height: 3000px"></div><button>Save</button></main>');
    await findSave();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  });

  it('is a drift, not a crash, when it does not come within the wait: the place offers another label instead', async () => {
    await page.setContent('<main><form><button>Submit</button></form></main>');
    const found = await drift();
    expect(found.kind).toBe('renamed');
    expect(found.siteShowed).toBe('The form has no “Save”; in its place is “Submit” (it offers “Submit”).');
  }, 15_000);

  it('is missing, not renamed, when the one control offered neither shares a word nor sends the form', async () => {
    await page.setContent('<main><form></form><button type="button">Learn more</button></main>');
    const found = await drift();
    expect(found.kind).toBe('missing');
    expect(found.siteShowed).toBe('The form has no “Save” (it offers “Learn more”).');
  }, 15_000);

  it('is unusable when disabled', async () => {
    await page.setContent('<main><button disabled>Save</button></main>');
    const found = await drift();
    expect(found.kind).toBe('unusable');
    expect(found.siteShowed).toBe('The form shows “Save”, but it is disabled: a person cannot click it.');
  });

  it('is unusable when a group around it is disabled by its ARIA state', async () => {
    await page.setContent('<main><div aria-disabled="true"><button>Save</button></div></main>');
    expect((await drift()).siteShowed).toContain('it is disabled');
  });

  it('is unusable when a box lies on top of it, and says what the box says', async () => {
    await page.setContent(
      '<main><button>Save</button></main><div style="position: fixed; inset: 0; background: white">We use cookies</div>',
    );
    const found = await drift();
    expect(found.kind).toBe('unusable');
    expect(found.siteShowed).toBe(
      'The form shows “Save”, but a box saying “We use cookies” lies on top of it: a person cannot click it.',
    );
  });

  it('is usable once a box on top of it goes away within two seconds', async () => {
    await page.setContent(
      '<main><button>Save</button></main><div style="position: fixed; inset: 0">Loading…</div>' +
        '<script>setTimeout(() => document.querySelector("body > div").remove(), 300)</script>',
    );
    await expect(findSave()).resolves.toBeDefined();
  });

  it('is found on the next page when the page it was looked for on is being replaced', async () => {
    const site = 'http://moving.test';
    await page.route(`${site}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: route.request().url().endsWith('/next')
          ? '<main><button>Save</button></main>'
          : `<main><button>Save</button></main><script>setTimeout(() => location.replace('${site}/next'), 5)</script>`,
      }),
    );
    for (let i = 0; i < 10; i++) {
      await page.goto(`${site}/first`);
      await findSave();
      await page.waitForURL(`${site}/next`);
    }
    await page.unrouteAll();
  }, 30_000);
});
