import { Router, type Response } from 'express';
import { countryOfPhone, DEFAULT_PHONE_COUNTRY, PHONE_COUNTRIES } from '../domain/phone.ts';
import { html } from '../site/html.ts';
import { guards, type ClassicContext, type ProfileVisit } from './context.ts';
import { phoneForm, readForm } from './forms.ts';
import { noteId, problem, tokenField } from './layout.ts';
import { WORDS, tooManyWrongPasswords } from './wording.ts';

interface PhoneView {
  status?: number;
  country?: string;
  number?: string;
  texts?: boolean;
  problem?: string;
  fields?: Record<string, string>;
}

/** `/member/settings/phone`: the number (with its country) first, the password second, the tick box below. */
export function phonePage(context: ClassicContext): Router {
  const router = Router();
  const { accounts, sessions, variant } = context;
  const { withProfile, genuineForm } = guards(context);
  const { fieldLabel, input, memberHeader, page, tickBox } = context.markup;
  const country = fieldLabel('in-country', 'Country');

  const show = (res: Response, visit: ProfileVisit, view: PhoneView = {}) => {
    const site = variant.site;
    const stored = visit.account.phone;
    const title = stored ? 'Change phone number' : site.addPhoneLabel;
    const chosen = view.country ?? (stored && countryOfPhone(stored.e164)) ?? DEFAULT_PHONE_COUNTRY;
    const fields = view.fields ?? {};
    const countryNote = fields.country;
    const numberField = html`<p class="row">
        ${country.label}
        <select
          id="in-country"
          ${country.tie}
          name="country"
          autocomplete="tel-country-code"
          ${countryNote ? html`aria-invalid="true" aria-describedby="${noteId('country')}"` : ''}
        >
          ${PHONE_COUNTRIES.map(
            (c) =>
              html`<option value="${c.code}" ${c.code === chosen ? html`selected` : ''}>
                ${c.name} (+${c.callingCode})
              </option>`,
          )}
        </select>
        ${countryNote ? html`<span class="why" id="${noteId('country')}">${countryNote}</span>` : ''}
      </p>
      ${input({
        name: 'number',
        label: site.phoneFieldLabelled ? 'Phone number' : undefined,
        type: 'tel',
        autocomplete: 'tel-national',
        value: view.number,
        message: fields.number,
      })}`;
    const passwordField = input({
      name: 'password',
      label: 'Password',
      type: 'password',
      autocomplete: 'current-password',
      message: fields.password,
    });
    const saveClass = site.phoneSaveContrast === 'low' ? 'btn low-contrast' : 'btn';
    const saveDisabled = site.phoneSaveEnabled ? '' : 'disabled';
    page(res, {
      status: view.status ?? 200,
      title,
      header: memberHeader(visit, visit.account, visit.profile, site),
      main: html`<section class="sheet">
        <h1>${title}</h1>
        ${problem(view.problem)}
        <form method="post" action="/member/settings/phone" novalidate>
          ${tokenField(visit)}
          ${site.phoneFormOrder === 'phone-then-password' ? [numberField, passwordField] : [passwordField, numberField]}
          ${
            site.textMessagesBox &&
            tickBox({ name: 'texts', label: WORDS.textMessagesLabel, checked: view.texts ?? !!stored?.textMessages })
          }
          <p>
            <button type="submit" class="${saveClass}" ${saveDisabled}>Save</button>
            <a class="plain-btn" href="/member/settings">Cancel</a>
          </p>
        </form>
      </section>`,
    });
  };

  router.get('/member/settings/phone', (req, res) => {
    const visit = withProfile(req, res);
    if (visit) show(res, visit);
  });

  router.post('/member/settings/phone', async (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    const fields = genuineForm(req, res, visit);
    if (!fields) return;
    const site = variant.site;
    const typed = {
      country: (fields.country ?? '').slice(0, 8),
      number: (fields.number ?? '').slice(0, 64),
      texts: site.textMessagesBox && fields.texts !== undefined,
    };
    const form = readForm(
      {
        country: fields.country,
        number: fields.number,
        password: fields.password,
        texts: typed.texts ? 'yes' : undefined,
      },
      phoneForm({ validate: site.validatePhone }),
    );
    if (!form.ok) return show(res, visit, { ...typed, status: 422, problem: WORDS.phoneNotSaved, fields: form.fields });
    const { e164, password, textMessages } = form.data;
    const result = await accounts.changePhoneForSession(visit.session.id, password, { e164, textMessages });
    if (!result.ok && result.refusal === 'wrong-password') {
      return show(res, visit, {
        ...typed,
        status: 422,
        problem: WORDS.phoneNotSaved,
        fields: { password: WORDS.phoneWrongPassword },
      });
    }
    if (!result.ok && result.refusal === 'too-many-attempts') {
      res.set('Retry-After', String(result.retryAfterSeconds ?? 900));
      return show(res, visit, {
        ...typed,
        status: 429,
        problem: tooManyWrongPasswords(result.retryAfterSeconds ?? 900),
      });
    }
    // Signed out or the password changed meanwhile: the sign-in page says why.
    if (!result.ok) return res.redirect(303, '/signin');
    sessions.notify(visit, WORDS.phoneSaved);
    res.redirect(303, '/member/settings');
  });

  return router;
}
