import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
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
 * Each picture (PNG or JPEG) re-encoded as a smaller JPEG by the browser the run already has (no image library to install).
 * Returns the JPEG bytes by source path; a file the browser cannot read is left out.
 */
export async function shrinkImages(paths: string[], width = SHARED_WIDTH): Promise<Map<string, Buffer>> {
  const shrunk = new Map<string, Buffer>();
  const unique = [...new Set(paths)];
  if (unique.length === 0) return shrunk;
  const browser = await chromium.launch(launchOptions(requireChromium()));
  try {
    const page = await browser.newPage();
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
  } finally {
    await browser.close();
  }
  return shrunk;
}
