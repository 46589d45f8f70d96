import { Router } from 'express';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { html } from '../site/html.ts';
import { guards, type ClassicContext } from './context.ts';
import { flash } from './layout.ts';
import { SIGN_OUT_EVERYWHERE_PATH } from './sign-out-everywhere.ts';
import { WORDS } from './wording.ts';

/**
 * This rendition's way of hiding a stored number: the calling code and the last two digits stay, every other
 * digit is a dot ("+1 ••• ••• ••23"). A number that is not E.164 (a drifted site keeps any digits) is all dots.
 */
export function hiddenPhone(e164: string): string {
  try {
    const formatted = parsePhoneNumberWithError(e164).formatInternational();
    const [code = '', ...groups] = formatted.split(' ');
    const national = groups.join(' ');
    const digits = national.replace(/\D/g, '').length;
    let seen = 0;
    return `${code} ${national.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '•'))}`;
  } catch {
    return '•'.repeat(Math.max(4, e164.length - 1));
  }
}

/** `/member/settings`: "Account settings", sections under plain headings, the text links on the right. */
export function settingsPage(context: ClassicContext): Router {
  const router = Router();
  const { sessions, variant } = context;
  const { withProfile } = guards(context);
  const { memberHeader, page } = context.markup;

  router.get('/member/settings', (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    const { account, profile } = visit;
    const site = variant.site;
    // In MEMBERSHIP & BILLING, unless a drift moved it to SETTINGS (change-password-in-settings).
    const changePassword = html`<li><a href="/member/settings/password">${site.changePasswordLabel}</a></li>`;
    page(res, {
      title: 'Account settings',
      header: memberHeader(visit, account, profile, site),
      main: html`<h1>Account settings</h1>
        ${flash(sessions.takeNotice(visit))}
        <section class="panel">
          <h2>MEMBERSHIP &amp; BILLING</h2>
          <div class="panel-body">
            <div class="facts">
              <p><strong>${account.email}</strong></p>
              <p>Password ••••••••</p>
              <p>${account.phone ? hiddenPhone(account.phone.e164) : WORDS.noPhone}</p>
              ${account.phone && html`<p>${WORDS.textMessages(account.phone.textMessages)}</p>`}
              ${profile.kids && html`<p>${WORDS.kidsNote} ${WORDS.kidsHint}</p>`}
            </div>
            <ul>
              ${!profile.kids && site.changePasswordSection === 'membership' && changePassword}
              <li>
                <a href="/member/settings/phone">${account.phone ? 'Change phone number' : site.addPhoneLabel}</a>
              </li>
            </ul>
          </div>
        </section>
        <section class="panel">
          <h2>PLAN DETAILS</h2>
          <div class="panel-body"><p>Standard with two screens at once</p></div>
        </section>
        <section class="panel">
          <h2>SETTINGS</h2>
          <div class="panel-body">
            <p>Profiles: ${account.profiles.map((p) => p.name).join(', ')}</p>
            <ul>
              <li><a href="/profiles/select">Switch profile</a></li>
              ${!profile.kids && site.changePasswordSection === 'settings' && changePassword}
              <li><a href="${SIGN_OUT_EVERYWHERE_PATH}">${site.signOutAllDevicesLabel}</a></li>
            </ul>
          </div>
        </section>`,
    });
  });

  return router;
}
