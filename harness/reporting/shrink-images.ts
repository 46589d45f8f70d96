import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { requireChromium } from '../config/browser.ts';
import { launchOptions } from '../config/run-settings.ts';
import { imageTypeOf } from '../scenario/step-pictures.ts';

/**
 * The shareable reports carry pictures small enough to mail: JPEG, this wide (CSS pixels of a 1280-wide
 * viewport, still readable); the full-resolution pictures stay in test-results for QA.
 */
export const SHARED_WIDTH = 960;
export const SHARED_QUALITY = 0.72;

/**
 * Re-encodes pictures (PNG or JPEG) as smaller JPEGs with a Chromium of its own (no image library to install). The
 * browser is launched when the shrinker is made, so it starts while the caller reads the run's results, and serves
 * every shrink until close(): the Allure results and the illustrated guides share one launch
 * (harness/reporting/publish-reports.ts).
 */
export class PictureShrinker {
  readonly #browser: Promise<Browser>;
  #page: Promise<Page> | undefined;

  constructor() {
    // Playwright is loaded here, not with this module: a run loads the reports' code while its scenarios run, and a
    // selection, whose pictures are not shrunk, never needs it.
    this.#browser = import('playwright').then(({ chromium }) => chromium.launch(launchOptions(requireChromium())));
    // A failed launch is reported by the first shrink that needs the browser.
    this.#browser.catch(() => undefined);
  }

  /** The JPEG bytes by source path; a file the browser cannot read is left out. */
  async shrink(paths: string[], width = SHARED_WIDTH): Promise<Map<string, Buffer>> {
    const shrunk = new Map<string, Buffer>();
    const unique = [...new Set(paths)];
    if (unique.length === 0) return shrunk;
    this.#page ??= this.#browser.then((browser) => browser.newPage());
    const page = await this.#page;
    for (const path of unique) {
      const data = readFileSync(path);
      const source = `data:${imageTypeOf(data)};base64,${data.toString('base64')}`;
      const jpeg = await page
        .evaluate(
          async ({ source, width, quality }) => {
            const image = new Image();
            image.src = source;
            await image.decode();
            const scale = Math.min(1, width / image.naturalWidth);
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(image.naturalWidth * scale);
            canvas.height = Math.round(image.naturalHeight * scale);
            const context = canvas.getContext('2d')!;
            context.imageSmoothingQuality = 'high';
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            return canvas.toDataURL('image/jpeg', quality).split(',')[1]!;
          },
          { source, width, quality: SHARED_QUALITY },
        )
        .catch(() => undefined);
      if (jpeg) shrunk.set(path, Buffer.from(jpeg, 'base64'));
    }
    return shrunk;
  }

  async close(): Promise<void> {
    await (await this.#browser.catch(() => undefined))?.close();
  }
}
