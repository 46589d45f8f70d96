import { describe, expect, it } from 'vitest';
import {
  alertOf,
  CLASSIC_COOKIE,
  ClassicBrowser,
  classicEmail,
  decode,
  describedBy,
  startClassic,
  classicSiteForThisFile,
  CLASSIC_PASSWORD,
  tokenOf,
} from '../support/classic-browser.ts';

const classic = classicSiteForThisFile();
const PASSWORD = CLASSIC_PASSWORD;
const newAccount = (label: string) =>
  classic.control.createAccount({
    email: classicEmail(label),
    password: PASSWORD,
    profiles: [
      { name: 'Alex', kids: false },
      { name: 'Sam', kids: false },
    ],
  });

describe('the classic rendition: home and sign-in', () => {
  it('serves pages without any script, no-store, with "Sign In" in the header linking to /signin', async () => {
    const response = await fetch(`${classic.site.url}/`);
    const html = await response.text();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBeTruthy(); // helmet stays on
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<header class="masthead">.*<a class="corner-link" href="\/signin">Sign In<\/a><\/header>/);
    expect((await fetch(`${classic.site.url}/api/session`, { method: 'POST' })).status).toBe(404);
  });

  it('signs in with a plain POST answered by a 303, rotating the HttpOnly SameSite=Lax session cookie', async () => {
    const account = await newAccount('sign-in');
    const browser = new ClassicBrowser(classic.site.url);
    await browser.get('/signin');
    const preSession = browser.cookie();
    expect(preSession).toBeTruthy();

    const answer = await browser.signIn(account.email, PASSWORD);

    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/profiles/select');
    const [setCookie] = answer.setCookies;
    expect(setCookie).toMatch(new RegExp(`^${CLASSIC_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(browser.cookie()).not.toBe(preSession);
    expect((await classic.control.activeSessions(account.id)).map((s) => s.id)).toEqual([browser.cookie()]);
  });

  it('gives two browsers two sessions, and asks "Who\'s watching?" with one button per profile', async () => {
    const account = await newAccount('two');
    const a = new ClassicBrowser(classic.site.url, 'browser A');
    const b = new ClassicBrowser(classic.site.url, 'browser B');
    await a.signIn(account.email, PASSWORD);
    await b.signIn(account.email, PASSWORD);
    const sessions = await classic.control.activeSessions(account.id);
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['browser A', 'browser B']);

    const gate = await a.get('/profiles/select');
    expect(gate.html).toContain("<h1>Who's watching?</h1>");
    expect(gate.html).toMatch(/<button type="submit" name="profile" value="[^"]+">Alex<\/button>/);
    const chosen = await a.chooseProfile(account.profiles[0]!.id);
    expect(chosen).toMatchObject({ status: 303, location: '/home' });
  });

  it('shows the chosen profile as a native popover of plain links, with "Sign out" a POST form', async () => {
    const account = await newAccount('popover');
    const browser = new ClassicBrowser(classic.site.url);
    await browser.signIn(account.email, PASSWORD);
    await browser.chooseProfile(account.profiles[0]!.id);
    const { html } = await browser.get('/home');
    expect(html).toMatch(/<button type="button" class="who-button" popovertarget="who-menu">Alex<\/button>/);
    expect(html).toMatch(/<div id="who-menu" class="who-menu" popover>/);
    expect(html).toContain('<a href="/member/settings">Your Account</a>');
    expect(html).toContain('<a href="/profiles/select">Sam</a>');
    expect(html).toMatch(/<form method="post" action="\/signout">[\s\S]*<button type="submit">Sign out<\/button>/);
    expect(html).not.toMatch(/aria-haspopup|role="menu|role="menuitem/);

    const signOut = await browser.post('/signout', new URLSearchParams({ authenticity_token: tokenOf(html) }));
    expect(signOut).toMatchObject({ status: 303, location: '/' });
    expect(await classic.control.activeSessions(account.id)).toEqual([]);
  });

  it('refuses a wrong password or an unknown email in the same words above the form, signing nobody in', async () => {
    const account = await newAccount('refused');
    const browser = new ClassicBrowser(classic.site.url);
    const wrong = await browser.signIn(account.email, 'wrong-password-1');
    const unknown = await browser.signIn(classicEmail('nobody'), 'wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(decode(alertOf(wrong.html))).toBe(
      'We couldn’t sign you in with that email and password. Check both and try again.',
    );
    expect(alertOf(unknown.html)).toBe(alertOf(wrong.html));
    expect(wrong.html.indexOf('role="alert"')).toBeLessThan(wrong.html.indexOf('<form'));
    expect(await classic.control.activeSessions(account.id)).toEqual([]);
  });

  it('ties each field message to its field with aria-describedby, ids of its own', async () => {
    const browser = new ClassicBrowser(classic.site.url);
    const empty = await browser.signIn('', '');
    expect(empty.status).toBe(422);
    expect(describedBy(empty.html, 'email')).toBe('Type the email address of your account.');
    expect(describedBy(empty.html, 'password')).toBe('Type your password.');
    expect(empty.html).toContain('aria-describedby="note-for-email"');
    expect(empty.html).not.toContain('email-error');

    const malformed = await browser.signIn('not-an-email', 'abc');
    expect(decode(describedBy(malformed.html, 'email'))).toBe(
      'That doesn’t look like an email address (name@example.com).',
    );
    expect(describedBy(malformed.html, 'password')).toBe('A password has 4 to 60 characters.');
    expect(malformed.html).toContain('value="not-an-email"');
  });

  it('after 5 failures locks the email, even for the right password, with its own notice', async () => {
    const account = await newAccount('lock');
    const browser = new ClassicBrowser(classic.site.url);
    for (let i = 0; i < 5; i++) expect((await browser.signIn(account.email, 'wrong-password-1')).status).toBe(401);
    const locked = await browser.signIn(account.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(alertOf(locked.html)).toBe(
      'Sign-in for this email is paused after too many failed attempts. Try again in 15 minutes.',
    );
    expect(await classic.control.activeSessions(account.id)).toEqual([]);
  });
});

describe('the classic rendition honours the drift settings', () => {
  it('your-account-renamed: the popover says "Account"', async () => {
    const { site: drifted, control: driftedControl } = await startClassic({ drift: 'your-account-renamed' });
    try {
      const account = await driftedControl.createAccount({
        email: classicEmail('drift'),
        password: PASSWORD,
        profiles: [{ name: 'Alex', kids: false }],
      });
      const browser = new ClassicBrowser(drifted.url);
      await browser.signIn(account.email, PASSWORD);
      await browser.chooseProfile(account.profiles[0]!.id);
      const { html } = await browser.get('/home');
      expect(html).toContain('<a href="/member/settings">Account</a>');
      expect(html).not.toContain('Your Account');
    } finally {
      await drifted.close();
    }
  });

  it('sign-in-lower-left, profile-gate-skipped and sign-in-reveals-unknown-email change the pages', async () => {
    const account = await newAccount('drifts');
    try {
      await classic.control.useDrift('sign-in-lower-left');
      expect((await new ClassicBrowser(classic.site.url).get('/')).html).toMatch(
        /<div class="dock"><a class="corner-link" href="\/signin">/,
      );
      await classic.control.useDrift('profile-gate-skipped');
      expect(await new ClassicBrowser(classic.site.url).signIn(account.email, PASSWORD)).toMatchObject({
        location: '/home',
      });
      await classic.control.useDrift('sign-in-reveals-unknown-email');
      const unknown = await new ClassicBrowser(classic.site.url).signIn(classicEmail('none'), PASSWORD);
      expect(alertOf(unknown.html)).toBe('There is no Flickbox account for that email address.');
    } finally {
      await classic.control.useDrift(null);
    }
  });
});
