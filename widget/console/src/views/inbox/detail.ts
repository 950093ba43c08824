import { api, errorMessage } from '../../api';
import type { Ctx } from '../../context';
import { alertBox, field, h, statusBox, when } from '../../dom';
import { languageName, t } from '../../strings';
import { RTL, type HandoverDetail, type HandoverSummary, type ReplyResponse, type TranscriptLine } from '../../types';
import { renderMarkdown } from '../../../../src/markdown';
import { cannedForm } from './canned';
import { statusLabel } from './inbox';

export interface DetailHooks {
  /** The request changed (assigned, answered, closed): refresh the list. */
  changed(): void;
  /** Move focus to the heading (when the clerk opened the request). */
  focus?: boolean;
}

/** One request: its details, transcript, Assign / Close, and the reply forms. */
export async function renderDetail(box: HTMLElement, ctx: Ctx, id: number, hooks: DetailHooks): Promise<void> {
  const error = alertBox();
  const heading = h('h3', { id: 'detail-title', tabindex: -1 }, `${t('request')} #${id}`);
  box.replaceChildren(h('section', { class: 'detail', 'aria-labelledby': 'detail-title' }, heading, h('p', {}, t('loading')), error));
  if (hooks.focus) heading.focus();
  let data: HandoverDetail;
  try {
    data = await api<HandoverDetail>('GET', `/api/admin/handovers/${id}`);
  } catch (e) {
    error.show(errorMessage(e));
    return;
  }
  const { handover: x, transcript } = data;
  const status = statusBox();
  const reload = async (message?: string) => {
    hooks.changed();
    await renderDetail(box, ctx, id, { changed: hooks.changed, focus: true });
    if (message) box.querySelector<HTMLElement>('.status')!.textContent = message;
  };
  const act = (path: 'assign' | 'close') => async () => {
    try {
      await api('POST', `/api/admin/handovers/${id}/${path}`);
      await reload();
    } catch (e) {
      error.show(errorMessage(e));
    }
  };
  const mine = x.assigneeId === ctx.user.id;
  const send = async (body: unknown) => {
    error.show(null);
    try {
      await api<ReplyResponse>('POST', `/api/admin/handovers/${id}/replies`, body);
      await reload(t('sent'));
      return true;
    } catch (e) {
      error.show(errorMessage(e));
      return false;
    }
  };

  const section = h('section', { class: 'detail', 'aria-labelledby': 'detail-title' },
    heading,
    facts(x),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', disabled: x.status === 'closed' || mine, onclick: act('assign') }, t('assignToMe')),
      h('button', { type: 'button', disabled: x.status === 'closed', onclick: act('close') }, t('close'))),
    error, status,
    h('h4', {}, t('transcript')),
    h('ol', { class: 'transcript', 'data-count': transcript.length }, transcript.map(line)),
    x.status === 'closed' ? h('p', {}, t('closedNoReply')) : replyForms(x, send),
  );
  box.replaceChildren(section);
  if (hooks.focus) heading.focus();
}

/** On the inbox's refresh: new lines of the open request's conversation, without touching the reply forms. */
export async function refreshTranscript(box: HTMLElement, id: number): Promise<void> {
  const list = box.querySelector<HTMLOListElement>('ol.transcript');
  if (!list) return;
  const { transcript } = await api<HandoverDetail>('GET', `/api/admin/handovers/${id}`);
  if (transcript.length === Number(list.dataset.count)) return;
  list.dataset.count = String(transcript.length);
  list.replaceChildren(...transcript.map(line));
}

function facts(x: HandoverSummary): HTMLElement {
  const row = (k: string, v: string | Node | null) => [h('dt', {}, k), h('dd', {}, v ?? '—')];
  return h('dl', { class: 'facts' },
    row(t('status'), statusLabel(x.status)),
    row(t('time'), when(x.createdAt)),
    row(t('lang'), languageName(x.language)),
    row(t('topic'), x.topic),
    row(t('contact'), x.contact),
    row(t('note'), x.note),
    x.assigneeId ? row(t('assignedTo'), String(x.assigneeId)) : null);
}

function line(l: TranscriptLine): HTMLElement {
  const lang = l.language ?? undefined;
  return h('li', { class: `msg ${l.role}` },
    h('p', { class: 'meta' }, h('strong', {}, t(`role_${l.role}` as 'role_user')), ' · ', h('time', { datetime: l.at }, when(l.at))),
    // The assistant's answers carry the widget's light markdown (bold names, links); the newcomer's and the
    // clerk's words are shown exactly as written.
    l.role === 'assistant'
      ? h('div', { class: 'md', lang, dir: lang && RTL.has(lang) ? 'rtl' : 'auto' }, renderMarkdown(l.text, document))
      : h('p', { lang, dir: lang && RTL.has(lang) ? 'rtl' : 'auto' }, l.text));
}

function replyForms(x: HandoverSummary, send: (body: unknown) => Promise<boolean>): HTMLElement {
  const text = h('textarea', { rows: 4, maxlength: 4000, required: true });
  const free = h('form', { class: 'reply' }, field(t('freeText'), text), h('button', { type: 'submit', class: 'primary' }, t('send')));
  free.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return text.focus();
    if (await send({ text: text.value.trim() })) text.value = '';
  });
  return h('div', { class: 'replies' },
    h('h4', {}, t('reply')),
    h('p', { class: 'writes-in' }, `${t('newcomerWritesIn')} `, h('strong', {}, languageName(x.language))),
    cannedForm(x, (body) => send(body)),
    free);
}
