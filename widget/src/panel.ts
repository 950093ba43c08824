import { h } from './dom';
import { chipLabel, dirOf, LANGUAGE_NAMES, LANGUAGES, TOPICS, type TopicKey, type UiStrings } from './i18n';

// The panel's static parts. Rebuilt when the language changes; the transcript is re-rendered into it.

const NS = 'http://www.w3.org/2000/svg';
export function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  svg.appendChild(path);
  return svg;
}
export const ICON_CHAT = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z';
const ICON_CLOSE = 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z';
const ICON_SEND = 'M3 20.5 21 12 3 3.5 3 10l12 2-12 2z';
const ICON_NEW = 'M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z';

export interface PanelRefs {
  panel: HTMLElement;
  log: HTMLElement;
  status: HTMLElement;
  input: HTMLTextAreaElement;
  select: HTMLSelectElement;
  closeBtn: HTMLButtonElement;
  personBtn: HTMLButtonElement;
  handover: HTMLFormElement;
  contact: HTMLInputElement;
  remember: HTMLInputElement;
  live: HTMLElement;
}

export interface PanelHandlers {
  close(): void;
  newChat(): void;
  language(code: string): void;
  send(text: string): void;
  togglePerson(): void;
  handover(contact: string): void;
  remember(on: boolean): void;
}

export function buildPanel(s: UiStrings, lang: string, title: string, remember: boolean, on: PanelHandlers): PanelRefs {
  const select = h('select', { class: 'lang', id: 'wd-lang', 'aria-label': s.language, onchange: () => on.language(select.value) });
  for (const code of LANGUAGES) {
    const opt = h('option', { value: code, lang: code, dir: dirOf(code) }, LANGUAGE_NAMES[code]);
    opt.selected = code === lang;
    select.appendChild(opt);
  }
  const closeBtn = h('button', { type: 'button', class: 'icon', 'aria-label': s.close, onclick: on.close }, icon(ICON_CLOSE));
  const head = h('div', { class: 'head' },
    h('h2', { id: 'wd-title' }, title),
    select,
    h('button', { type: 'button', class: 'icon', 'aria-label': s.newChat, title: s.newChat, onclick: on.newChat }, icon(ICON_NEW)),
    closeBtn);

  const status = h('p', { class: 'status', hidden: true });
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-labelledby': 'wd-title', tabindex: '0' });

  const input = h('textarea', { id: 'wd-input', rows: '1', maxlength: '2000', placeholder: s.placeholder, 'aria-label': s.inputLabel, enterkeyhint: 'send' });
  const submit = () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    on.send(text);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  const compose = h('form', { class: 'compose', onsubmit: (e: Event) => (e.preventDefault(), submit()) },
    input, h('button', { type: 'submit', class: 'send', 'aria-label': s.send }, icon(ICON_SEND)));

  const contact = h('input', { id: 'wd-contact', type: 'text', autocomplete: 'email', maxlength: '200' });
  const handover = h('form', { class: 'handover', hidden: true, onsubmit: (e: Event) => (e.preventDefault(), on.handover(contact.value.trim())) },
    h('label', { for: 'wd-contact' }, s.contact), contact,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'btn primary' }, s.request),
      h('button', { type: 'button', class: 'btn', onclick: on.togglePerson }, s.cancel)));

  const personBtn = h('button', { type: 'button', class: 'btn', 'aria-expanded': 'false', onclick: on.togglePerson }, s.person);
  const rememberBox = h('input', { type: 'checkbox', id: 'wd-remember', onchange: () => on.remember(rememberBox.checked) });
  rememberBox.checked = remember;
  const foot = h('div', { class: 'foot' }, personBtn, h('label', { for: 'wd-remember' }, rememberBox, s.remember));

  const live = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const panel = h('div', { class: 'panel', id: 'wd-panel', role: 'dialog', 'aria-labelledby': 'wd-title', lang, dir: dirOf(lang), hidden: true },
    head, status, log, handover, compose, foot, live);
  return { panel, log, status, input, select, closeBtn, personBtn, handover, contact, remember: rememberBox, live };
}

export function buildChips(s: UiStrings, ask: (topic: TopicKey) => void): HTMLElement {
  const list = h('ul', { class: 'chips', 'aria-label': s.topics });
  for (const topic of TOPICS) list.appendChild(h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => ask(topic) }, chipLabel(s, topic))));
  return list;
}
