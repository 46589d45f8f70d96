import { Router, type Response } from 'express';
import { html } from '../site/html.ts';
import { guards, type ClassicContext, type MemberVisit } from './context.ts';
import { chooseProfileForm, readForm } from './forms.ts';
import { problem, tokenField } from './layout.ts';
import { WORDS } from './wording.ts';

/** `/profiles/select`: "Who's watching?", one form whose buttons are the profiles' names. */
export function profilePages(context: ClassicContext): Router {
  const router = Router();
  const { accounts } = context;
  const { member, genuineForm } = guards(context);
  const { bareHeader, page } = context.markup;

  const show = (res: Response, visit: MemberVisit, refusal?: string) =>
    page(res, {
      status: refusal ? 422 : 200,
      title: "Who's watching?",
      header: bareHeader,
      main: html`<section class="gate">
        <h1>Who's watching?</h1>
        ${problem(refusal)}
        <form method="post" action="/profiles/select">
          ${tokenField(visit)}
          ${visit.account.profiles.map((p) => html`<button type="submit" name="profile" value="${p.id}">${p.name}</button>`)}
        </form>
      </section>`,
    });

  router.get('/profiles/select', (req, res) => {
    const visit = member(req, res);
    if (visit) show(res, visit);
  });

  router.post('/profiles/select', (req, res) => {
    const visit = member(req, res);
    if (!visit) return;
    const fields = genuineForm(req, res, visit);
    if (!fields) return;
    const form = readForm(fields, chooseProfileForm);
    if (!form.ok || !accounts.chooseProfile(visit.session.id, form.data.profile)) {
      return show(res, visit, WORDS.noSuchProfile);
    }
    res.redirect(303, '/home');
  });

  return router;
}
