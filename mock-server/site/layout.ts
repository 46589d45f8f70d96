import type { SiteVariant } from '../drift/variants.ts';
import type { Account, Profile } from '../store/store.ts';
import { html, type Html } from './html.ts';

export const BRAND = 'Flickbox';

interface PageOptions {
  title: string;
  csrfToken: string;
  header: Html;
  main: Html;
}

export function layout({ title, csrfToken, header, main }: PageOptions): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content="${csrfToken}" />
        <title>${title} · ${BRAND}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/site.js" defer></script>
      </head>
      <body>
        ${header}
        <main id="main">${main}</main>
      </body>
    </html>`.value;
}

const logo = html`<a class="logo" href="/" aria-label="${BRAND} home">${BRAND}</a>`;

export const plainHeader = html`<header class="site-header">${logo}</header>`;

/**
 * A colour class of site.css (`hue-0` … `hue-350`, every 10°): the CSP allows no inline style, so no `style`
 * attribute carries the hue.
 */
export function hueClass(hue: number): string {
  return `hue-${(Math.round(hue / 10) % 36) * 10}`;
}

export function homeHeader(site: SiteVariant): Html {
  const signIn = html`<a class="button primary" href="/login">Sign In</a>`;
  if (site.signInPlacement === 'lower-left') {
    return html`<header class="site-header">${logo}</header>
      <div class="lower-left">${signIn}</div>`;
  }
  return html`<header class="site-header">${logo}${signIn}</header>`;
}

/** The cookie that remembers the cookie banner was accepted (set by the site script). */
export const COOKIE_CONSENT = 'cookie_consent';

/**
 * The cookie-consent banner of a drifted home page (cookie-banner-over-sign-in): a fixed box over the header's right
 * end, above it, so a click on "Sign In" lands on the banner. "Accept" hides it (site.js) and remembers the choice.
 */
export const cookieBanner = html`<div class="cookie-banner" role="region" aria-label="Cookies" data-cookie-banner>
  <p>We use cookies to remember your choices and to measure how the site is used.</p>
  <button type="button" class="button primary" data-cookie-accept>Accept</button>
</div>`;

/** The header after a profile is chosen: the profile in the upper-right opens the pop-up menu the guide uses. */
export function profileHeader(account: Account, current: Profile, site: SiteVariant): Html {
  const menu = profileMenu(account, current, site);
  const nav = html`<nav aria-label="Browse">
    <a href="/browse">Home</a><a href="/browse#series">Series</a><a href="/browse#films">Films</a>
  </nav>`;
  if (site.profileMenuPlacement === 'lower-left') {
    return html`<header class="site-header">${logo}${nav}</header>
      <div class="lower-left lower-left-dock">${menu}</div>`;
  }
  return html`<header class="site-header">${logo}${nav}${menu}</header>`;
}

function profileMenu(account: Account, current: Profile, site: SiteVariant): Html {
  const others = account.profiles.filter((p) => p.id !== current.id);
  // Hover-only (a drift): no script opens it, and a style shows it only while a mouse is over the name. Never (a
  // drift): neither the script nor a style opens it.
  const hoverOnly = site.profileMenuOpens === 'hover-only';
  const opens = {
    'hover-or-click': '',
    'hover-only': html`data-opens="hover"`,
    never: html`data-opens="never"`,
  };
  return html`<div class="profile-menu" ${opens[site.profileMenuOpens]}>
    <button
      type="button"
      class="profile-button"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-controls="profile-menu"
    >
      ${avatar(current)}<span class="profile-name">${current.name}</span>
    </button>
    <ul id="profile-menu" role="menu" aria-label="${current.name}" ${hoverOnly ? '' : html`hidden`}>
      ${others.map((p) => html`<li role="none"><a role="menuitem" href="/profiles">${avatar(p)}${p.name}</a></li>`)}
      <li role="none"><a role="menuitem" href="/profiles">Manage Profiles</a></li>
      <li role="separator"></li>
      <li role="none"><a role="menuitem" href="/account">${site.accountMenuLabel}</a></li>
      <li role="none"><a role="menuitem" href="/help">Help Center</a></li>
      <li role="none">
        <button role="menuitem" type="button" data-api="/api/session" data-method="DELETE">Sign out of ${BRAND}</button>
      </li>
    </ul>
  </div>`;
}

export function avatar(profile: Profile): Html {
  const hue = [...profile.name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return html`<span
    class="avatar ${hueClass(hue)}${profile.kids ? ' kids' : ''}"
    data-initial="${profile.kids ? 'K' : profile.name.slice(0, 1)}"
    aria-hidden="true"
  ></span>`;
}

/** A labelled field whose error message the site script fills from the API's `fields`. */
export function field(name: string, label: string, type: string, autocomplete: string): Html {
  return html`<div class="field">
    <label for="${name}">${label}</label>
    <input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" aria-describedby="${name}-error" />
    <p class="field-error" id="${name}-error"></p>
  </div>`;
}

export const formError = html`<p class="form-error" role="alert" data-form-error></p>`;
