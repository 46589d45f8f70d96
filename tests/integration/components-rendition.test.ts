import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { startMockServer, type MockServer } from '../../mock-server/index.ts';
import { TestControlClient } from '../../site/test-control-client.ts';
import { ClassicBrowser, CLASSIC_PASSWORD, classicEmail } from '../support/classic-browser.ts';
import { useChromium } from '../support/chromium.ts';

// The components rendition (MOCK_SITE=components): the classic pages written as a web-components team would.
describe('the components rendition', () => {
  let site: MockServer;
  let control: TestControlClient;
  beforeAll(async () => {
    site = await startMockServer({ port: 0, testMode: true, site: 'components' });
    control = new TestControlClient(site.url);
  });
  afterAll(() => site.close());

  async function signedIn(label: string) {
    const account = await control.createAccount({
      email: classicEmail(label),
      password: CLASSIC_PASSWORD,
      profiles: [
        { name: 'Alex', kids: false },
        { name: 'Sam', kids: false },
      ],
    });
    const browser = new ClassicBrowser(site.url);
    await browser.signIn(account.email, CLASSIC_PASSWORD);
    await browser.chooseProfile(account.profiles[0]!.id);
    return browser;
  }

  it('writes its header as a custom element whose open shadow root holds "Sign In", served with its script', async () => {
    const home = await new ClassicBrowser(site.url).get('/');
    expect(home.html).toMatch(
      /<fbx-masthead>\s*<template shadowrootmode="open"\s*>[\s\S]*<a class="corner-link" href="\/signin">Sign In<\/a>/,
    );
    const src = /<script type="module" src="([^"]+)"><\/script>/.exec(home.html)?.[1];
    const script = await fetch(new URL(src!, site.url));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("customElements.define('fbx-masthead'");
  });

  it('puts the profile menu in a <details> whose <summary> shows the profile name, and its items in the disclosure', async () => {
    const page = (await (await signedIn('menu')).get('/home')).html;
    expect(page).toMatch(/<details data-opens="hover-or-click">\s*<summary>Alex<\/summary>/);
    expect(page).toMatch(/<details[\s\S]*<a href="\/member\/settings">Your Account<\/a>[\s\S]*<\/details>/);
    expect(page).not.toContain('popovertarget');
  });

  it('names its fields by aria-labelledby, never by a <label for>', async () => {
    const page = (await (await signedIn('fields')).get('/member/settings/password')).html;
    expect(page).not.toContain('<label');
    for (const [field, label] of [
      ['current_password', 'Current password'],
      ['new_password', 'New password'],
      ['new_password_again', 'Confirm new password'],
    ]) {
      const input = new RegExp(`<input[^>]*name="${field}"[^>]*>`).exec(page)?.[0] ?? '';
      const id = /aria-labelledby="([^"]+)"/.exec(input)?.[1];
      expect(new RegExp(`id="${id}">${label}<`).test(page), `${field} named “${label}”`).toBe(true);
    }
  });

  it('lets the style sheets in by their hashes only, and scripts from the site itself', async () => {
    const csp = (await fetch(site.url)).headers.get('content-security-policy') ?? '';
    const styles = /style-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(styles.match(/'sha256-/g)).toHaveLength(2);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/script-src 'self'/);
  });

  describe('in a browser', () => {
    const chromium = useChromium();
    let page: Page;
    beforeAll(async () => {
      page = await chromium.freshPage({ viewport: { width: 1280, height: 720 } });
    });

    it('attaches the open shadow root, styles it and defines the element, with nothing refused by the CSP', async () => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await page.goto(site.url);
      await page.waitForFunction(() => customElements.get('fbx-masthead') !== undefined);
      const look = await page.evaluate(() => {
        const root = document.querySelector('fbx-masthead')!.shadowRoot!;
        return getComputedStyle(root.querySelector('.bar')!).backgroundColor;
      });
      expect(look).toBe('rgb(29, 27, 24)');
      expect(refused).toEqual([]);
      await expect(page.getByRole('link', { name: 'Sign In' }).isVisible()).resolves.toBe(true);
    });

    /** The home page of a signed-in browser, the profile "Alex" chosen, the site drifted as given. */
    async function menuOn(drift: string | null) {
      await control.useDrift(drift);
      const browser = await signedIn(drift ?? 'clean');
      await page.context().addCookies([{ name: 'fbx_session', value: browser.cookie()!, url: site.url }]);
      await page.goto(`${site.url}/home`);
      await page.waitForFunction(() => customElements.get('fbx-masthead') !== undefined);
      const open = () => page.locator('details').evaluate((details) => (details as HTMLDetailsElement).open);
      return { summary: page.locator('summary'), open };
    }
    afterAll(() => control.useDrift(null));

    it('opens the menu while a mouse hovers over the name, keeps it open on a click, and closes it on Escape', async () => {
      const { summary, open } = await menuOn(null);
      await summary.hover();
      expect(await open()).toBe(true);
      await page.mouse.move(0, 700);
      expect(await open()).toBe(false);
      await summary.click();
      expect(await open()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await open()).toBe(false);
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await open()).toBe(true);
    });

    it('drifted to hover-only, a click or Enter opens nothing; drifted to never, nothing opens it', async () => {
      const hoverOnly = await menuOn('profile-menu-on-hover-only');
      await hoverOnly.summary.focus();
      await page.keyboard.press('Enter');
      expect(await hoverOnly.open()).toBe(false);
      await hoverOnly.summary.hover();
      expect(await hoverOnly.open()).toBe(true);
      await page.mouse.move(0, 700);
      const never = await menuOn('profile-menu-never-opens');
      await never.summary.hover();
      expect(await never.open()).toBe(false);
      await never.summary.click();
      expect(await never.open()).toBe(false);
      await page.keyboard.press('Enter');
      expect(await never.open()).toBe(false);
    });
  });
});
