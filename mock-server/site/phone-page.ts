import { Router } from 'express';
import { countryOfPhone, DEFAULT_PHONE_COUNTRY, PHONE_COUNTRIES } from '../domain/phone.ts';
import { html } from './html.ts';
import { field, formError, layout, profileHeader } from './layout.ts';
import type { SiteOptions } from './pages.ts';
import { visitGuards } from './visits.ts';

/** A drift's colours for "Save": light grey on grey, a contrast of about 1.3:1 (WCAG asks 4.5:1). */

/**
 * "Add phone number" (or "Change phone number" once there is one), laid out as the guide describes: the phone
 * number first, the account password second, a tick box for text messages below, then "Save".
 */
export function phonePage({ accounts, variant, csrfToken }: SiteOptions): Router {
  const router = Router();
  const { requireProfile } = visitGuards(accounts);

  router.get('/phone', (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    const { phone } = visit.account;
    const title = phone ? 'Change phone number' : 'Add phone number';
    const chosenCountry = (phone && countryOfPhone(phone.e164)) ?? DEFAULT_PHONE_COUNTRY;
    const phoneFields = html`<div class="field">
      <div class="phone-row">
        <div class="field">
          <label for="country">Country</label>
          <select id="country" name="country" autocomplete="tel-country-code" aria-describedby="country-error">
            ${PHONE_COUNTRIES.map(
              (c) =>
                html`<option value="${c.code}" ${c.code === chosenCountry ? html`selected` : ''}>
                  ${c.name} (+${c.callingCode})
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          ${variant.site.phoneFieldLabelled && html`<label for="phoneNumber">Phone number</label>`}
          <input
            id="phoneNumber"
            name="phoneNumber"
            type="tel"
            inputmode="tel"
            autocomplete="tel-national"
            aria-describedby="phoneNumber-error"
          />
        </div>
      </div>
      <p class="field-error" id="country-error"></p>
      <p class="field-error" id="phoneNumber-error"></p>
    </div>`;
    const saveDisabled = variant.site.phoneSaveEnabled ? '' : html`disabled`;
    const saveClass = variant.site.phoneSaveContrast === 'low' ? 'button primary low-contrast' : 'button primary';
    const passwordField = field('password', 'Password', 'password', 'current-password');
    const textMessagesBox = html`<div class="checkbox">
      <input id="textMessages" name="textMessages" type="checkbox" ${phone?.textMessages ? html`checked` : ''} />
      <label for="textMessages">Receive text messages</label>
    </div>`;
    res.send(
      layout({
        title,
        csrfToken: csrfToken(req, res),
        header: profileHeader(visit.account, visit.profile, variant.site),
        main: html`<section class="card">
          <h1>${title}</h1>
          <p>Your phone number helps you get back into your account if you forget your password.</p>
          <form data-api="/api/account/phone" data-method="PUT" novalidate>
            ${formError}
            ${
              variant.site.phoneFormOrder === 'phone-then-password'
                ? [phoneFields, passwordField]
                : [passwordField, phoneFields]
            }
            ${variant.site.textMessagesBox && textMessagesBox}
            <div class="form-buttons">
              <button type="submit" class="${saveClass}" ${saveDisabled}>Save</button>
              <a class="button secondary" href="/account">Cancel</a>
            </div>
          </form>
        </section>`,
      }),
    );
  });

  return router;
}
