import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse as parseCookies } from 'cookie';
import { doubleCsrf } from 'csrf-csrf';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { siteHandlers, testControlHandlers } from './api/handlers.ts';
import { classicSite } from './classic/index.ts';
import { SESSION_COOKIE } from './api/http.ts';
import { AccountService, type SessionLifetime } from './domain/account-service.ts';
import { CLASSIC_STYLE_HASH } from './classic/layout.ts';
import { COMPONENTS_STYLE_HASH } from './classic/components.ts';
import { SiteVariantSetting } from './drift/variants.ts';
import { SignInThrottle, type ThrottlePolicy } from './domain/sign-in-throttle.ts';
import { mswMiddleware, PayloadTooLargeError } from './msw-adapter.ts';
import { sitePages } from './site/pages.ts';
import { passwordPage } from './site/password-page.ts';
import { signOutEverywherePage } from './site/sign-out-everywhere-page.ts';
import { phonePage } from './site/phone-page.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { Store } from './store/store.ts';

/** The bundled site's renditions: the first (scripted forms and a JSON API), "classic" (plain forms), "components". */
import { SITE_RENDITIONS, type SiteRendition } from './renditions.ts';

export { SITE_RENDITIONS, type SiteRendition };

export interface AppOptions {
  /** Serves the test-control API under /__test/. Never on for a real deployment. */
  testMode: boolean;
  store?: Store;
  /** A drift variant's name (mock-server/drift/variants.ts); none for the site as the guide describes it. */
  drift?: string | null | undefined;
  /** How many failed sign-ins lock an email, and for how long (default: SIGN_IN_THROTTLE). */
  signInThrottle?: ThrottlePolicy;
  /** Which rendition of the site to serve (default: the first, "flickbox"). */
  site?: SiteRendition | undefined;
  /** The time now, for sessions' lifetimes (tests move it instead of waiting); the store given should share it. */
  now?: () => Date;
  /** How long a session works (default: SESSION_LIFETIME, decision 6). */
  sessionLifetime?: SessionLifetime;
}

/** Bodies of the site's forms are a few hundred bytes; anything near this cap is not a person typing. */
export const BODY_LIMIT_BYTES = 16 * 1024;

