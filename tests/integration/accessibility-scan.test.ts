import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { blockingViolation, controlFindings, StepAccessibility } from '../../harness/scenario/accessibility.ts';
import { findByGuideLabel, GUIDE_TARGET_ATTRIBUTE } from '../../pages/support/drift.ts';
import { useChromium } from '../support/chromium.ts';

const SITE = 'http://scan.test';
const LOW_CONTRAST_SAVE = '<button style="color:#bbb;background:#fff">Save</button>';

/** Pages served at SITE: each path's HTML. */
async function serve(page: Page, pages: Record<string, string>): Promise<void> {
  await page.route(`${SITE}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>t</title><main>${pages[new URL(route.request().url()).pathname] ?? ''}</main></html>`,
    }),
  );
}

/** One guide step's scan, as a step that finds "Save" and acts on it has it. */
async function scanStep(page: Page, step: string) {
  const scans = new StepAccessibility('scenario');
  scans.begin(step);
  const save = await findByGuideLabel(page, ['button'], 'Save', 'The form');
  await scans.controlFound(save, GUIDE_TARGET_ATTRIBUTE);
  return scans.finish(page);
}

// axe-core in the page: put in once per document, run for each step that scans it, in frames too.
describe('the accessibility scan of a guide step', () => {
  const chromium = useChromium();
  let page: Page;
  const freshPage = async (pages: Record<string, string>) => {
    page = await chromium.freshPage();
    await serve(page, pages);
    return page;
  };

  it('finds a violation on the step’s control, and blames the step for it', async () => {
    await (await freshPage({ '/form': LOW_CONTRAST_SAVE })).goto(`${SITE}/form`);
    const record = await scanStep(page, 'phone.5');
    expect(record?.violations.map((v) => v.rule)).toContain('color-contrast');
    // A low contrast leaves the step doable: a finding about the site on the step's control, not a drift.
    expect(blockingViolation(record!)).toBeUndefined();
    expect(controlFindings(record!)[0]?.name).toBe('Save');
  });

  it('finds it again for another step on the same page, axe-core being there already', async () => {
    await (await freshPage({ '/form': LOW_CONTRAST_SAVE })).goto(`${SITE}/form`);
    await scanStep(page, 'phone.4');
    expect(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe)).toBe('object');
    const again = await scanStep(page, 'phone.5');
    expect(controlFindings(again!)[0]?.name).toBe('Save');
  });

  it('scans a new document after the page moves on (axe-core put in again)', async () => {
    await (await freshPage({ '/clean': '<button>Save</button>', '/form': LOW_CONTRAST_SAVE })).goto(`${SITE}/clean`);
    expect((await scanStep(page, 'phone.4'))?.violations).toEqual([]);
    await page.goto(`${SITE}/form`);
    expect(controlFindings((await scanStep(page, 'phone.5'))!)[0]?.name).toBe('Save');
  });

  it('scans a step’s page once a run: a later scenario that finds the control there scans no other page', async () => {
    // Pages of their own: what a run has scanned is kept for the whole process, as a worker keeps it.
    await (await freshPage({ '/once': LOW_CONTRAST_SAVE, '/next': '<img src="x.png">' })).goto(`${SITE}/once`);
    const run = () => new StepAccessibility('run');
    const first = run();
    first.begin('phone.5');
    await first.controlFound(await findByGuideLabel(page, ['button'], 'Save', 'The form'), GUIDE_TARGET_ATTRIBUTE);
    await page.goto(`${SITE}/next`);
    expect((await first.finish(page))?.url).toBe(`${SITE}/once`);

    // The next scenario: the same step on the same page, then on to a page no step of it was scanned on.
    await page.goto(`${SITE}/once`);
    const later = run();
    later.begin('phone.5');
    await later.controlFound(await findByGuideLabel(page, ['button'], 'Save', 'The form'), GUIDE_TARGET_ATTRIBUTE);
    await page.goto(`${SITE}/next`);
    expect(await later.finish(page)).toBeUndefined();
  });

  it('looks inside a frame of the same site', async () => {
    await (
      await freshPage({
        '/outer': `<button>Save</button><iframe src="${SITE}/inner" title="inner"></iframe>`,
        '/inner': '<img src="x.png">',
      })
    ).goto(`${SITE}/outer`);
    await page.frameLocator('iframe').locator('img').waitFor({ state: 'attached' });
    const record = await scanStep(page, 'phone.5');
    expect(record?.violations.map((v) => v.rule)).toContain('image-alt');
  });
});
