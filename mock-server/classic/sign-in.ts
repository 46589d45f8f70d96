import { Router, type Response } from 'express';
import { html } from '../site/html.ts';
import { guards, type ClassicContext } from './context.ts';
import { readForm, signInForm } from './forms.ts';
import { flash, problem, tokenField } from './layout.ts';
import type { ClassicVisit } from './session.ts';
import { signInLocked, WORDS } from './wording.ts';

interface SignInView {
  email?: string;
  fields?: Record<string, string>;
  problem?: string;
  notice?: string | null;
}

/** `/signin` (a plain form posting to itself) and `POST /signout` (the form in the profile popover). */
export function signInPages(context: ClassicContext): Router {
  const router = Router();
  const { accounts, sessions, signInThrottle, variant } = context;
  const { genuineForm } = guards(context);
  const { bareHeader, input, page } = context.markup;

  const show = (res: Response, visit: ClassicVisit, view: SignInView, status = 200) =>
    page(res, {
      status,
      title: 'Sign In',
      header: bareHeader,
      main: html`<section class="sheet">
        <h1>Sign In</h1>
        ${flash(view.notice)} ${problem(view.problem)}
        <form method="post" action="/signin" novalidate>
          ${tokenField(visit)}
          ${input({
            name: 'email',
            label: 'Email address',
            type: 'email',
            autocomplete: 'username',
            value: view.email,
            message: view.fields?.email,
          })}
          ${input({
            name: 'password',
            label: 'Password',
            type: 'password',
            autocomplete: 'current-password',
            message: view.fields?.password,
          })}
          <button type="submit" class="btn">Sign In</button>
        </form>
      </section>`,
    });

  router.get('/signin', (req, res) => {
    const visit = sessions.visit(req, res);
    if (visit.kind === 'signed-in') return res.redirect(303, visit.session.profileId ? '/home' : '/profiles/select');
    show(res, visit, { notice: sessions.takeNotice(visit) });
  });

  router.post('/signin', async (req, res) => {
    const visit = sessions.visit(req, res);
    const fields = genuineForm(req, res, visit);
    if (!fields) return;
    const form = readForm(fields, signInForm);
    const typedEmail = (fields.email ?? '').slice(0, 254);
    if (!form.ok) return show(res, visit, { email: typedEmail, fields: form.fields }, 422);
    const { email, password } = form.data;
    const throttled = variant.site.throttleSignIns;
    const lockedFor = await signInThrottle.admit(email, variant.site);
    if (lockedFor) {
      res.set('Retry-After', String(lockedFor));
      return show(res, visit, { email: typedEmail, problem: signInLocked(lockedFor) }, 429);
    }
    const session = await accounts.signIn(email, password, {
      userAgent: req.get('user-agent') ?? 'unknown device',
      previousSessionId: visit.kind === 'signed-in' ? visit.session.id : undefined,
    });
    if (!session) {
      await signInThrottle.afterFailure(email, variant.site);
      const unknown = !variant.site.sameSignInFailureMessage && !accounts.hasAccountWithEmail(email);
      return show(res, visit, { email: typedEmail, problem: unknown ? WORDS.noSuchAccount : WORDS.signInFailed }, 401);
    }
    if (throttled) await signInThrottle.recordSuccess(email);
    sessions.signedIn(req, res, visit, session);
    res.redirect(303, session.profileId ? '/home' : '/profiles/select');
  });

  router.post('/signout', (req, res) => {
    const visit = sessions.visit(req, res);
    // Nobody to sign out (a session already ended elsewhere): nothing changes, so no token is needed.
    if (visit.kind !== 'signed-in') return res.redirect(303, '/');
    if (!genuineForm(req, res, visit)) return;
    sessions.signedOut(req, res, visit);
    res.redirect(303, '/');
  });

  return router;
}
