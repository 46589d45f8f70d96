import express, { Router, type ErrorRequestHandler } from 'express';
import type { ApiContext } from '../api/context.ts';
import { COMPONENTS_MARKUP, MASTHEAD_SCRIPT, MASTHEAD_SCRIPT_PATH } from './components.ts';
import { refusedPage, type ClassicContext } from './context.ts';
import { CLASSIC_MARKUP, type Markup } from './layout.ts';
import { passwordPage } from './password.ts';
import { phonePage } from './phone.ts';
import { profilePages } from './profiles.ts';
import { ClassicSessions } from './session.ts';
import { settingsPage } from './settings.ts';
import { signInPages } from './sign-in.ts';
import { signOutEverywherePage } from './sign-out-everywhere.ts';
import { welcomePages } from './welcome.ts';

/**
 * The classic rendition (MOCK_SITE=classic): the same account rules and data as the first rendition, built the way
 * another team would build it from the guide: pages rendered on the server, plain HTML forms that post to their own
 * path and answer with a 303, no client script, a synchronizer CSRF token, its own paths, markup and wording.
 */
export function classicSite(
  api: ApiContext,
  { bodyLimitBytes, markup = 'classic' }: { bodyLimitBytes: number; markup?: 'classic' | 'components' },
): Router {
  const written: Markup = markup === 'components' ? COMPONENTS_MARKUP : CLASSIC_MARKUP;
  const context: ClassicContext = { ...api, sessions: new ClassicSessions(api.accounts, api.variant), markup: written };
  const router = Router();
  if (markup === 'components') {
    router.get(MASTHEAD_SCRIPT_PATH, (_req, res) => {
      res.type('text/javascript').send(MASTHEAD_SCRIPT);
    });
  }
  // helmet's default, no-referrer, makes a browser send "Origin: null" with every form POST, even to its own site,
  // which leaves the Origin check nothing to compare: same-origin still sends no referrer to other sites.
  router.use((_req, res, next) => {
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  router.use(express.urlencoded({ extended: false, limit: bodyLimitBytes, parameterLimit: 50 }));
  router.use(welcomePages(context));
  router.use(signInPages(context));
  router.use(profilePages(context));
  router.use(settingsPage(context));
  router.use(passwordPage(context));
  router.use(phonePage(context));
  router.use(signOutEverywherePage(context));
  router.use(bodyRefused(written));
  return router;
}

/** A body the parser refuses (too large, too many fields, an unknown charset) is a 4xx page, never a 500. */
const bodyRefused =
  (markup: Markup): ErrorRequestHandler =>
  (error: unknown, _req, res, next) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
    if (!(status >= 400 && status < 500)) return next(error);
    const message =
      status === 413
        ? 'This form is larger than any form of this site. Go back and try again.'
        : 'This form could not be read. Go back, reload the page and try again.';
    refusedPage(markup, res, status, message);
  };
