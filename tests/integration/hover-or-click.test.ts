import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { SiteHeader } from '../../pages/site-header.ts';
import { GuideDrift } from '../../pages/support/drift.ts';
import { useChromium } from '../support/chromium.ts';

/**
 * "Hover over or click your profile name … and choose “Your Account”": the sentence holds when either opens the menu,
 * the other being a note; the menu is open for its last words whichever worked.
 */
const menuPage = (
  opens: 'hover' | 'click' | 'both' | 'nothing',
) => `<header style="display:flex;justify-content:flex-end">
  <div id="who" style="padding:8px">
    <button type="button" id="name">Sam</button>
    <ul id="menu" hidden><li><a href="#account">Your Account</a></li><li><a href="#help">Help Center</a></li></ul>
  </div>
</header>
<main style="height:400px"></main>
<script>
  const opens = ${JSON.stringify(opens)};
  const menu = document.getElementById('menu');
  const who = document.getElementById('who');
  if (opens === 'hover' || opens === 'both') {
    who.addEventListener('mouseenter', () => { menu.hidden = false; });
    who.addEventListener('mouseleave', () => { menu.hidden = true; });
  }
  if (opens === 'click' || opens === 'both') {
    document.getElementById('name').addEventListener('click', () => { menu.hidden = false; });
  }
  if (opens === 'hover') {
    // A click on this menu's name toggles it shut again.
    document.getElementById('name').addEventListener('click', () => { menu.hidden = true; });
  }
</script>`;

describe('a sentence with alternatives: hover over or click the profile name', () => {
  const chromium = useChromium();
  let page: Page;
  // A fresh page each: the mouse stays where the last test left it.
  beforeEach(async () => {
    page = await chromium.freshPage({ viewport: { width: 800, height: 600 } });
  });
  const open = async (opens: Parameters<typeof menuPage>[0]) => {
    await page.setContent(menuPage(opens));
    const header = new SiteHeader(page);
    const note = await header.openProfileMenuByHoverOrClick('Sam');
    return { note, accountShown: await header.menuItem('Your Account').isVisible() };
  };

  it('holds with no note when both open the menu', async () => {
    expect(await open('both')).toEqual({ note: undefined, accountShown: true });
  });

  it('holds when only a click opens it, with a note saying hovering opens nothing', async () => {
    expect(await open('click')).toEqual({
      note: 'Hovering over the profile name “Sam” opens nothing; a click does.',
      accountShown: true,
    });
  });

  it('holds when only hovering opens it (a click closes it), with a note, and the menu open again', async () => {
    expect(await open('hover')).toEqual({
      note: 'Clicking the profile name “Sam” opens nothing (or closes the menu again); hovering does.',
      accountShown: true,
    });
  }, 20_000);

  it('drifts when neither opens it', async () => {
    await page.setContent(menuPage('nothing'));
    const thrown = await new SiteHeader(page).openProfileMenuByHoverOrClick('Sam').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(GuideDrift);
    expect((thrown as GuideDrift).kind).toBe('missing');
  }, 30_000);
});
