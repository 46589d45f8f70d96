import { expect as base, type Locator } from '@playwright/test';

const UPPER_RIGHT = { fromLeft: 0.75, fromTop: 0.2 };

/** Assertions the guide's wording needs that Playwright does not have. They retry like every web-first assertion. */
export const expect = base.extend({
  async toBeInTheRightUpperCorner(element: Locator, what: string) {
    let where = 'nowhere on screen';
    let pass = false;
    try {
      await base
        .poll(async () => {
          const box = await element.boundingBox();
          const viewport = element.page().viewportSize();
          if (!box || !viewport) return false;
          const x = Math.round(box.x + box.width / 2);
          const y = Math.round(box.y + box.height / 2);
          where = describePlacement(x, y, viewport);
          return x >= viewport.width * UPPER_RIGHT.fromLeft && y <= viewport.height * UPPER_RIGHT.fromTop;
        })
        .toBe(true);
      pass = true;
    } catch {
      pass = false;
    }
    return {
      pass,
      name: 'toBeInTheRightUpperCorner',
      message: () =>
        pass
          ? `${what} is in the right-upper corner, as the guide says (${where}).`
          : `Drift (moved): ${what} should be in the right-upper corner, but it is in the ${where}.`,
    };
  },

  /** In the right half of the container, where the guide says "On the right". */
  async toBeOnTheRightOf(element: Locator, container: Locator, what: string) {
    const [box, area] = await Promise.all([element.boundingBox(), container.boundingBox()]);
    const pass = !!box && !!area && box.x + box.width / 2 >= area.x + area.width / 2;
    return {
      pass,
      name: 'toBeOnTheRightOf',
      message: () =>
        pass
          ? `${what} is on the right.`
          : `Drift (moved): ${what} should be on the right, but ${box && area ? `its centre is at x=${Math.round(box.x + box.width / 2)}, left of the middle of its section (x=${Math.round(area.x + area.width / 2)})` : 'it is not on screen'}.`,
    };
  },
});

function describePlacement(x: number, y: number, viewport: { width: number; height: number }): string {
  const vertical = y < viewport.height / 3 ? 'upper' : y > (viewport.height * 2) / 3 ? 'lower' : 'middle';
  const horizontal = x < viewport.width / 3 ? 'left' : x > (viewport.width * 2) / 3 ? 'right' : 'centre';
  return `${vertical}-${horizontal} part of the page (its centre at x=${x}, y=${y} of ${viewport.width}×${viewport.height})`;
}
