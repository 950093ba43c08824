import { withoutActorList } from '../../server/src/answer/actor-list';
import { renderActorCards, renderSources } from './actor-card';
import { h, sr } from './dom';
import { dirOf, type UiStrings } from './i18n';
import { renderMarkdown } from './markdown';
import type { SavedMessage } from './storage';

// One message of the transcript. Every message carries lang and dir; UI-language bits inside an
// answer (labels, feedback) carry their own.

export interface MessageContext {
  s: UiStrings;
  uiLang: string;
  feedback(msg: SavedMessage, helpful: boolean, group: HTMLElement): void;
}

const label = (ctx: MessageContext, text: string) => {
  const el = sr(`${text}: `);
  el.setAttribute('lang', ctx.uiLang);
  return el;
};

export function renderUser(msg: SavedMessage, ctx: MessageContext): HTMLElement {
  return h('div', { class: 'msg user', lang: msg.lang, dir: 'auto', 'data-id': msg.id },
    label(ctx, ctx.s.you), msg.text, h('span', { class: 'note', lang: ctx.uiLang }));
}

/** A clerk's reply: plain text as written (never markdown), labelled as the town hall. */
export function renderClerk(msg: SavedMessage, ctx: MessageContext): HTMLElement {
  return h('div', { class: 'msg bot clerk', lang: msg.lang, dir: dirOf(msg.lang), 'data-id': msg.id },
    h('span', { class: 'who', lang: ctx.uiLang }, ctx.s.clerk), h('div', { class: 'body' }, msg.text));
}

/** The server's notices (the handover confirmation ends with "call **112**") use the answers' light markdown. */
export function renderNotice(msg: SavedMessage, ctx: MessageContext): HTMLElement {
  return h('div', { class: 'msg notice', lang: msg.lang, dir: dirOf(msg.lang), 'data-id': msg.id }, label(ctx, ctx.s.assistant), renderMarkdown(msg.text, document));
}

/**
 * A person in danger sees the numbers first, as large buttons that dial (issue 8). The group is labelled
 * for screen readers in the interface language; each button says "Call" and the number.
 */
export function renderCalls(msg: SavedMessage, ctx: MessageContext): HTMLElement | null {
  const calls = (msg.crisis?.calls ?? []).filter((c) => /^tel:\+?\d{3,15}$/.test(c.tel));
  if (!calls.length) return null;
  const group = h('div', { class: 'calls', role: 'group', 'aria-label': ctx.s.emergency, lang: ctx.uiLang, dir: dirOf(ctx.uiLang) });
  calls.forEach((c, i) => group.appendChild(
    h('a', { class: i === 0 ? 'call-btn first' : 'call-btn', href: c.tel, 'aria-label': `${ctx.s.call} ${c.number}: ${c.label}` },
      h('span', { class: 'num', dir: 'ltr' }, c.number), h('span', { class: 'what', lang: msg.lang }, c.label)),
  ));
  return group;
}

/** An answer bubble; while streaming only its text is shown, the extras come with the final answer. */
export function renderAssistant(msg: SavedMessage, ctx: MessageContext, streaming = false): HTMLElement {
  const body = h('div', { class: 'body' });
  body.appendChild(renderMarkdown(streaming ? msg.text : withoutActorList(msg.text, msg.actors ?? []), document));
  const el = h('div', { class: msg.crisis ? 'msg bot crisis' : 'msg bot', lang: msg.lang, dir: dirOf(msg.lang), 'data-id': msg.id }, label(ctx, ctx.s.assistant));
  const calls = streaming ? null : renderCalls(msg, ctx);
  if (calls) el.appendChild(calls);
  el.appendChild(body);
  if (!streaming && msg.details) el.appendChild(renderMore(msg, ctx));
  if (streaming) {
    el.setAttribute('aria-busy', 'true');
    return el;
  }
  const ui = { lang: ctx.uiLang, dir: dirOf(ctx.uiLang) };
  const cards = renderActorCards(msg.actors ?? [], ctx.s);
  if (cards) el.appendChild(Object.assign(cards, ui));
  const sources = renderSources(msg.sources ?? [], ctx.s);
  if (sources) el.appendChild(Object.assign(sources, ui));
  if (msg.messageId) el.appendChild(feedbackGroup(msg, ctx));
  return el;
}

/** The rest of the card, behind a "Show all steps" button (issue 10: the short answer comes first). */
function renderMore(msg: SavedMessage, ctx: MessageContext): HTMLElement {
  const id = `more-${msg.id}`;
  const details = h('div', { class: 'more-body', id, hidden: '', tabindex: '-1' });
  details.appendChild(renderMarkdown(msg.details!, document));
  const button = h('button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': id, lang: ctx.uiLang }, ctx.s.more);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    details.hidden = !open;
    // The button goes away once used; focus moves to the steps so keyboard and screen-reader users land there.
    if (open) {
      button.hidden = true;
      details.focus();
    }
  });
  return h('div', { class: 'more-wrap' }, button, details);
}

export function updateStreaming(el: HTMLElement, text: string): void {
  const body = el.querySelector('.body')!;
  body.replaceChildren(renderMarkdown(text, document));
}

function feedbackGroup(msg: SavedMessage, ctx: MessageContext): HTMLElement {
  const { s } = ctx;
  const qid = `fb-${msg.id}`;
  const group = h('div', { class: 'fb', role: 'group', 'aria-labelledby': qid, lang: ctx.uiLang, dir: dirOf(ctx.uiLang) },
    h('span', { id: qid }, s.helpful));
  const button = (text: string, helpful: boolean) =>
    h('button', { type: 'button', 'aria-pressed': String(msg.helpful === helpful), 'data-helpful': String(helpful), onclick: () => ctx.feedback(msg, helpful, group) }, text);
  group.append(button(s.yes, true), button(s.no, false), h('span', { class: 'thanks' }, msg.helpful === undefined ? '' : s.thanks));
  return group;
}

export function markFeedback(group: HTMLElement, helpful: boolean, s: UiStrings): void {
  group.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.helpful === String(helpful))));
  group.querySelector('.thanks')!.textContent = s.thanks;
}
