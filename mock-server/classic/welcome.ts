import { Router } from 'express';
import { html } from '../site/html.ts';
import { guards, type ClassicContext } from './context.ts';
import type { ClassicVisit } from './session.ts';
import { tokenField } from './layout.ts';
import { BRAND } from './wording.ts';

/** The cookie that remembers the cookie banner was accepted. */
export const CONSENT_COOKIE = 'fbx_cookie_consent';

/**
 * A drifted front page's cookie banner (cookie-banner-over-sign-in): fixed over the masthead's right end, above it,
 * so a click on "Sign In" lands on the banner. "Accept" posts a plain form; no script.
 */
const consentBox = (visit: ClassicVisit) =>
  html`<aside class="consent" aria-label="Cookie consent">
    <p>This site stores cookies on your device to keep you signed in and to count visits.</p>
    <form method="post" action="/cookies/accept">
      ${tokenField(visit)}
      <button type="submit" class="btn">Accept</button>
    </form>
  </aside>`;

/** `/`, the front page with "Sign In" upper-right, and `/home`, what a chosen profile browses. */
export function welcomePages(context: ClassicContext): Router {
  const router = Router();
  const { sessions, variant } = context;
  const { withProfile, genuineForm } = guards(context);
  const { memberHeader, page, welcomeHeader } = context.markup;

  router.get('/', (req, res) => {
    const visit = sessions.visit(req, res);
    if (visit.kind === 'signed-in') return res.redirect(303, visit.session.profileId ? '/home' : '/profiles/select');
    page(res, {
      title: 'Films and series, anywhere',
      header: welcomeHeader(variant.site),
      main: html`<h1>Films and series, anywhere.</h1>
        <p>${BRAND} streams on your television, phone and laptop. One plan, five profiles.</p>
        ${variant.site.cookieBanner === 'over-sign-in' && !req.cookies?.[CONSENT_COOKIE] && consentBox(visit)}`,
    });
  });

  // "Accept" on the cookie banner: a plain form like every other, remembered in a cookie, back to the front page.
  router.post('/cookies/accept', (req, res) => {
    const visit = sessions.visit(req, res);
    if (!genuineForm(req, res, visit)) return;
    res.cookie(CONSENT_COOKIE, 'accepted', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      maxAge: 365 * 24 * 3600 * 1000,
    });
    res.redirect(303, '/');
  });

  router.get('/home', (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    const shelves = ['Continue watching', 'New this week', 'Award winners'];
    page(res, {
      title: 'Home',
      header: memberHeader(visit, visit.account, visit.profile, variant.site),
      main: html`<h1>Hello, ${visit.profile.name}</h1>
        ${shelves.map(
          (shelf, i) =>
            html`<h2 id="${i === 1 ? 'new' : `shelf-${i}`}">${shelf}</h2>
              <div class="shelf">${[1, 2, 3, 4].map(() => html`<span></span>`)}</div>`,
        )}`,
    });
  });

  return router;
}
