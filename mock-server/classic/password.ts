import { Router, type Response } from 'express';
import type { PasswordChangeRefusal } from '../domain/account-service.ts';
import { html } from '../site/html.ts';
import { guards, type ClassicContext, type ProfileVisit } from './context.ts';
import { changePasswordForm, readForm } from './forms.ts';
import { problem, tokenField } from './layout.ts';
import { tooManyWrongPasswords, WORDS } from './wording.ts';

export const REQUIRE_ALL_DEVICES = 'Require all devices to sign in again with new password';

interface Refusal {
  status: number;
  problem?: string;
  fields?: Record<string, string>;
}

const REFUSALS: Record<PasswordChangeRefusal, Refusal> = {
  'not-signed-in': { status: 401, problem: WORDS.signInFirst },
  'no-profile': { status: 403, problem: WORDS.noSuchProfile },
  'kids-profile': { status: 403, problem: `${WORDS.kidsNote} ${WORDS.kidsHint}` },
  'wrong-current-password': {
    status: 422,
    problem: WORDS.passwordNotChanged,
    fields: { current_password: WORDS.currentPasswordWrong },
  },
  'same-as-current': {
    status: 422,
    problem: WORDS.passwordNotChanged,
    fields: { new_password: WORDS.newPasswordSame },
  },
  'new-password-length': {
    status: 422,
    problem: WORDS.passwordNotChanged,
    fields: { new_password: WORDS.newPasswordLength },
  },
  conflict: { status: 409, problem: WORDS.passwordConflict },
  'too-many-attempts': { status: 429, problem: tooManyWrongPasswords(15 * 60) },
};

/** `/member/settings/password`: the guide's three fields in its order, "Require all devices…", "Save". */
export function passwordPage(context: ClassicContext): Router {
  const router = Router();
  const { accounts, sessions, variant } = context;
  const { withProfile, genuineForm } = guards(context);
  const { input, memberHeader, page, tickBox } = context.markup;

  const show = (res: Response, visit: ProfileVisit, refusal?: Refusal) => {
    const site = variant.site;
    const fields = refusal?.fields ?? {};
    page(res, {
      status: refusal?.status ?? 200,
      title: 'Change Password',
      header: memberHeader(visit, visit.account, visit.profile, site),
      main: html`<section class="sheet">
        <h1>Change Password</h1>
        ${
          visit.profile.kids
            ? html`${problem(`${WORDS.kidsNote} ${WORDS.kidsHint}`)}
                <p><a href="/member/settings">Back to Account settings</a></p>`
            : html`${problem(refusal?.problem)}
                <form method="post" action="/member/settings/password" novalidate>
                  ${tokenField(visit)}
                  ${input({
                    name: 'current_password',
                    label: 'Current password',
                    type: 'password',
                    autocomplete: 'current-password',
                    message: fields.current_password,
                  })}
                  ${input({
                    name: 'new_password',
                    label: 'New password',
                    type: 'password',
                    autocomplete: 'new-password',
                    message: fields.new_password,
                  })}
                  ${
                    site.confirmPasswordField &&
                    input({
                      name: 'new_password_again',
                      label: 'Confirm new password',
                      type: 'password',
                      autocomplete: 'new-password',
                      message: fields.new_password_again,
                    })
                  }
                  ${site.signOutOthersBox && tickBox({ name: 'sign_out_everywhere', label: REQUIRE_ALL_DEVICES, checked: false })}
                  <p>
                    <button type="submit" class="btn">${site.passwordSaveLabel}</button>
                    <a class="plain-btn" href="/member/settings">Cancel</a>
                  </p>
                </form>`
        }
      </section>`,
    });
  };

  router.get('/member/settings/password', (req, res) => {
    const visit = withProfile(req, res);
    if (visit) show(res, visit);
  });

  router.post('/member/settings/password', async (req, res) => {
    const visit = withProfile(req, res);
    if (!visit) return;
    const fields = genuineForm(req, res, visit);
    if (!fields) return;
    if (visit.profile.kids) return show(res, visit, REFUSALS['kids-profile']);
    const site = variant.site;
    const form = readForm(fields, changePasswordForm({ confirmField: site.confirmPasswordField }));
    if (!form.ok) return show(res, visit, { status: 422, problem: WORDS.passwordNotChanged, fields: form.fields });
    const { currentPassword, newPassword } = form.data;
    const result = await accounts.changePassword(visit.session.id, {
      currentPassword,
      newPassword,
      signOutOtherDevices: site.signOutOthersBox && form.data.signOutOtherDevices,
    });
    if (!result.ok) return show(res, visit, REFUSALS[result.refusal]);
    sessions.renewed(req, res, visit, result.session, WORDS.passwordUpdated);
    res.redirect(303, '/member/settings');
  });

  return router;
}
