import { api, errorMessage, qs } from '../../api';
import { alertBox, field, h, select } from '../../dom';
import { t } from '../../strings';
import { ACTOR_ROLES, ACTOR_TYPES, PROVINCES, REGIONS, TOPICS, type LocalActor } from '../../types';
import { checkboxes, orNull, parseSources, perLanguage, sourcesText } from './form-parts';

export interface FormHooks {
  saved(actor: LocalActor): void;
  cancelled(): void;
}

/** Add or edit one organisation; the server checks it with the knowledge's own rules and its message is shown. */
export function actorForm(tenant: string, actor: LocalActor | null, all: LocalActor[], hooks: FormHooks): HTMLFormElement {
  const like = actor ?? all[0] ?? null; // a new organisation is in the same region as the others
  const id = h('input', { type: 'text', required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*', value: actor?.id ?? '', readonly: !!actor, autocomplete: 'off' });
  const name = h('input', { type: 'text', required: true, value: actor?.name ?? '', autocomplete: 'off' });
  const names = perLanguage(t('namesPerLanguage'), actor?.names);
  const type = select(ACTOR_TYPES.map((x) => [x, x]), actor?.type ?? 'public-service');
  const topics = checkboxes(t('topics'), TOPICS, actor?.topics ?? []);
  const roles = checkboxes(t('roles'), ACTOR_ROLES, actor?.roles ?? []);
  const region = select(REGIONS.map((x) => [x, x]), like?.region && like.region !== 'federal' ? like.region : 'flanders');
  const province = select([['', '—'], ...PROVINCES.map((x): [string, string] => [x, x])], like?.province ?? '');
  const website = h('input', { type: 'url', value: actor?.website ?? '', placeholder: 'https://' });
  const phone = h('input', { type: 'tel', value: actor?.phone ?? '' });
  const email = h('input', { type: 'email', value: actor?.email ?? '' });
  const address = h('input', { type: 'text', value: actor?.address ?? '' });
  const languages = h('input', { type: 'text', value: (actor?.languages ?? []).join(', '), placeholder: 'nl, en, fr' });
  // Hours written as one text (for all languages) stay as they are until hours per language are filled in.
  const oneText = typeof actor?.hours === 'string' ? actor.hours : null;
  const hours = perLanguage(oneText ? `${t('hours')} — ${oneText}` : t('hours'), oneText ? undefined : (actor?.hours as Record<string, string> | null));
  const descriptions = perLanguage(t('descriptions'), actor?.descriptions, true);
  const sources = h('textarea', { rows: 3, required: true });
  sources.value = sourcesText(actor?.sources);
  const error = alertBox();
  const title = actor ? `${t('editTitle')}: ${actor.name}` : t('add');

  const form = h('form', { class: 'actor-form', 'aria-label': title },
    h('h4', { tabindex: -1 }, title),
    h('div', { class: 'grid' }, field(t('id'), id), field(t('name'), name), field(t('type'), type), field(t('region'), region), field(t('province'), province)),
    names.el, topics.el, roles.el,
    h('div', { class: 'grid' }, field(t('website'), website), field(t('phone'), phone), field(t('email'), email), field(t('address'), address), field(t('languages'), languages)),
    hours.el, descriptions.el, field(t('sources'), sources), error,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('save')), h('button', { type: 'button', onclick: () => hooks.cancelled() }, t('cancel'))));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.show(null);
    const { source: _source, verified: _verified, ...kept } = actor ?? ({} as Partial<LocalActor>);
    const h15 = hours.value();
    const body = {
      ...kept,
      id: id.value.trim(), name: name.value.trim(), names: names.value(), type: type.value, topics: topics.value(), roles: roles.value(),
      region: region.value, province: orNull(province.value), municipalities: [tenant],
      website: orNull(website.value), phone: orNull(phone.value), email: orNull(email.value), address: orNull(address.value),
      languages: languages.value.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean),
      hours: Object.keys(h15).length ? h15 : oneText, descriptions: descriptions.value(), sources: parseSources(sources.value),
    };
    try {
      const res = actor
        ? await api<{ actor: LocalActor }>('PUT', `/api/admin/actors/${actor.id}${qs({ tenant })}`, body)
        : await api<{ actor: LocalActor }>('POST', `/api/admin/actors${qs({ tenant })}`, body);
      hooks.saved(res.actor);
    } catch (err) {
      error.show(errorMessage(err));
      error.scrollIntoView?.({ block: 'nearest' });
    }
  });
  return form;
}
