import type { Request, Response } from 'express';
import { z } from 'zod';
import { SESSION_COOKIE } from '../api/http.ts';
import type { AccountService } from '../domain/account-service.ts';
import type { Account, Profile, Session, SessionEndReason } from '../store/store.ts';

/** What the sign-in page tells a person whose session ended, by reason; null says nothing. */
export const SESSION_END_NOTICES: Record<SessionEndReason, string | null> = {
  'signed-out': null,
  'password-changed':
    'Your password was changed and all devices were asked to sign in again. Please sign in with your new password.',
  'signed-out-everywhere':
    'This device was signed out because your account was signed out of all devices. Please sign in again.',
  renewed: null,
  expired: 'Your session expired, so you were signed out. Please sign in again.',
};

export const loginQuery = z.object({
  reason: z.enum(['password-changed', 'signed-out-everywhere', 'signed-out', 'expired']).optional().catch(undefined),
});

export const accountQuery = z.object({
  changed: z.enum(['password', 'signed-out-everywhere']).optional().catch(undefined),
});

/** What the account page confirms after a change made on another page of the site (`/account?changed=…`). */
export const ACCOUNT_CHANGE_NOTICES: Record<NonNullable<z.infer<typeof accountQuery>['changed']>, string> = {
  password: 'Your password has been changed.',
  'signed-out-everywhere': 'Your other devices will be signed out. You are still signed in on this one.',
};

export type SignedInVisit = { session: Session; account: Account };
export type ProfileVisit = SignedInVisit & { profile: Profile };

/** Who is visiting a page, and the redirects for those who may not see it yet. */
export function visitGuards(accounts: AccountService) {
  const visitOf = (req: Request) => accounts.currentVisit(req.cookies?.[SESSION_COOKIE] as string | undefined);

  /** The signed-in visit, or a redirect to sign-in that says why a session ended. */
  function requireSignIn(req: Request, res: Response): SignedInVisit | null {
    const visit = visitOf(req);
    if (visit.kind === 'signed-in') return visit;
    if (visit.kind === 'ended') res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(
      visit.kind === 'ended' && SESSION_END_NOTICES[visit.reason] ? `/login?reason=${visit.reason}` : '/login',
    );
    return null;
  }

  /** The visit with its chosen profile, or a redirect to the profile choice. */
  function requireProfile(req: Request, res: Response): ProfileVisit | null {
    const visit = requireSignIn(req, res);
    if (!visit) return null;
    const profile = visit.account.profiles.find((p) => p.id === visit.session.profileId);
    if (!profile) {
      res.redirect('/profiles');
      return null;
    }
    return { ...visit, profile };
  }

  return { visitOf, requireSignIn, requireProfile };
}
