import { inComposedTree, type ComposedTree } from '../../pages/support/composed-tree.ts';
import { expect as base, type Locator } from '@playwright/test';
import type { DriftKind } from '../../pages/support/drift.ts';

const UPPER_RIGHT = { fromLeft: 0.75, fromTop: 0.2 };

/**
 * The kind of drift each matcher below finds when it fails; its message is then what the site showed, in words a
 * stakeholder reads (steps/support/guide-step.ts records it).
 */
export const MATCHER_KINDS: Partial<Record<string, DriftKind>> = {
  toBeInTheRightUpperCorner: 'moved',
  toBeOnTheRightOf: 'moved',
  toBeInTheGuideOrder: 'reordered',
  toGiveTheReason: 'behaviour',
};

/** Assertions the guide's wording needs that Playwright does not have. They retry like every web-first assertion. */
export const expect = base.extend({
  async toBeInTheRightUpperCorner(element: Locator, what: string) {
    let where = 'not on the page at all';
    let pass = false;
    try {
      await base
        .poll(async () => {
          const box = await element.boundingBox();
          const viewport = element.page().viewportSize();
          if (!box || !viewport) return false;
          const x = Math.round(box.x + box.width / 2);
          const y = Math.round(box.y + box.height / 2);
          where = `in the ${describePlacement(x, y, viewport)}`;
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
          ? `${what} is in the right-upper corner, as the guide says (${where.replace(/^in the /, '')}).`
          : `${what} should be in the right-upper corner, but it is ${where}.`,
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
          : `${what} should be on the right, but ${box && area ? `its centre is at x=${Math.round(box.x + box.width / 2)}, left of the middle of its section (x=${Math.round(area.x + area.width / 2)})` : 'it is not on screen'}.`,
    };
  },

  /**
   * The fields come in the order the guide gives ("in the first field", "in the second field", "a tick below"),
   * read as a person reads a page: top to bottom, and left to right within a row.
   */
  async toBeInTheGuideOrder(fields: GuideField[]) {
    let shown: PlacedField[] = [];
    let pass = false;
    try {
      await base
        .poll(async () => {
          shown = await Promise.all(fields.map(async ({ what, field }) => ({ what, box: await field.boundingBox() })));
          return shown.every((item, i) => i === 0 || comesBefore(shown[i - 1]!, item));
        })
        .toBe(true);
      pass = true;
    } catch {
      pass = false;
    }
    const guideOrder = fields.map(({ what }) => what).join(', then ');
    const missing = shown.filter(({ box }) => !box).map(({ what }) => what);
    const pageOrder = shown
      .filter((item): item is Required<PlacedField> & { box: Box } => !!item.box)
      .sort((a, b) => (comesBefore(a, b) ? -1 : 1))
      .map(({ what, box }) => `${what} (y=${Math.round(box.y)}, x=${Math.round(box.x)})`)
      .join(', then ');
    return {
      pass,
      name: 'toBeInTheGuideOrder',
      // The two orders, for a suggested rewrite of the guide's sentence (harness/reporting/guide-rewrite.ts).
      expected: fields.map(({ what }) => what),
      actual: shown
        .filter((item) => !!item.box)
        .sort((a, b) => (comesBefore(a as Required<PlacedField>, b as Required<PlacedField>) ? -1 : 1))
        .map(({ what }) => what),
      message: () =>
        pass
          ? `The page shows ${guideOrder}, as the guide says.`
          : `The guide has ${guideOrder}; the page shows ${pageOrder || 'none of them'}${missing.length ? ` and not ${missing.join(' nor ')}` : ''}.`,
    };
  },

  /**
   * A refused form keeps the field on screen with the reason as its accessible description. A form that goes
   * away instead has done what it should have refused, and the message says so.
   */
  async toGiveTheReason(field: Locator, reason: string, what: string) {
    let said = '';
    let left = '';
    try {
      await base
        // The answer waits on the server's password hashing, which is slow on purpose.
        .poll(
          async () => {
            const description = await field.evaluateAll(inComposedTree(describeFirst));
            if (description === null) {
              left = field.page().url();
              return 'left';
            }
            said = description;
            return said === reason ? 'said' : 'waiting';
          },
          { timeout: REFUSAL_TIMEOUT_MS },
        )
        .not.toBe('waiting');
    } catch {
      left = '';
    }
    const pass = !left && said === reason;
    return {
      pass,
      name: 'toGiveTheReason',
      message: () =>
        pass
          ? `${what} says “${reason}”.`
          : left
            ? `${what} should say “${reason}” and nothing should be saved, but the site left the form for ${left} as if all was well.`
            : `${what} should say “${reason}”, but after ${REFUSAL_TIMEOUT_MS / 1000} s it says ${said ? `“${said}”` : 'nothing'} (the page is at ${field.page().url()}).`,
    };
  },
});

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

export interface GuideField {
  what: string;
  field: Locator;
}

interface PlacedField {
  what: string;
  box: Box | null;
}

const SAME_ROW_TOLERANCE_PX = 2;
const REFUSAL_TIMEOUT_MS = 10_000;

/** Reading order: above, or in the same row and to the left. A field not on screen comes before nothing. */
function comesBefore(first: PlacedField, second: PlacedField): boolean {
  const [a, b] = [first.box, second.box];
  if (!a || !b) return false;
  if (a.y + a.height <= b.y + SAME_ROW_TOLERANCE_PX) return true;
  const sameRow = a.y < b.y + b.height && b.y < a.y + a.height;
  return sameRow && a.x + a.width <= b.x + SAME_ROW_TOLERANCE_PX;
}

/**
 * The first element's accessible description, built from aria-describedby as a screen reader does; null when there
 * is no such element. Runs in the page, so it stands alone.
 */
function describeFirst(tree: ComposedTree, elements: Element[]): string | null {
  const [element] = elements;
  if (!element) return null;
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids
    .map((id) => tree.byId(element, id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

function describePlacement(x: number, y: number, viewport: { width: number; height: number }): string {
  const vertical = y < viewport.height / 3 ? 'upper' : y > (viewport.height * 2) / 3 ? 'lower' : 'middle';
  const horizontal = x < viewport.width / 3 ? 'left' : x > (viewport.width * 2) / 3 ? 'right' : 'centre';
  return `${vertical}-${horizontal} part of the page (its centre at x=${x}, y=${y} of ${viewport.width}×${viewport.height})`;
}
