import { Router, type Request, type Response } from 'express';
import { KIDS_PROFILE_CANNOT_CHANGE_PASSWORD } from '../api/password-handlers.ts';
import type { AccountService } from '../domain/account-service.ts';
import type { SiteVariantSetting } from '../drift/variants.ts';
import { maskedPhone } from '../domain/phone.ts';
import { html } from './html.ts';
import { SIGN_OUT_EVERYWHERE_PATH } from './sign-out-everywhere-page.ts';
import {
  BRAND,
  avatar,
  COOKIE_CONSENT,
  cookieBanner,
  field,
  formError,
  homeHeader,
  hueClass,
  layout,
  plainHeader,
  profileHeader,
} from './layout.ts';
import { accountQuery, ACCOUNT_CHANGE_NOTICES, loginQuery, SESSION_END_NOTICES, visitGuards } from './visits.ts';

export interface SiteOptions {
  accounts: AccountService;
  variant: SiteVariantSetting;
  csrfToken: (req: Request, res: Response) => string;
}

/** The pages a person sees, rendered on the server; their forms talk to the MSW-written API. */
export function sitePages({ accounts, variant, csrfToken }: SiteOptions): Router {
  const router = Router();

  const { visitOf, requireSignIn, requireProfile } = visitGuards(accounts);

  router.get('/', (req, res) => {
    if (visitOf(req).kind === 'signed-in') return res.redirect('/browse');
    res.send(
      layout({
        title: 'Watch films and series',
        csrfToken: csrfToken(req, res),
        header: homeHeader(variant.site),
        main: html`<section class="hero">
            <h1>Unlimited films, series and more.</h1>
            <p>Watch anywhere. Cancel anytime.</p>
          </section>
          ${variant.site.cookieBanner === 'over-sign-in' && !req.cookies?.[COOKIE_CONSENT] && cookieBanner}`,
      }),
    );
  });

  router.get('/login', (req, res) => {
    if (visitOf(req).kind === 'signed-in') return res.redirect('/profiles');
    const { reason } = loginQuery.parse(req.query);
    const notice = reason ? SESSION_END_NOTICES[reason] : null;
    res.send(
      layout({
        title: 'Sign In',
        csrfToken: csrfToken(req, res),
        header: plainHeader,
        main: html`<section class="card">
          <h1>Sign In</h1>
          ${notice && html`<p class="notice" role="status">${notice}</p>`}
          <form data-api="/api/session" data-method="POST" novalidate>
            ${formError} ${field('email', 'Email', 'email', 'username')}
            ${field('password', 'Password', 'password', 'current-password')}
            <button type="submit" class="button primary wide">Sign In</button>
          </form>
        </section>`,
      }),
    );
  });

  router.get('/profiles', (req, res) => {
    const visit = requireSignIn(req, res);
    if (!visit) return;
    res.send(
      layout({
        title: "Who's watching?",
        csrfToken: csrfToken(req, res),
        header: plainHeader,
        main: html`<section class="profile-gate">
          <h1>Who's watching?</h1>
          ${formError}
          <ul class="profiles">
            ${visit.account.profiles.map(
              (profile) =>
                html`<li>
                  <form data-api="/api/session/profile" data-method="PUT">
                    <input type="hidden" name="profileId" value="${profile.id}" />
                    <button type="submit" class="profile">${avatar(profile)}<span>${profile.name}</span></button>
                  </form>
                </li>`,
            )}
          </ul>
        </section>`,
      }),
    );
  });

  router.get('/browse', (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    const rows = ['Popular on ' + BRAND, 'Trending Now', 'Because you watched Night Harbour'];
    res.send(
      layout({
        title: 'Home',
        csrfToken: csrfToken(req, res),
        header: profileHeader(visit.account, visit.profile, variant.site),
        main: html`<h1 class="visually-hidden">Browse</h1>
          ${rows.map(
            (row, i) =>
              html`<section class="row">
                <h2>${row}</h2>
                <ul class="titles">
                  ${[1, 2, 3, 4, 5].map(
                    (n) => html`<li class="title ${hueClass(i * 70 + n * 23)}">Title ${i * 5 + n}</li>`,
                  )}
                </ul>
              </section>`,
          )}`,
      }),
    );
  });

  router.get('/account', (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    const { account } = visit;
    const { changed } = accountQuery.parse(req.query);
    // The section that holds the "Change password" text button: MEMBERSHIP & BILLING, unless drifted to SETTINGS.
    const passwordIn = variant.site.changePasswordSection;
    const changePasswordLink = html`<a href="/password">${variant.site.changePasswordLabel}</a>`;
    res.send(
      layout({
        title: 'Account',
        csrfToken: csrfToken(req, res),
        header: profileHeader(account, visit.profile, variant.site),
        main: html`<h1 class="account-title">
            Account
            <small
              >Member since ${account.createdAt.toLocaleDateString('en-US', { month: 'long', year: 'numeric' })}</small
            >
          </h1>
          ${changed && html`<p class="notice confirmation" role="status">${ACCOUNT_CHANGE_NOTICES[changed]}</p>`}
          <section class="account-section" aria-labelledby="membership">
            <h2 id="membership">MEMBERSHIP &amp; BILLING</h2>
            <dl class="account-details">
              <div>
                <dt>Email</dt>
                <dd>${account.email}</dd>
              </div>
              <div>
                <dt>Password</dt>
                <dd>Password: ********</dd>
              </div>
              <div>
                <dt>Phone</dt>
                <dd>${account.phone ? maskedPhone(account.phone.e164) : 'No phone number'}</dd>
              </div>
              ${
                account.phone &&
                html`<div>
                  <dt>Text messages</dt>
                  <dd>Text messages: ${account.phone.textMessages ? 'On' : 'Off'}</dd>
                </div>`
              }
            </dl>
            <div class="account-links">
              ${
                visit.profile.kids
                  ? html`<p class="account-note">${KIDS_PROFILE_CANNOT_CHANGE_PASSWORD}</p>`
                  : passwordIn === 'membership' && changePasswordLink
              }
              <a href="/phone">${account.phone ? 'Change phone number' : variant.site.addPhoneLabel}</a>
            </div>
          </section>
          <section class="account-section" aria-labelledby="plan">
            <h2 id="plan">PLAN DETAILS</h2>
            <p class="account-details">Premium · Ultra HD</p>
            <div class="account-links"><a href="/help">Change plan</a></div>
          </section>
          <section class="account-section" aria-labelledby="settings">
            <h2 id="settings">SETTINGS</h2>
            <p class="account-details">Parental controls, viewing activity, profiles</p>
            <div class="account-links">
              <a href="/profiles">Manage profiles</a>
              ${!visit.profile.kids && passwordIn === 'settings' && changePasswordLink}
              <a href="${SIGN_OUT_EVERYWHERE_PATH}">${variant.site.signOutAllDevicesLabel}</a>
            </div>
          </section>`,
      }),
    );
  });

  router.get('/help', (req, res) => {
    const visit = requireProfile(req, res);
    if (!visit) return;
    res.send(
      layout({
        title: 'Help Center',
        csrfToken: csrfToken(req, res),
        header: profileHeader(visit.account, visit.profile, variant.site),
        main: html`<h1>Help Center</h1>
          <p>This is a mock site: help articles are not part of it.</p>`,
      }),
    );
  });

  return router;
}
