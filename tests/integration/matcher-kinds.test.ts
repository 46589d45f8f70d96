// The real matcher-to-kind table (steps/support/matchers.ts, MATCHER_KINDS) with real failing assertions in a
// browser: each custom matcher's failure becomes a record of the kind it stands for, under the name the table knows
// it by. tests/unit/outcome.test.ts checks recordOf with made-up matcher results; this is the table itself.
import { fakeWorld } from '../support/fake-world.ts';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { DriftKind } from '../../harness/scenario/outcome.ts';
import { recordOf } from '../../harness/scenario/failed-check.ts';
// eslint-disable-next-line no-restricted-imports -- the steps' own matchers and glue, under test
import { expect as guideExpect, MATCHER_KINDS } from '../../steps/support/matchers.ts';
// eslint-disable-next-line no-restricted-imports -- as above
import { verifies } from '../../steps/support/guide-step.ts';
import { useChromium } from '../support/chromium.ts';

const step = { id: 'phone.2', text: 'the guide’s sentence' };

/** What each custom matcher means when it fails, as docs/architecture.md states it. */
const MEANING: Record<string, DriftKind> = {
  toBeInTheRightUpperCorner: 'moved',
  toBeOnTheRightOf: 'moved',
  toBeInTheGuideOrder: 'reordered',
  toGiveTheReason: 'behaviour',
};

async function failureOf(check: () => Promise<unknown>): Promise<Error & { matcherResult?: { name?: string } }> {
  try {
    await check();
  } catch (error) {
    return error as Error;
  }
  throw new Error('The check passed: it was meant to fail.');
}

/** One failing use of each custom matcher, on a page that breaks what it checks. */
const FAILING: Record<string, (page: Page) => Promise<void>> = {
  toBeInTheRightUpperCorner: async (page) => {
    await page.setContent('<button style="position:absolute;left:10px;top:600px">Sign In</button>');
    await guideExpect(page.getByRole('button')).toBeInTheRightUpperCorner('“Sign In”');
  },
  toBeOnTheRightOf: async (page) => {
    await page.setContent('<section style="width:800px"><a href="#">Change password</a></section>');
    await guideExpect(page.getByRole('link')).toBeOnTheRightOf(page.locator('section'), '“Change password”');
  },
  toBeInTheGuideOrder: async (page) => {
    await page.setContent('<label>Password <input id="a"></label><br><label>Phone <input id="b"></label>');
    await guideExpect([
      { what: 'the phone number', field: page.locator('#b') },
      { what: 'the password', field: page.locator('#a') },
    ]).toBeInTheGuideOrder();
  },
  toGiveTheReason: async (page) => {
    await page.setContent('<p>Saved.</p>');
    await guideExpect(page.getByLabel('Phone number')).toGiveTheReason('Enter a valid number.', 'The phone field');
  },
};

describe('the matcher-to-kind table, with real failing assertions', () => {
  const chromium = useChromium();

  it('has a failing example and a meaning for every matcher in the table, and no other', () => {
    expect(Object.keys(MATCHER_KINDS).sort()).toEqual(Object.keys(FAILING).sort());
    expect(Object.keys(MEANING).sort()).toEqual(Object.keys(FAILING).sort());
  });

  it.each(Object.keys(FAILING))('%s fails as the kind it stands for, under its own name', async (name) => {
    const page = await chromium.freshPage();
    const error = await failureOf(() => FAILING[name]!(page));
    expect(error.matcherResult?.name).toBe(name);
    const record = recordOf(error, step, MATCHER_KINDS);
    expect(record?.kind).toBe(MEANING[name]);
    expect(record?.siteShowed).toMatch(/\w/);
    expect(record?.siteShowed).not.toContain('\n');
  });

  it('keeps both orders of a reordered form, for the suggested rewrite', async () => {
    const page = await chromium.freshPage();
    const record = recordOf(await failureOf(() => FAILING.toBeInTheGuideOrder!(page)), step, MATCHER_KINDS);
    expect(record).toMatchObject({
      kind: 'reordered',
      siteShowed: expect.stringMatching(
        /^The guide has the phone number, then the password; the page shows the password/,
      ),
      rewrite: { guideOrder: ['the phone number', 'the password'], siteOrder: ['the password', 'the phone number'] },
    });
  });

  it('makes any other failed assertion behaviour, in the words of its claim', async () => {
    const page = await chromium.freshPage();
    await page.setContent('<p>Nothing was saved.</p>');
    const error = await failureOf(() =>
      guideExpect(page.getByRole('paragraph'), 'the confirmation').toHaveText('Your phone number was saved', {
        timeout: 300,
      }),
    );
    expect(recordOf(error, step, MATCHER_KINDS)).toMatchObject({
      kind: 'behaviour',
      siteShowed: expect.stringMatching(/^the confirmation: .*“Nothing was saved\.”/),
    });
  });

  it('says a thing not shown in words, not as a matcher that failed', async () => {
    const page = await chromium.freshPage();
    await page.setContent('<p>Nothing was saved.</p>');
    const error = await failureOf(() =>
      guideExpect(page.getByText('Your phone number was saved'), 'the confirmation').toBeVisible({ timeout: 300 }),
    );
    expect(recordOf(error, step, MATCHER_KINDS)).toMatchObject({
      kind: 'behaviour',
      siteShowed: 'the confirmation, but the page does not show that.',
    });
  });

  it('is the table a guide step uses: verifies records a reordered form as reordered', async () => {
    const page = await chromium.freshPage();
    const { world, records } = fakeWorld();
    const stepFn = verifies('phone.2', () => FAILING.toBeInTheGuideOrder!(page));
    await expect(stepFn.call(world)).rejects.toThrow(/Guide step phone\.2/);
    expect(records).toMatchObject([{ guideStep: 'phone.2', kind: 'reordered' }]);
  });
});
