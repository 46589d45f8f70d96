import { Router } from 'express';
import { html } from '../site/html.ts';
import { guards, type ClassicContext } from './context.ts';
import { memberHeader, page, welcomeHeader } from './layout.ts';
import { BRAND } from './wording.ts';

/** `/`, the front page with "Sign In" upper-right, and `/home`, what a chosen profile browses. */
export function welcomePages(context: ClassicContext): Router {
  const router = Router();
  const { sessions, variant } = context;
  const { withProfile } = guards(context);

  router.get('/', (req, res) => {
    const visit = sessions.visit(req, res);
    if (visit.kind === 'signed-in') return res.redirect(303, visit.session.profileId ? '/home' : '/profiles/select');
    page(res, {
      title: 'Films and series, anywhere',
      header: welcomeHeader(variant.site),
      main: html`<h1>Films and series, anywhere.</h1>
        <p>${BRAND} streams on your television, phone and laptop. One plan, five profiles.</p>`,
    });
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
