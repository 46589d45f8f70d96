import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { SiteVariant } from '../drift/variants.ts';
import { html, Html } from '../site/html.ts';
import type { Account, Profile } from '../store/store.ts';
import { TOKEN_FIELD, type ClassicVisit } from './session.ts';
import { BRAND } from './wording.ts';

// One small style sheet inline, allowed by the CSP through its hash (CLASSIC_STYLE_HASH), never by
// 'unsafe-inline'; no style attributes, no client script at all.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f4f1ea;color:#1d1b18}
.masthead{display:flex;align-items:center;gap:24px;padding:12px 24px;background:#1d1b18;color:#f4f1ea}
.masthead a{color:inherit}
.brand{font:700 24px Georgia,serif;text-decoration:none;margin-right:auto}
.masthead nav a{margin-right:16px}
.corner-link,.who-button{display:inline-block;padding:6px 14px;border:1px solid #f4f1ea;border-radius:3px;background:none;color:inherit;font:inherit;cursor:pointer;text-decoration:none}
.dock{position:fixed;left:16px;bottom:16px;background:#1d1b18;color:#f4f1ea;padding:8px;border-radius:4px}
.dock a{color:inherit}
.consent{position:fixed;top:0;right:0;z-index:10;width:min(380px,100vw);min-height:120px;padding:16px 20px;background:#fff;color:#1d1b18;border:1px solid #999;box-shadow:0 4px 12px #0004}
.consent p{margin:0 0 8px}
[popover].who-menu{margin:0;inset:auto;top:60px;right:24px;min-width:200px;padding:8px 0;border:1px solid #999;background:#fff}
.dock [popover].who-menu{top:auto;right:auto;bottom:72px;left:16px}
.who-menu ul{list-style:none;margin:0;padding:0}
.who-menu li>a,.who-menu li button{display:block;width:100%;padding:6px 16px;text-align:left;background:none;border:0;font:inherit;color:#1d1b18;cursor:pointer}
.who-hover{position:relative}.who-hover .who-menu{display:none;position:absolute;right:0;top:100%;min-width:200px;padding:8px 0;border:1px solid #999;background:#fff;z-index:5}.who-hover:hover .who-menu{display:block}
.who:hover [popover].who-menu,.who [popover].who-menu:focus-within{display:block;z-index:5}
.who [popover].who-menu::before{content:'';position:absolute;left:0;right:0;bottom:100%;height:24px}
.dock .who [popover].who-menu::before{top:100%;bottom:auto}
.who-menu hr{border:0;border-top:1px solid #ddd}
main{max-width:880px;margin:32px auto;padding:0 24px}
.sheet{max-width:440px;margin:0 auto;background:#fff;padding:24px 32px;border:1px solid #ddd}
.row{margin:0 0 16px}
.row label,.row .label{display:block;font-weight:600}
.row input[type=email],.row input[type=password],.row input[type=tel],.row select{width:100%;padding:8px;font:inherit}
.row.tick label,.row.tick .label{display:inline;font-weight:400}
.why{display:block;color:#a01818;font-size:14px}
.problem{border-left:4px solid #a01818;background:#fbeaea;padding:8px 12px;margin:0 0 16px}
.flash{border-left:4px solid #1d6b2c;background:#e8f5ea;padding:8px 12px}
.btn{padding:8px 20px;font:inherit;background:#1d1b18;color:#fff;border:0;border-radius:3px;cursor:pointer}
.plain-btn{padding:8px 20px;color:inherit}
.panel{border-top:1px solid #bbb;padding:16px 0}
.panel h2{font-size:15px;letter-spacing:.08em;color:#6b665e;margin:0 0 8px}
.panel-body{display:grid;grid-template-columns:1fr auto;gap:24px}
.panel-body ul{list-style:none;margin:0;padding:0;text-align:right}
.facts p{margin:0 0 4px}
.gate{text-align:center}
.gate form{display:flex;gap:16px;justify-content:center;flex-wrap:wrap}
.gate button{width:120px;padding:48px 0 8px;font:inherit;border:2px solid transparent;background:#ddd;cursor:pointer}
.shelf{display:flex;gap:8px}.shelf span{flex:1;height:80px;background:#c9c2b4}
/* The drift variant save-low-contrast: light grey on grey, far below 4.5:1. */
.btn.low-contrast { background: #d6d6d6; color: #b8b8b8; }
`;

/** Built here, not in the page's template, so its text is exactly what the hash covers. */
const STYLE_ELEMENT = new Html(`<style>${STYLE}</style>`);

/** The CSP source that lets the one inline style sheet apply (style-src), and nothing else inline. */
export const CLASSIC_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export interface PageParts {
  title: string;
  header: Html;
  main: Html;
  status?: number;
  /** What goes into the head after the style sheet (the components rendition's script). */
  head?: Html;
}

export function page(res: Response, { title, header, main, status = 200, head }: PageParts) {
  res
    .status(status)
    .type('html')
    .send(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>${title} | ${BRAND}</title>
            ${STYLE_ELEMENT} ${head}
          </head>
          <body>
            ${header}
            <main>${main}</main>
          </body>
        </html>`.value,
    );
}

const brand = html`<a class="brand" href="/">${BRAND}</a>`;

export const bareHeader = html`<header class="masthead">${brand}</header>`;

/** The home page's header: "Sign In" at its right end (the guide's upper-right corner), unless drifted away. */
export function welcomeHeader(site: SiteVariant): Html {
  const signIn = html`<a class="corner-link" href="/signin">Sign In</a>`;
  if (site.signInPlacement === 'lower-left')
    return html`<header class="masthead">${brand}</header>
      <div class="dock">${signIn}</div>`;
  return html`<header class="masthead">${brand}${signIn}</header>`;
}

export const memberNav = html`<nav><a href="/home">Home</a><a href="/home#new">New &amp; Popular</a></nav>`;

/** What the profile's pop-up menu lists: the other profiles, the account ("Your Account"), and "Sign out". */
export function profileMenuItems(visit: ClassicVisit, account: Account, current: Profile, site: SiteVariant): Html {
  const others = account.profiles.filter((p) => p.id !== current.id);
  return html`<ul>
    ${others.map((p) => html`<li><a href="/profiles/select">${p.name}</a></li>`)}
    <li><hr /></li>
    <li><a href="/member/settings">${site.accountMenuLabel}</a></li>
    <li>
      <form method="post" action="/signout">
        ${tokenField(visit)}
        <button type="submit">Sign out</button>
      </form>
    </li>
  </ul>`;
}

/** The header once a profile is chosen: its name, upper-right, opens a native popover holding a list of links. */
export function memberHeader(visit: ClassicVisit, account: Account, current: Profile, site: SiteVariant): Html {
  const nav = memberNav;
  // Hover-only (a drift): the name is a button that does nothing; the style sheet shows the list under the mouse.
  const hoverOnly = site.profileMenuOpens === 'hover-only';
  const items = profileMenuItems(visit, account, current, site);
  // Otherwise a click (or Enter, Space) opens the popover until dismissed; hovering shows the same list through the
  // style sheet, while the mouse is over the name or the list, or focus is in the list. Never (a drift): the name is a
  // button that targets nothing, beside a popover nothing opens.
  const popover = html`<button type="button" class="who-button" popovertarget="who-menu">${current.name}</button>
    <div id="who-menu" class="who-menu" popover>${items}</div>`;
  const who = hoverOnly
    ? html`<div class="who-hover">
        <button type="button" class="who-button">${current.name}</button>
        <div class="who-menu">${items}</div>
      </div>`
    : site.profileMenuOpens === 'never'
      ? html`<button type="button" class="who-button">${current.name}</button>
          <div id="who-menu" class="who-menu" popover>${items}</div>`
      : html`<div class="who">${popover}</div>`;
  if (site.profileMenuPlacement === 'lower-left') {
    return html`<header class="masthead">${brand}${nav}</header>
      <div class="dock">${who}</div>`;
  }
  return html`<header class="masthead">${brand}${nav}${who}</header>`;
}

export const tokenField = (visit: ClassicVisit) =>
  html`<input type="hidden" name="${TOKEN_FIELD}" value="${visit.record.token}" />`;

/** A whole-form refusal, above the form. */
export const problem = (message: string | null | undefined) =>
  message ? html`<div class="problem" role="alert"><p>${message}</p></div>` : '';

export const flash = (message: string | null | undefined) =>
  message ? html`<p class="flash" role="status">${message}</p>` : '';

/** The id of a field's message: the field's accessible description (aria-describedby). */
export const noteId = (name: string) => `note-for-${name}`;

export interface InputField {
  name: string;
  /** Undefined only for a drift that leaves the field unlabelled. */
  label: string | undefined;
  type: 'email' | 'password' | 'tel';
  autocomplete: string;
  value?: string | undefined;
  message?: string | undefined;
}

export function input({ name, label, type, autocomplete, value, message }: InputField): Html {
  const id = `in-${name}`;
  return html`<p class="row">
    ${label !== undefined && html`<label for="${id}">${label}</label>`}
    <input
      id="${id}"
      name="${name}"
      type="${type}"
      autocomplete="${autocomplete}"
      ${type === 'password' ? '' : html`value="${value ?? ''}"`}
      ${message ? html`aria-invalid="true" aria-describedby="${noteId(name)}"` : ''}
    />
    ${message ? html`<span class="why" id="${noteId(name)}">${message}</span>` : ''}
  </p>`;
}

export function tickBox({ name, label, checked }: { name: string; label: string; checked: boolean }): Html {
  return html`<p class="row tick">
    <input id="in-${name}" name="${name}" type="checkbox" value="yes" ${checked ? html`checked` : ''} />
    <label for="in-${name}">${label}</label>
  </p>`;
}

/** A field's label and what ties the field to it: here a `<label for>`, nothing on the field itself. */
export function fieldLabel(id: string, text: string): { label: Html; tie: Html } {
  return { label: html`<label for="${id}">${text}</label>`, tie: html`` };
}

/**
 * How a rendition writes what every page shares (the page, its header, its fields): the classic rendition's plain
 * markup here, the components rendition's custom elements in components.ts. The pages, forms and rules are the same.
 */
export interface Markup {
  page(res: Response, parts: PageParts): void;
  bareHeader: Html;
  welcomeHeader(site: SiteVariant): Html;
  memberHeader(visit: ClassicVisit, account: Account, current: Profile, site: SiteVariant): Html;
  input(field: InputField): Html;
  tickBox(box: { name: string; label: string; checked: boolean }): Html;
  fieldLabel(id: string, text: string): { label: Html; tie: Html };
}

export const CLASSIC_MARKUP: Markup = { page, bareHeader, welcomeHeader, memberHeader, input, tickBox, fieldLabel };
