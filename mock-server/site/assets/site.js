// The only script of the mock site: sends its forms to the JSON API and shows the answers at their fields,
// and opens the profile pop-up menu.
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
  const general = form.querySelector('[data-form-error]') ?? document.querySelector('[data-form-error]');
  const named = Object.keys(answer.fields ?? {}).some((name) => form.querySelector(`[name="${name}"]`));
  if (general) general.textContent = named ? '' : (answer.error ?? '');
}

async function send(form, url, method) {
  const button = form.querySelector('[type="submit"]') ?? form;
  button.disabled = true;
  try {
    const response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: method === 'DELETE' ? undefined : JSON.stringify(formBody(form)),
    });
    const answer = await response.json().catch(() => ({ error: `The site answered ${response.status}.` }));
    if (response.ok && answer.redirectTo) return window.location.assign(answer.redirectTo);
    showErrors(form, answer);
  } catch {
    showErrors(form, { error: 'The site could not be reached. Check your connection and try again.' });
  } finally {
    button.disabled = false;
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

  const toggle = event.target.closest('.profile-button');
  const menu = document.getElementById('profile-menu');
  if (!menu) return;
  const open = toggle ? menu.hidden : false;
  if (toggle || !event.target.closest('#profile-menu')) {
    menu.hidden = !open;
    document.querySelector('.profile-button')?.setAttribute('aria-expanded', String(open));
  }
});

document.addEventListener('keydown', (event) => {
  const menu = document.getElementById('profile-menu');
  if (event.key === 'Escape' && menu && !menu.hidden) {
    menu.hidden = true;
    document.querySelector('.profile-button')?.setAttribute('aria-expanded', 'false');
    document.querySelector('.profile-button')?.focus();
  }
});

// A page restored from the back/forward cache was not asked of the site; ask again, so a signed-out device lands on
// sign-in instead of seeing the account it no longer has.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});
