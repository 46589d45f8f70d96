import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { inComposedTree, type ComposedTree } from '../../pages/support/composed-tree.ts';
import { findByGuideLabel, GuideDrift } from '../../pages/support/drift.ts';
import { reachByKeyboard } from '../../pages/support/keyboard.ts';
import { SiteHeader } from '../../pages/site-header.ts';
import { useChromium } from '../support/chromium.ts';

/**
 * A page of web components, built as a component library builds them: `host` elements whose open shadow roots hold
 * the markup given, one nested in the other; a closed root that no script may look into.
 */
async function componentsPage(page: Page, body: string, shadows: { host: string; html: string; mode?: string }[]) {
  await page.setContent(body);
  await page.evaluate((list) => {
    for (const { host, html, mode } of list) {
      const element = (function find(root: ParentNode): Element | null {
        const here = root.querySelector(host);
        if (here) return here;
        for (const e of root.querySelectorAll('*')) {
          const inner = e.shadowRoot && find(e.shadowRoot);
          if (inner) return inner;
        }
        return null;
      })(document);
      if (!element) throw new Error(`no ${host}`);
      element.attachShadow({ mode: mode === 'closed' ? 'closed' : 'open' }).innerHTML = html;
    }
  }, shadows);
}

const inPage = <Result>(page: Page, fn: (tree: ComposedTree) => Result) => page.evaluate(inComposedTree(fn));

describe('the composed tree: the page as a person meets it, web components included', () => {
  const chromium = useChromium();
  let page: Page;
  beforeAll(async () => {
    page = await chromium.freshPage({ viewport: { width: 800, height: 600 } });
  });

  it('finds elements in the document and in open shadow roots, nested ones too, in page order; not in closed ones', async () => {
    await componentsPage(page, '<a href="#1">one</a><x-outer></x-outer><a href="#4">four</a><x-closed></x-closed>', [
      { host: 'x-outer', html: '<a href="#2">two</a><x-inner></x-inner>' },
      { host: 'x-inner', html: '<a href="#3">three</a>' },
      { host: 'x-closed', html: '<a href="#5">five</a>', mode: 'closed' },
    ]);
    expect(await inPage(page, (tree) => tree.all('a').map((a) => a.textContent))).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
    // Without it, the harness saw only the document's own links.
    expect(await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.textContent))).toEqual([
      'one',
      'four',
    ]);
  });

  it('goes out of a shadow root through its host: parent, closest, contains', async () => {
    await componentsPage(page, '<header><x-outer></x-outer></header>', [
      { host: 'x-outer', html: '<nav><x-inner></x-inner></nav>' },
      { host: 'x-inner', html: '<button>Alex</button>' },
    ]);
    const seen = await inPage(page, (tree) => {
      const [button] = tree.all('button');
      const [header] = tree.all('header');
      return {
        parentIsHost: tree.parent(tree.parent(button!)!)?.tagName ?? null,
        landmark: tree.closest(button!, 'header, nav')?.tagName ?? null,
        outer: tree.closest(button!, 'header')?.tagName ?? null,
        contains: tree.contains(header!, button!),
        notContains: tree.contains(button!, header!),
        plainClosest: button!.closest('header')?.tagName ?? null,
      };
    });
    expect(seen).toEqual({
      parentIsHost: 'NAV',
      landmark: 'NAV',
      outer: 'HEADER',
      contains: true,
      notContains: false,
      plainClosest: null,
    });
  });

  it('follows the focus into the shadow roots that hold it, so the keyboard walk knows the control has it', async () => {
    await componentsPage(page, '<a href="#a">first</a><x-outer></x-outer>', [
      { host: 'x-outer', html: '<x-inner></x-inner>' },
      { host: 'x-inner', html: '<details><summary>Alex</summary><a href="#b">Your Account</a></details>' },
    ]);
    const summary = page.locator('summary');
    await reachByKeyboard(summary, 'Alex', 'The page header');
    expect(await inPage(page, (tree) => tree.activeElement()?.textContent)).toBe('Alex');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('X-OUTER');
  });

  it('tells a control the focus never reaches: the walk goes round the page, shadow roots included, and stops', async () => {
    await componentsPage(page, '<a href="#a">first</a><x-menu></x-menu><span role="button">Save</span>', [
      { host: 'x-menu', html: '<a href="#b">Your Account</a><a href="#c">Sign out</a>' },
    ]);
    const save = page.getByRole('button', { name: 'Save' });
    const error = await reachByKeyboard(save, 'Save', 'The form').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideDrift);
    expect((error as Error).message).toMatch(
      /The form shows “Save”, but it cannot be reached from the keyboard: the focus went round the page in 5 presses of Tab without reaching it\.$/,
    );
  });

  it('reads aria-labelledby and aria-describedby inside the shadow root the field is in', async () => {
    await componentsPage(page, '<x-field></x-field>', [
      {
        host: 'x-field',
        html: '<span id="l">Phone number</span><input aria-labelledby="l" aria-describedby="d"><span id="d">Too short</span>',
      },
    ]);
    const names = await page
      .locator('input')
      .evaluate(
        inComposedTree((tree: ComposedTree, input: Element) =>
          ['aria-labelledby', 'aria-describedby'].map((a) => tree.byId(input, input.getAttribute(a)!)?.textContent),
        ),
      );
    expect(names).toEqual(['Phone number', 'Too short']);
  });

  it('notices a change inside a shadow root, one attached after it began to watch included', async () => {
    await componentsPage(page, '<main></main>', []);
    const changes = await inPage(
      page,
      (tree) =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          tree.observe(
            (records) => {
              for (const r of records) seen.push(`${r.type}:${(r.target as Element).tagName ?? '#root'}`);
              if (seen.some((s) => s.startsWith('attributes:DETAILS'))) resolve(seen);
            },
            { subtree: true, childList: true, attributes: true },
          );
          const host = document.createElement('x-menu');
          document.querySelector('main')!.append(host);
          host.attachShadow({ mode: 'open' }).innerHTML = '<details><summary>Alex</summary></details>';
          setTimeout(() => host.shadowRoot!.querySelector('details')!.setAttribute('open', ''), 50);
          setTimeout(() => resolve(seen), 2_000);
        }),
    );
    expect(changes).toContain('attributes:DETAILS');
  });

  it('sees a box of the document lying over a control inside a web component, and no box when none does', async () => {
    await componentsPage(page, '<x-bar></x-bar>', [{ host: 'x-bar', html: '<a href="/signin">Sign In</a>' }]);
    await expect(findByGuideLabel(page, ['link'], 'Sign In', 'The home page')).resolves.toBeDefined();
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<aside style="position: fixed; inset: 0; background: white">We use cookies</aside>',
      ),
    );
    const thrown = await findByGuideLabel(page, ['link'], 'Sign In', 'The home page').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GuideDrift);
    expect((thrown as GuideDrift).siteShowed).toContain('a box saying “We use cookies” lies on top of it');
  });
});

