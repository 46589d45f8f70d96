import { Router } from 'express';
import type { SiteVariant } from '../drift/variants.ts';
import { KIDS_PROFILE_CANNOT_CHANGE_PASSWORD } from '../api/password-handlers.ts';
import { html, type Html } from './html.ts';
import { field, formError, layout, profileHeader } from './layout.ts';
import type { SiteOptions } from './pages.ts';
import { visitGuards } from './visits.ts';

export const REQUIRE_ALL_DEVICES_LABEL = 'Require all devices to sign in again with new password';

/** "Change Password", reached from the account page's text button; the guide's order of fields. */
export function passwordPage({ accounts, variant, csrfToken }: SiteOptions): Router {
  const router = Router();
  const { requireProfile } = visitGuards(accounts);

  router.get('/password', (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    res.send(
      layout({
        title: 'Change Password',
        csrfToken: csrfToken(req, res),
        header: profileHeader(visit.account, visit.profile, variant.site),
        main: html`<section class="card">
          <h1>Change Password</h1>
          ${
            visit.profile.kids
              ? html`<p class="notice" role="note">${KIDS_PROFILE_CANNOT_CHANGE_PASSWORD}</p>
                  <a class="button" href="/account">Back to Your Account</a>`
              : changePasswordForm(variant.site)
          }
        </section>`,
      }),
    );
  });

  return router;
}

const changePasswordForm = (site: SiteVariant) =>
  html`<form data-api="/api/account/password" data-method="PUT" novalidate>
    ${formError} ${field('currentPassword', 'Current password', 'password', 'current-password')}
    ${field('newPassword', 'New password', 'password', 'new-password')}
    ${site.confirmPasswordField ? field('confirmPassword', 'Confirm new password', 'password', 'new-password') : ''}
    ${site.signOutOthersBox ? signOutOthersBox : ''}
    <div class="form-actions">
      <button type="submit" class="button primary">${site.passwordSaveLabel}</button>
      <a class="button" href="/account">Cancel</a>
    </div>
  </form>`;

// Unticked by default: how-tos describe the box as opt-in, and the real default is undocumented (docs/site-rules.md).
const signOutOthersBox: Html = html`<div class="field checkbox">
  <input
    id="signOutOtherDevices"
    name="signOutOtherDevices"
    type="checkbox"
    aria-describedby="signOutOtherDevices-error"
  />
  <label for="signOutOtherDevices">${REQUIRE_ALL_DEVICES_LABEL}</label>
  <p class="field-error" id="signOutOtherDevices-error"></p>
</div>`;
