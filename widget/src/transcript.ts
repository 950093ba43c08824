import { h } from './dom';
import { dirOf, type UiStrings } from './i18n';
import { renderAssistant, renderClerk, renderNotice, renderUser, updateStreaming, type MessageContext } from './messages';
import type { PanelRefs } from './panel';
import type { SavedMessage } from './storage';

/** The transcript's DOM: saved messages, answers being streamed, the typing line and the live region. */
export class Transcript {
  private streams = new Map<string, { el: HTMLElement; text: string }>();
  private typing: HTMLElement | null = null;
  private chips: HTMLElement | null = null;

  constructor(private refs: PanelRefs) {}

  /** Re-renders everything into (possibly new) panel refs; answers being streamed are kept. */
  render(refs: PanelRefs, messages: SavedMessage[], ctx: MessageContext, chips: () => HTMLElement): void {
    this.refs = refs;
    const { log } = refs;
    log.replaceChildren(h('div', { class: 'msg bot', lang: ctx.uiLang, dir: dirOf(ctx.uiLang) }, ctx.s.intro));
    this.typing = null;
    this.chips = messages.length ? null : chips();
    if (this.chips) log.appendChild(this.chips);
    for (const m of messages) {
      log.appendChild(m.role === 'user' ? renderUser(m, ctx) : m.role === 'notice' ? renderNotice(m, ctx) : m.role === 'clerk' ? renderClerk(m, ctx) : renderAssistant(m, ctx));
    }
    for (const { el } of this.streams.values()) log.appendChild(el);
  }

  reset(): void {
    this.streams.clear();
  }

  removeChips(): void {
    this.chips?.remove();
    this.chips = null;
  }

  get streaming(): boolean { return this.streams.size > 0; }

  startStream(id: string, lang: string, ctx: MessageContext): void {
    this.hideTyping();
    if (this.streams.has(id)) return;
    const el = renderAssistant({ id: 's' + id, role: 'assistant', text: '', lang }, ctx, true);
    this.streams.set(id, { el, text: '' });
    this.append(el);
  }

  delta(id: string, text: string, reset = false): void {
    const stream = this.streams.get(id);
    if (!stream) return;
    stream.text = reset ? text : stream.text + text;
    updateStreaming(stream.el, stream.text);
    this.scroll();
  }

  dropStream(id: string): void {
    this.streams.get(id)?.el.remove();
    this.streams.delete(id);
  }

  /** Puts a final element where its streamed version was (or at the end). */
  place(id: string | null, el: HTMLElement): void {
    const streamed = id ? this.streams.get(id)?.el : null;
    if (id) this.streams.delete(id);
    if (streamed?.isConnected) streamed.replaceWith(el);
    else this.append(el);
    this.scroll();
    // A long answer is read from its start, not its end.
    const { log } = this.refs;
    if (el.offsetHeight > log.clientHeight) log.scrollTop = el.offsetTop - 8;
  }

  append(el: HTMLElement): void {
    if (this.typing) this.refs.log.insertBefore(el, this.typing);
    else this.refs.log.appendChild(el);
    this.scroll();
  }

  scroll(): void {
    const { log } = this.refs;
    log.scrollTop = log.scrollHeight;
  }

  /** Each finished answer is announced once, in the polite live region (never the deltas). */
  announce(text: string, lang: string): void {
    const { live } = this.refs;
    live.textContent = '';
    live.setAttribute('lang', lang);
    setTimeout(() => (live.textContent = text), 50);
  }

  /** "Waiting for the connection" under questions not sent yet, while offline. */
  updateNotes(messages: SavedMessage[], offline: boolean, s: UiStrings): void {
    for (const m of messages) {
      if (m.role !== 'user') continue;
      const note = this.refs.log.querySelector(`[data-id="${m.id}"] .note`);
      if (note) note.textContent = m.pending && offline ? s.queued : '';
    }
  }

  showTyping(messages: SavedMessage[], s: UiStrings, lang: string): void {
    const waiting = messages.some((m) => m.role === 'user' && m.pending);
    if (!waiting || this.typing || this.streams.size) return;
    this.typing = h('p', { class: 'typing', lang }, s.writing);
    this.refs.log.appendChild(this.typing);
  }

  hideTyping(): void {
    this.typing?.remove();
    this.typing = null;
  }
}
