import { api, errorMessage, qs } from '../../api';
import { oneTenant, type Ctx } from '../../context';
import { alertBox, fill, h, statusBox, table } from '../../dom';
import { t } from '../../strings';
import type { ActorList, LocalActor } from '../../types';
import { actorForm } from './actor-form';
import { importExport } from './import';
import { settingsForm } from './settings';

/** A municipality's organisations, welcome point, allowed websites, and spreadsheet import/export. */
export function renderLocalInfo(root: HTMLElement, ctx: Ctx): void {
  const tenant = oneTenant(ctx);
  root.replaceChildren(h('h2', {}, t('localInfo')));
  if (!tenant) {
    root.append(h('p', { role: 'alert', class: 'alert' }, t('municipalityNeeded')));
    return;
  }
  const error = alertBox();
  const status = statusBox();
  const listBox = h('div', {}, h('p', {}, t('loading')));
  const formBox = h('div', { class: 'form-box' });
  const settingsBox = h('div', {});
  const add = h('button', { type: 'button', class: 'primary' }, t('add'));
  root.append(
    h('section', { 'aria-labelledby': 'orgs-title' }, h('h3', { id: 'orgs-title' }, t('organisations')), error, status, add, formBox, listBox),
    h('section', { 'aria-labelledby': 'settings-title' }, h('h3', { id: 'settings-title' }, t('settings')), settingsBox),
    h('section', { 'aria-labelledby': 'import-title' }, h('h3', { id: 'import-title' }, t('importTitle')), importExport(tenant, () => void load())),
  );
  let actors: LocalActor[] = [];
  const base = '/api/admin/actors';

  async function load() {
    try {
      actors = (await api<ActorList>('GET', `${base}${qs({ tenant })}`)).actors;
      draw();
      fill(settingsBox, settingsForm(tenant!, actors));
    } catch (e) {
      error.show(errorMessage(e));
    }
  }

  function edit(actor: LocalActor | null, opener: HTMLElement) {
    error.show(null);
    const form = actorForm(tenant!, actor, actors, {
      saved(a) {
        fill(formBox);
        status.show(`${t('saved')} ${a.name}`);
        void load().then(() => opener.isConnected && opener.focus());
      },
      cancelled() {
        fill(formBox);
        opener.focus();
      },
    });
    fill(formBox, form);
    form.querySelector<HTMLElement>('h4')?.focus();
  }

  const act = (fn: () => Promise<unknown>, done: string) => async () => {
    error.show(null);
    try {
      await fn();
      await load();
      status.show(done);
    } catch (e) {
      error.show(errorMessage(e));
    }
  };

  function contacts(a: LocalActor): HTMLElement {
    return h('ul', { class: 'plain' },
      a.phone ? h('li', {}, a.phone) : null,
      a.email ? h('li', {}, a.email) : null,
      a.website ? h('li', {}, h('a', { href: a.website, rel: 'noopener noreferrer', target: '_blank' }, a.website)) : null,
      a.address ? h('li', {}, a.address) : null);
  }

  function draw() {
    if (!actors.length) return fill(listBox, h('p', {}, t('none')));
    fill(listBox, table(t('organisations'), [t('name'), t('contacts'), t('lastVerified'), t('source'), t('actions')], actors.map((a) => {
      const editBtn: HTMLButtonElement = h('button', { type: 'button', 'aria-label': `${t('edit')}: ${a.name}`, onclick: () => edit(a, editBtn) }, t('edit'));
      return [
        a.name, contacts(a), a.verified ?? '—', t(a.source === 'console' ? 'src_console' : 'src_knowledge'),
        h('div', { class: 'buttons' }, editBtn,
          h('button', { type: 'button', 'aria-label': `${t('verify')}: ${a.name}`, onclick: act(() => api('POST', `${base}/${a.id}/verify${qs({ tenant })}`), `${t('saved')} ${a.name}`) }, t('verify')),
          h('button', { type: 'button', class: 'danger', 'aria-label': `${t('delete')}: ${a.name}`, onclick: (e: Event) => {
            if (window.confirm(`${t('confirmDelete')}\n${a.name}`)) void act(() => api('DELETE', `${base}/${a.id}${qs({ tenant })}`), `${t('removed')}: ${a.name}`)();
            else (e.target as HTMLElement).focus();
          } }, t('delete'))),
      ];
    }), true));
  }

  add.addEventListener('click', () => edit(null, add));
  void load();
}
