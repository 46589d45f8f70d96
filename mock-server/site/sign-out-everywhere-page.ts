import { Router, type Request, type Response } from 'express';
import { SESSION_COOKIE } from '../api/http.ts';
import { SIGNED_OUT_EVERYWHERE_REDIRECT } from '../api/devices-handlers.ts';
import { html } from './html.ts';
import { BRAND, formError, layout, profileHeader } from './layout.ts';
import type { SiteOptions } from './pages.ts';
import { visitGuards, type ProfileVisit } from './visits.ts';

/** The account page's SETTINGS link leads here. */
export const SIGN_OUT_EVERYWHERE_PATH = '/account/devices/sign-out';

/**
 * "Sign out of all devices": a page that says what will happen, and changes nothing until "Sign Out" is clicked
 * (a form sent with the CSRF token to the API); "Cancel" goes back to the account page.
 */
export function signOutEverywherePage({ accounts, variant, csrfToken }: SiteOptions): Router {
  const router = Router();
  const { requireProfile } = visitGuards(accounts);

  router.get(SIGN_OUT_EVERYWHERE_PATH, (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    // A drifted site (sign-out-all-unconfirmed) acts as soon as the link is followed.
    if (!variant.site.signOutAllDevicesConfirmation) return signOutAtOnce(req, res, visit);
    res.send(
      layout({
        title: 'Sign out of all devices',
        csrfToken: csrfToken(req, res),
        header: profileHeader(visit.account, visit.profile, variant.site),
        main: html`<section class="card">
          <h1>Sign out of all devices</h1>
          <p>
            Every other device signed in to your ${BRAND} account will be signed out: other browsers, phones, TVs and
            game consoles. Anyone watching there will have to sign in again with your password.
          </p>
          <p>You stay signed in on this browser.</p>
          <form data-api="/api/account/devices/sign-out" data-method="POST" novalidate>
            ${formError}
            <div class="form-actions">
              <button type="submit" class="button primary">Sign Out</button>
              <a class="button" href="/account">Cancel</a>
            </div>
          </form>
        </section>`,
      }),
    );
  });

  function signOutAtOnce(req: Request, res: Response, visit: ProfileVisit) {
    const result = accounts.signOutOfAllDevices(visit.session.id);
    if (result.ok && result.session) {
      res.cookie(SESSION_COOKIE, result.session.id, {
        path: '/',
        httpOnly: variant.site.sessionCookieHttpOnly,
        sameSite: 'lax',
        secure: req.secure,
      });
    }
    res.redirect(SIGNED_OUT_EVERYWHERE_REDIRECT);
  }

  return router;
}
