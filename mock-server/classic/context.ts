import type { Request, Response } from 'express';
import type { ApiContext } from '../api/context.ts';
import type { Account, Profile, Session } from '../store/store.ts';
import type { ClassicSessions, ClassicVisit } from './session.ts';
import { TOKEN_FIELD } from './session.ts';
import { formFields, type FormFields } from './forms.ts';
import type { Markup } from './layout.ts';
import { html } from '../site/html.ts';
import { BRAND, WORDS } from './wording.ts';

/** What every page of the classic rendition shares: the mock's domain, and this rendition's sessions. */
export interface ClassicContext extends ApiContext {
  sessions: ClassicSessions;
  /** How the pages are written: plain markup (classic) or custom elements (components). */
  markup: Markup;
}

export type MemberVisit = ClassicVisit & { kind: 'signed-in'; session: Session; account: Account };
export type ProfileVisit = MemberVisit & { profile: Profile };

export function guards({ sessions, markup }: ClassicContext) {
  /** The signed-in visit, or a 303 to sign-in (whose page says why, if a password change ended the session). */
  function member(req: Request, res: Response): MemberVisit | null {
    const visit = sessions.visit(req, res);
    if (visit.kind === 'signed-in') return visit;
    res.redirect(303, '/signin');
    return null;
  }

  /** The visit with its chosen profile, or a 303 to "Who's watching?". */
  function withProfile(req: Request, res: Response): ProfileVisit | null {
    const visit = member(req, res);
    if (!visit) return null;
    const profile = visit.account.profiles.find((p) => p.id === visit.session.profileId);
    if (!profile) {
      res.redirect(303, '/profiles/select');
      return null;
    }
    return { ...visit, profile };
  }

  /**
   * The posted form's fields, once it is known to come from this site's own page; otherwise the answer is sent
   * (403, nothing changed) and null returned.
   */
  function genuineForm(req: Request, res: Response, visit: ClassicVisit): FormFields | null {
    const fields = formFields(req.body);
    const token = fields.ok ? fields.data[TOKEN_FIELD] : undefined;
    if (!sessions.formIsGenuine(req, visit, token)) {
      forbidden(markup, res);
      return null;
    }
    if (!fields.ok) {
      refusedPage(markup, res, 400, fields.problem ?? WORDS.fieldOnce);
      return null;
    }
    return fields.data;
  }

  return { member, withProfile, genuineForm };
}

export function forbidden(markup: Markup, res: Response) {
  refusedPage(markup, res, 403, WORDS.forbidden);
}

export function refusedPage(markup: Markup, res: Response, status: number, message: string) {
  markup.page(res, {
    status,
    title: 'Not accepted',
    header: markup.bareHeader,
    main: html`<section class="sheet">
      <h1>Not accepted</h1>
      <div class="problem" role="alert"><p>${message}</p></div>
      <p><a href="/">Back to ${BRAND}</a></p>
    </section>`,
  });
}