describe('the profile name, inside a web component, as a person clicks it', () => {
  const chromium = useChromium();
  let page: Page;
  beforeAll(async () => {
    page = await chromium.freshPage({ viewport: { width: 1280, height: 720 } });
  });

  it('is a <summary> in a shadow root: its <details> is the pop-up menu, and what appeared in it are its items', async () => {
    await componentsPage(page, '<x-masthead></x-masthead>', [
      {
        host: 'x-masthead',
        html: '<header><details><summary>Alex</summary><a href="#account">Your Account</a></details></header>',
      },
    ]);
    const header = new SiteHeader(page);
    await header.expectProfileInUse('Alex', ['Alex', 'Sam']);
    await header.openProfileMenu('Alex');
    expect(await header.popupItems.allTextContents()).toEqual(['Your Account']);
    await header.expectMenuItem('Your Account');
  });

  it('is any element under a pointer cursor that shows the name and opens the menu when clicked', async () => {
    await componentsPage(page, '<x-masthead></x-masthead>', [
      {
        host: 'x-masthead',
        html: `<div class="who" style="cursor: pointer">Alex</div>
          <ul hidden><li><a href="#account">Your Account</a></li></ul>`,
      },
    ]);
    await page.evaluate(() => {
      const root = document.querySelector('x-masthead')!.shadowRoot!;
      root.querySelector('.who')!.addEventListener('click', () => root.querySelector('ul')!.removeAttribute('hidden'));
    });
    const header = new SiteHeader(page);
    await header.expectProfileInUse('Alex', ['Alex']);
    await header.openProfileMenu('Alex');
    await header.expectMenuItem('Your Account');
  });

  it('is not plain text without a pointer: the page then shows no profile name to click', async () => {
    await componentsPage(page, '<x-masthead></x-masthead>', [{ host: 'x-masthead', html: '<span>Alex</span>' }]);
    const thrown = await new SiteHeader(page).expectProfileInUse('Alex', ['Alex']).catch((e: unknown) => e);
    expect((thrown as GuideDrift).siteShowed).toBe(
      'After “Alex” was clicked, the page shows no profile name to click.',
    );
  }, 20_000);
});
