import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type { SiteVariant } from '../drift/variants.ts';
import { html, Html } from '../site/html.ts';
import type { Account, Profile } from '../store/store.ts';
import { memberNav, noteId, page, profileMenuItems, type InputField, type Markup, type PageParts } from './layout.ts';
import type { ClassicVisit } from './session.ts';
import { BRAND } from './wording.ts';

/**
 * The components rendition (MOCK_SITE=components): the classic rendition's pages, forms and words, written the way a
 * team using web components (Lit, Shoelace) would. The header is a custom element, `<fbx-masthead>`, whose open
 * shadow root (declarative, as Lit's server rendering sends it) holds the brand, "Sign In", and the profile's
 * pop-up menu as a native `<details>` disclosure whose `<summary>` shows the profile's name; fields are named by
 * `aria-labelledby`, not by `<label for>`. The element's script adds what `<details>` lacks: opening while a mouse
 * hovers over the name, and Escape.
 */

/** The masthead's own style sheet, inside its shadow root: allowed by the CSP through its hash, like the page's. */
const SHADOW_STYLE = `
:host{display:block}
.bar{display:flex;align-items:center;gap:24px;padding:12px 24px;background:#1d1b18;color:#f4f1ea}
a{color:inherit}
.brand{font:700 24px Georgia,serif;text-decoration:none;margin-right:auto}
nav a{margin-right:16px}
.corner-link,summary{display:inline-block;padding:6px 14px;border:1px solid #f4f1ea;border-radius:3px;cursor:pointer;text-decoration:none}
summary{list-style:none}
summary::-webkit-details-marker{display:none}
details{position:relative}
.menu{position:absolute;right:0;top:100%;z-index:5;min-width:200px;padding:8px 0;border:1px solid #999;background:#fff}
.menu ul{list-style:none;margin:0;padding:0}
.menu li>a,.menu li button{display:block;width:100%;padding:6px 16px;text-align:left;background:none;border:0;font:inherit;color:#1d1b18;cursor:pointer}
.menu hr{border:0;border-top:1px solid #ddd}
.dock{position:fixed;left:16px;bottom:16px;background:#1d1b18;color:#f4f1ea;padding:8px;border-radius:4px}
.dock .menu{top:auto;bottom:100%;right:auto;left:0}
`;

const SHADOW_STYLE_ELEMENT = new Html(`<style>${SHADOW_STYLE}</style>`);

/** The CSP source that lets the masthead's style sheet apply (style-src). */
export const COMPONENTS_STYLE_HASH = `'sha256-${createHash('sha256').update(SHADOW_STYLE).digest('base64')}'`;

/** Where the masthead's script is served (same origin: the CSP's script-src 'self'). */
export const MASTHEAD_SCRIPT_PATH = '/components/fbx-masthead.js';

/**
 * The custom element's definition. `data-opens` on the `<details>` says what opens it: "hover-or-click" (a mouse
 * resting on the name opens it, and a click on a menu the mouse opened keeps it open), "hover" (only a mouse: a drift,
 * the summary's own toggle is stopped), or "never" (a drift: nothing opens it, the toggle stopped and no mouse).
 */
export const MASTHEAD_SCRIPT = `
class FbxMasthead extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot;
    const details = root && root.querySelector('details');
    if (!details || details.dataset.wired) return;
    details.dataset.wired = 'yes';
    const opens = details.dataset.opens;
    const summary = details.querySelector('summary');
    let openedByHover = false;
    if (opens !== 'never') {
      details.addEventListener('pointerenter', () => {
        if (details.open) return;
        openedByHover = true;
        details.open = true;
      });
      details.addEventListener('pointerleave', () => {
        if (!openedByHover) return;
        openedByHover = false;
        details.open = false;
      });
    }
    summary.addEventListener('click', (event) => {
      if (opens === 'hover' || opens === 'never') event.preventDefault();
      else if (openedByHover) {
        event.preventDefault();
        openedByHover = false;
      }
    });
    details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      openedByHover = false;
      summary.focus();
    });
  }
}
customElements.define('fbx-masthead', FbxMasthead);
`;

const SCRIPT_ELEMENT = html`<script type="module" src="${MASTHEAD_SCRIPT_PATH}"></script>`;

/** The custom element, its shadow root written out by the server. */
const masthead = (content: Html | Html[]) =>
  html`<fbx-masthead>
    <template shadowrootmode="open"
      >${SHADOW_STYLE_ELEMENT}
      <header class="bar">${content}</header></template
    >
  </fbx-masthead>`;

const brand = html`<a class="brand" href="/">${BRAND}</a>`;

const bareHeader = masthead(brand);

function welcomeHeader(site: SiteVariant): Html {
  const signIn = html`<a class="corner-link" href="/signin">Sign In</a>`;
  if (site.signInPlacement === 'lower-left') return masthead([brand, html`<div class="dock">${signIn}</div>`]);
  return masthead([brand, signIn]);
}

const OPENS: Record<SiteVariant['profileMenuOpens'], string> = {
  'hover-or-click': 'hover-or-click',
  never: 'never',
  'hover-only': 'hover',
};

function memberHeader(visit: ClassicVisit, account: Account, current: Profile, site: SiteVariant): Html {
  const who = html`<details data-opens="${OPENS[site.profileMenuOpens]}">
    <summary>${current.name}</summary>
    <div class="menu">${profileMenuItems(visit, account, current, site)}</div>
  </details>`;
  if (site.profileMenuPlacement === 'lower-left') {
    return masthead([brand, memberNav, html`<div class="dock">${who}</div>`]);
  }
  return masthead([brand, memberNav, who]);
}

const labelId = (name: string) => `label-for-${name}`;

/** A label as text beside the field, tied to it by aria-labelledby (a design system's field, not a `<label>`). */
function fieldLabel(id: string, text: string): { label: Html; tie: Html } {
  const named = `${id}-label`;
  return { label: html`<span class="label" id="${named}">${text}</span>`, tie: html`aria-labelledby="${named}"` };
}

function input({ name, label, type, autocomplete, value, message }: InputField): Html {
  return html`<div class="row">
    ${label !== undefined && html`<span class="label" id="${labelId(name)}">${label}</span>`}
    <input
      name="${name}"
      type="${type}"
      autocomplete="${autocomplete}"
      ${label !== undefined && html`aria-labelledby="${labelId(name)}"`}
      ${type === 'password' ? '' : html`value="${value ?? ''}"`}
      ${message ? html`aria-invalid="true" aria-describedby="${noteId(name)}"` : ''}
    />
    ${message ? html`<span class="why" id="${noteId(name)}">${message}</span>` : ''}
  </div>`;
}

function tickBox({ name, label, checked }: { name: string; label: string; checked: boolean }): Html {
  return html`<div class="row tick">
    <input
      name="${name}"
      type="checkbox"
      value="yes"
      aria-labelledby="${labelId(name)}"
      ${checked ? html`checked` : ''}
    />
    <span class="label" id="${labelId(name)}">${label}</span>
  </div>`;
}

export const COMPONENTS_MARKUP: Markup = {
  page: (res: Response, parts: PageParts) => page(res, { ...parts, head: SCRIPT_ELEMENT }),
  bareHeader,
  welcomeHeader,
  memberHeader,
  input,
  tickBox,
  fieldLabel,
};
