import { api } from './api';
import type { Ctx, View } from './context';
import { h, select } from './dom';
import { t, UI_LANGUAGE_NAMES, UI_LANGUAGES, uiLanguage, type StringKey, type UiLanguage } from './strings';
import { renderAudit } from './views/audit';
import { renderFigures } from './views/figures/figures';
import { renderInbox } from './views/inbox/inbox';
import { renderLocalInfo } from './views/local/local-info';
import { renderQuestions } from './views/questions';

export const VIEWS: [string, StringKey, View][] = [
  ['inbox', 'inbox', renderInbox],
  ['questions', 'questions', renderQuestions],
  ['local', 'localInfo', renderLocalInfo],
  ['figures', 'figures', renderFigures],
  ['audit', 'audit', renderAudit],
];

export interface ShellHooks {
  setLanguage(lang: UiLanguage): void;
  signedOut(): void;
}

let cleanup: (() => void) | void;
let current = 'inbox';

/** The page around the views: title, language, municipality, sign-out, and the section navigation. */
export function renderShell(root: HTMLElement, ctx: Ctx, hooks: ShellHooks): void {
  const lang = select(UI_LANGUAGES.map((l) => [l, UI_LANGUAGE_NAMES[l]]), uiLanguage(), { id: 'ui-lang' });
  lang.addEventListener('change', () => hooks.setLanguage(lang.value as UiLanguage));
  const tenantPicker = municipalityPicker(ctx, () => show(current));
  const signOut = h('button', { type: 'button' }, t('signOut'));
  signOut.addEventListener('click', async () => {
    try {
      await api('DELETE', '/api/admin/session');
    } finally {
      hooks.signedOut();
    }
  });
  const nav = h('nav', { 'aria-label': t('mainNav') }, h('ul', {}, VIEWS.map(([id, key]) =>
    h('li', {}, h('button', { type: 'button', 'data-view': id, onclick: () => show(id) }, t(key))))));
  const main = h('main', { id: 'main', tabindex: -1 });
  root.replaceChildren(
    h('header', {},
      h('h1', {}, t('appTitle')),
      h('div', { class: 'tools' },
        h('div', { class: 'field inline' }, h('label', { for: 'ui-lang' }, t('language')), lang),
        tenantPicker,
        h('span', { class: 'who' }, `${t('signedInAs')} ${ctx.user.email}`),
        signOut)),
    nav, main);

  function show(id: string) {
    if (cleanup) cleanup();
    current = id;
    for (const b of nav.querySelectorAll('button')) {
      if (b.dataset.view === id) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    main.replaceChildren();
    const view = VIEWS.find((v) => v[0] === id) ?? VIEWS[0];
    cleanup = view[2](main, ctx);
  }
  show(current);
}

/** Stops the current view's timers (on sign-out). */
export function leaveView(): void {
  if (cleanup) cleanup();
  cleanup = undefined;
}

/** A picker when the user works for several municipalities; a maintainer types a slug. */
function municipalityPicker(ctx: Ctx, changed: () => void): HTMLElement | null {
  let control: HTMLInputElement | HTMLSelectElement;
  if (ctx.user.role === 'maintainer') {
    control = h('input', { type: 'text', id: 'tenant', value: ctx.tenant ?? '', placeholder: 'genk', size: 12, autocomplete: 'off' });
  } else if (ctx.user.tenants.length > 1) {
    control = select([['', t('allMunicipalities')], ...ctx.user.tenants.map((s): [string, string] => [s, s])], ctx.tenant ?? '', { id: 'tenant' });
  } else return null;
  control.addEventListener('change', () => {
    ctx.tenant = control.value.trim() || null;
    changed();
  });
  return h('div', { class: 'field inline' }, h('label', { for: 'tenant' }, t('municipality')), control);
}
