import { api, errorMessage, setCsrfToken } from './api';
import { alertBox, field, h, select } from './dom';
import { t, UI_LANGUAGE_NAMES, UI_LANGUAGES, uiLanguage, type UiLanguage } from './strings';
import type { SessionResponse, User } from './types';

/** The sign-in form; calls `done` with the user once the server accepts the credentials. */
export function renderSignIn(root: HTMLElement, done: (user: User) => void, setLanguage: (lang: UiLanguage) => void, notice?: string): void {
  const lang = select(UI_LANGUAGES.map((l) => [l, UI_LANGUAGE_NAMES[l]]), uiLanguage(), { id: 'ui-lang' });
  lang.addEventListener('change', () => setLanguage(lang.value as UiLanguage));
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = alertBox();
  const button = h('button', { type: 'submit', class: 'primary' }, t('signIn'));
  const form = h('form', { class: 'signin', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, t('signInTitle')),
    notice ? h('p', { class: 'notice' }, notice) : null,
    field(t('email'), email), field(t('password'), password), error, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.show(null);
    button.disabled = true;
    try {
      const s = await api<SessionResponse>('POST', '/api/admin/session', { email: email.value, password: password.value }, { quiet401: true });
      setCsrfToken(s.csrfToken);
      done(s.user);
    } catch (err) {
      error.show(errorMessage(err));
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  root.replaceChildren(
    h('header', {}, h('h1', {}, t('appTitle')), h('div', { class: 'tools' }, h('div', { class: 'field inline' }, h('label', { for: 'ui-lang' }, t('language')), lang))),
    h('main', { id: 'main' }, form));
  if (document.activeElement !== lang) email.focus();
}
