// The only script of the mock site: sends its forms to the JSON API and shows the answers at their fields,
// opens the profile pop-up menu, and hides the cookie banner (of a drifted home page) once accepted.
const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

function formBody(form) {
  const body = {};
  for (const input of form.querySelectorAll('input[name], select[name]')) {
    body[input.name] = input.type === 'checkbox' ? input.checked : input.value;
  }
  return body;
}

function showErrors(form, answer) {
  for (const input of form.querySelectorAll('[name]')) {
    const message = answer.fields?.[input.name] ?? '';
    const slot = document.getElementById(`${input.name}-error`);
    if (slot) slot.textContent = message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const general = generalSlot(form);
  const named = Object.keys(answer.fields ?? {}).some((name) => form.querySelector(`[name="${name}"]`));
  if (general) general.textContent = named ? '' : (answer.error ?? '');
}

/** Where a form says what went wrong as a whole, with a "Try again" button when the fault was not the person's. */
function generalSlot(form) {
  return form.querySelector('[data-form-error]') ?? document.querySelector('[data-form-error]');
}

// A failure of the site or the network is not the person's mistake: say that nothing was changed (the API changes
// nothing unless it answers with success) and offer to send the same form again.
function showFault(form, message, retry) {
  showErrors(form, { error: `Nothing was changed. ${message}` });
  const slot = generalSlot(form);
  if (!slot) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button secondary retry';
  button.textContent = 'Try again';
  button.addEventListener('click', () => {
    button.remove();
    retry();
  });
  slot.append(' ', button);
}

async function send(form, url, method) {
  // One request at a time per form: a double-click, or Enter pressed twice, never sends the change twice.
  if (form.getAttribute('aria-busy') === 'true') return;
  const button = form.querySelector('[type="submit"]') ?? form;
  const retry = () => send(form, url, method);
  let leaving = false;
  form.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: method === 'DELETE' ? undefined : JSON.stringify(formBody(form)),
    });
    if (response.status >= 500) {
      return showFault(form, 'The site could not save this just now. Please try again.', retry);
    }
    const answer = await response.json().catch(() => ({ error: `The site answered ${response.status}.` }));
    if (response.ok && answer.redirectTo) {
      leaving = true; // stays busy until the next page replaces this one
      return window.location.assign(answer.redirectTo);
    }
    showErrors(form, answer);
  } catch {
    showFault(form, 'The site could not be reached. Check your connection and try again.', retry);
  } finally {
    if (!leaving) {
      form.removeAttribute('aria-busy');
      button.disabled = false;
    }
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target.closest('form[data-api]');
  if (!form) return;
  event.preventDefault();
  send(form, form.dataset.api, form.dataset.method ?? 'POST');
});

document.addEventListener('click', (event) => {
  const action = event.target.closest('button[data-api]');
  if (action) send(action, action.dataset.api, action.dataset.method ?? 'POST');

  if (event.target.closest('[data-cookie-accept]')) {
    document.cookie = 'cookie_consent=accepted; path=/; max-age=31536000; samesite=lax';
    for (const banner of document.querySelectorAll('[data-cookie-banner]')) banner.hidden = true;
  }

  // A hover-only menu (a drift variant) has no script: only the style sheet shows it, under the mouse; a menu that
  // never opens (another) has neither.
  if (event.target.closest('[data-opens="hover"], [data-opens="never"]')) return;
  const toggle = event.target.closest('.profile-button');
  const menu = document.getElementById('profile-menu');
  if (!menu) return;
  if (toggle) {
    // A click on a menu the mouse already opened (a click always hovers first) keeps it open, now until dismissed.
    setProfileMenu(menu.hidden || menuOpenedBy === 'hover' ? 'click' : null);
  } else if (!event.target.closest('#profile-menu')) {
    setProfileMenu(null);
  }
});

// How the profile menu was opened: 'hover' (closes when the mouse leaves), 'click' (until dismissed), or null.
let menuOpenedBy = null;

function setProfileMenu(openedBy) {
  const menu = document.getElementById('profile-menu');
  if (!menu) return;
  menuOpenedBy = openedBy;
  menu.hidden = openedBy === null;
  document.querySelector('.profile-button')?.setAttribute('aria-expanded', String(openedBy !== null));
}

// Hovering opens the menu too, except on a hover-only or never-opening menu (drift variants: a style sheet shows the
// first, nothing the second) and for touch, which only taps.
const hoverable = (event) => event.pointerType !== 'touch' && event.target.closest?.('.profile-menu:not([data-opens])');

document.addEventListener('pointerover', (event) => {
  const wrapper = hoverable(event);
  if (wrapper && !wrapper.contains(event.relatedTarget) && menuOpenedBy === null) setProfileMenu('hover');
});

document.addEventListener('pointerout', (event) => {
  const wrapper = hoverable(event);
  if (!wrapper || wrapper.contains(event.relatedTarget) || menuOpenedBy !== 'hover') return;
  if (!document.getElementById('profile-menu')?.contains(document.activeElement)) setProfileMenu(null);
});

// Focus leaving a menu the mouse has left closes it too.
document.addEventListener('focusout', (event) => {
  const wrapper = event.target.closest?.('.profile-menu');
  if (!wrapper || wrapper.contains(event.relatedTarget) || menuOpenedBy !== 'hover') return;
  if (!wrapper.matches(':hover')) setProfileMenu(null);
});

document.addEventListener('keydown', (event) => {
  const menu = document.getElementById('profile-menu');
  if (event.key === 'Escape' && menu && !menu.hidden) {
    setProfileMenu(null);
    document.querySelector('.profile-button')?.focus();
  }
});

// A page restored from the back/forward cache was not asked of the site; ask again, so a signed-out device lands on
// sign-in instead of seeing the account it no longer has.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});
