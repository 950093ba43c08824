import { api, errorMessage, qs } from '../../api';
import { alertBox, field, h, nextId, select, statusBox } from '../../dom';
import { t } from '../../strings';
import type { LocalActor, Settings } from '../../types';
import { orNull } from './form-parts';

/** The welcome point (none, one of the organisations, or other details) and the websites allowed to embed the widget. */
export function settingsForm(tenant: string, actors: LocalActor[]): HTMLElement {
  const box = h('div', {}, h('p', {}, t('loading')));
  api<Settings>('GET', `/api/admin/settings${qs({ tenant })}`)
    .then((s) => box.replaceChildren(form(tenant, actors, s)))
    .catch((e) => box.replaceChildren(h('p', { role: 'alert', class: 'alert' }, errorMessage(e))));
  return box;
}

function form(tenant: string, actors: LocalActor[], s: Settings): HTMLFormElement {
  const w = s.welcome;
  const kind0 = !w ? 'none' : w.actorId ? 'actor' : 'own';
  const radios = (['none', 'actor', 'own'] as const).map((k) => {
    const r = h('input', { type: 'radio', name: 'welcome-kind', value: k, id: nextId('wk'), checked: k === kind0 });
    return h('span', { class: 'check' }, r, h('label', { for: r.id }, t(k === 'none' ? 'welcomeNone' : k === 'actor' ? 'welcomeActor' : 'welcomeOwn')));
  });
  const actor = select(actors.map((a) => [a.id, a.name]), w?.actorId ?? actors[0]?.id);
  const own = {
    name: h('input', { type: 'text', value: w && !w.actorId ? w.name : '' }),
    website: h('input', { type: 'url', value: w && !w.actorId ? w.website ?? '' : '' }),
    phone: h('input', { type: 'tel', value: w && !w.actorId ? w.phone ?? '' : '' }),
    email: h('input', { type: 'email', value: w && !w.actorId ? w.email ?? '' : '' }),
    address: h('input', { type: 'text', value: w && !w.actorId ? w.address ?? '' : '' }),
  };
  const actorPart = h('div', {}, field(t('welcomeActor'), actor));
  const ownPart = h('div', { class: 'grid' }, field(t('name'), own.name), field(t('website'), own.website), field(t('phone'), own.phone), field(t('email'), own.email), field(t('address'), own.address));
  const origins = h('textarea', { rows: 3 });
  origins.value = s.allowedOrigins.join('\n');
  const error = alertBox();
  const status = statusBox();
  const kind = () => (el.querySelector<HTMLInputElement>('input[name=welcome-kind]:checked')?.value ?? 'none');
  const sync = () => {
    actorPart.hidden = kind() !== 'actor';
    ownPart.hidden = kind() !== 'own';
  };
  const el = h('form', { class: 'settings', 'aria-labelledby': 'settings-title' },
    h('fieldset', { onchange: sync }, h('legend', {}, t('welcomePoint')), radios, actorPart, ownPart),
    field(t('allowedOrigins'), origins, 'https://www.example.be'),
    error, status, h('button', { type: 'submit', class: 'primary' }, t('save')));
  queueMicrotask(sync);
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.show(null);
    const k = kind();
    const welcome = k === 'none' ? null : k === 'actor' ? { actor: actor.value } : {
      name: own.name.value.trim(), website: orNull(own.website.value), phone: orNull(own.phone.value), email: orNull(own.email.value), address: orNull(own.address.value),
    };
    const allowedOrigins = origins.value.split('\n').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
    try {
      await api('PUT', `/api/admin/settings${qs({ tenant })}`, { welcome, allowedOrigins });
      status.show(t('saved'));
    } catch (err) {
      error.show(errorMessage(err));
    }
  });
  return el;
}