export function createApp({
  testMode,
  now = () => new Date(),
  store = new MemoryStore({ now }),
  drift = null,
  signInThrottle,
  site = 'flickbox',
  sessionLifetime,
}: AppOptions) {
  if (!SITE_RENDITIONS.includes(site)) {
    throw new UnknownSiteError(`No site rendition "${String(site)}"; known: ${SITE_RENDITIONS.join(', ')}.`);
  }
  const variant = new SiteVariantSetting(drift);
  const accounts = new AccountService(store, variant, undefined, now, sessionLifetime);
  const context = { accounts, variant, signInThrottle: new SignInThrottle(signInThrottle) };
  const csrfSecret = randomBytes(32).toString('hex');
  const csrf = doubleCsrf({
    getSecret: () => csrfSecret,
    // A token is good for one live session only: once it ends (signed out, expired, password changed) the tokens
    // issued to it fail, whatever cookie the browser still sends. Before sign-in, one pre-session value.
    getSessionIdentifier: (req) => csrfSessionIdentifier(accounts, req.cookies?.[SESSION_COOKIE]),
    cookieName: 'csrf',
    cookieOptions: { sameSite: 'lax', httpOnly: true, secure: false, path: '/' },
    getCsrfTokenFromRequest: (req) => req.get('x-csrf-token'),
  });
  const csrfToken = (req: Request, res: Response) =>
    csrf.generateCsrfToken(req, res, { cookieOptions: { secure: req.secure } });

  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Loopback http must keep working, so no upgrade of requests to https.
          upgradeInsecureRequests: null,
          // No 'unsafe-inline' (helmet's default allows it): style sheets of the site's own, and the classic
          // rendition's one inline sheet by its hash. No page carries a style attribute.
          styleSrc: [
            "'self'",
            ...(site === 'classic' ? [CLASSIC_STYLE_HASH] : []),
            ...(site === 'components' ? [CLASSIC_STYLE_HASH, COMPONENTS_STYLE_HASH] : []),
          ],
        },
      },
      // Sent only over https (below): over http a browser ignores it, and it tells of a promise not kept.
      strictTransportSecurity: false,
    }),
  );
  const hsts = helmet.strictTransportSecurity();
  app.use((req, res, next) => {
    if (req.secure) hsts(req, res, next);
    else next();
  });
  app.use(onlyKnownMethods);
  // Not cookie-parser: it turns `j:…` values into JSON (objects, arrays, numbers) and `s:…` into signed ones, which
  // no cookie of this site is, and the CSRF check then fails on a non-string. Pages and API read cookies alike.
  app.use((req, _res, next) => {
    req.cookies = parseCookies(req.headers.cookie ?? '');
    next();
  });

  // Pages and answers show account data and carry a CSRF token: never kept by the browser, so the Back button
  // asks the site again and a signed-out device lands on sign-in (ASVS 5.0 7.4.3).
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  if (testMode) {
    app.use('/__test', mswMiddleware(testControlHandlers(context), { bodyLimitBytes: BODY_LIMIT_BYTES }));
    app.use('/__test', unmatchedApiRequest);
  }
  if (site === 'classic' || site === 'components') {
    app.use(classicSite(context, { bodyLimitBytes: BODY_LIMIT_BYTES, markup: site }));
  } else {
    app.use('/assets', express.static(fileURLToPath(new URL('./site/assets/', import.meta.url)), { maxAge: '1h' }));
    app.use('/api', (req, res, next) => {
      if (variant.site.checkCsrfToken) csrf.doubleCsrfProtection(req, res, next);
      else next();
    });
    app.use('/api', mswMiddleware(siteHandlers(context), { bodyLimitBytes: BODY_LIMIT_BYTES }));
    app.use('/api', unmatchedApiRequest);
    app.use(sitePages({ accounts, variant, csrfToken }));
    app.use(passwordPage({ accounts, variant, csrfToken }));
    app.use(phonePage({ accounts, variant, csrfToken }));
    app.use(signOutEverywherePage({ accounts, variant, csrfToken }));
  }
  app.use((req, res) => {
    res.status(404).type('text/plain').send(`Page not found: ${req.path}`);
  });
  app.use(errorHandler);

  return { app, accounts, variant, site };
}

/** What the site and its APIs answer; fetch cannot even carry TRACE, TRACK or CONNECT to the MSW handlers. */
const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

function onlyKnownMethods(req: Request, res: Response, next: NextFunction) {
  if (KNOWN_METHODS.includes(req.method)) {
    next();
    return;
  }
  res
    .status(405)
    .set('Allow', KNOWN_METHODS.join(', '))
    .json({ error: `This site does not answer the method ${req.method}.` });
}

export class UnknownSiteError extends Error {}

/** The session a CSRF token is bound to: the live session's id, or one value for every browser not signed in. */
export function csrfSessionIdentifier(accounts: AccountService, sessionId: string | undefined): string {
  const visit = accounts.currentVisit(sessionId);
  return visit.kind === 'signed-in' ? `session:${visit.session.id}` : 'pre-session';
}

function unmatchedApiRequest(req: Request, res: Response) {
  res.status(404).json({ error: `No API endpoint answers ${req.method} ${req.baseUrl}${req.path}.` });
}

const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof PayloadTooLargeError) {
    res.status(413).json({ error: `The request body is larger than ${BODY_LIMIT_BYTES} bytes.` });
    return;
  }
  if (isHttpError(error) && error.code === 'EBADCSRFTOKEN') {
    res
      .status(403)
      .json({ error: 'This form has expired or did not come from this site. Reload the page and try again.' });
    return;
  }
  // A 500 means a defect in the mock itself; log only the route, never bodies (they hold passwords) nor queries
  // (a message may quote the URL it failed on).
  const message = error instanceof Error ? error.message : String(error);
  console.error(`mock-server: ${req.method} ${req.path} failed: ${message.replace(/\?\S*/g, '?…').slice(0, 300)}`);
  res.status(500).json({ error: 'Something went wrong on our side.' });
};

function isHttpError(error: unknown): error is { code?: string } {
  return typeof error === 'object' && error !== null && 'code' in error;
}
