import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { html } from '../site/html.ts';
import { guards, refusedPage, type ClassicContext, type ProfileVisit } from './context.ts';
import { readForm } from './forms.ts';
import { tokenField } from './layout.ts';
import { TOKEN_FIELD } from './session.ts';
import { BRAND, WORDS } from './wording.ts';

/** The SETTINGS section's "Sign out of all devices" leads here. */
export const SIGN_OUT_EVERYWHERE_PATH = '/member/settings/devices/sign-out';

/** The confirming form carries its token and nothing else. */
const confirmForm = z.strictObject({ [TOKEN_FIELD]: z.string() }, { error: WORDS.unexpectedField });

/**
 * "Sign out of all devices": a page that says what will happen and asks for "Sign Out" (a plain form with the
 * synchronizer token); nothing changes until it is sent. "Back to Account settings" goes back.
 */
export function signOutEverywherePage(context: ClassicContext): Router {
  const router = Router();
  const { accounts, sessions, variant } = context;
  const { withProfile, genuineForm } = guards(context);
  const { memberHeader, page } = context.markup;

  router.get(SIGN_OUT_EVERYWHERE_PATH, (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    // A drifted site (sign-out-all-unconfirmed) acts as soon as the link is followed.
    if (!variant.site.signOutAllDevicesConfirmation) return signOut(req, res, visit);
    page(res, {
      title: 'Sign out of all devices',
      header: memberHeader(visit, visit.account, visit.profile, variant.site),
      main: html`<section class="sheet">
        <h1>Sign out of all devices?</h1>
        <p>
          Every phone, TV, games console and other browser signed in to this ${BRAND} account will be signed out, and
          will need the password to sign in again.
        </p>
        <p>This browser will stay signed in.</p>
        <form method="post" action="${SIGN_OUT_EVERYWHERE_PATH}">
          ${tokenField(visit)}
          <p>
            <button type="submit" class="btn">Sign Out</button>
            <a class="plain-btn" href="/member/settings">Back to Account settings</a>
          </p>
        </form>
      </section>`,
    });
  });

  router.post(SIGN_OUT_EVERYWHERE_PATH, (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    const fields = genuineForm(req, res, visit);
    if (!fields) return;
    const form = readForm(fields, confirmForm);
    if (!form.ok) return refusedPage(context.markup, res, 400, Object.values(form.fields)[0] ?? WORDS.fieldOnce);
    signOut(req, res, visit);
  });

  function signOut(req: Request, res: Response, visit: ProfileVisit) {
    const result = accounts.signOutOfAllDevices(visit.session.id);
    if (result.ok && result.session) {
      sessions.renewed(req, res, visit, result.session, WORDS.signingOutOtherDevices);
      return res.redirect(303, '/member/settings');
    }
    sessions.signedOut(req, res, visit);
    res.redirect(303, '/signin');
  }

  return router;
}
