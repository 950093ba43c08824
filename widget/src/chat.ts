import type { ChatResponse } from '../../server/src/chat/protocol';
import { fetchReplies, requestHandover, sendFeedback } from './api';
import { Connection, type Job, type LiveFrame, type Status } from './connection';
import { randomId } from './dom';
import { chipQuestion, isLang, strings, type Lang } from './i18n';
import { markFeedback, renderAssistant, renderClerk, renderNotice, renderUser, type MessageContext } from './messages';
import { buildChips, buildPanel, type PanelRefs } from './panel';
import { ConversationStore, type SavedConversation, type SavedMessage } from './storage';
import { Transcript } from './transcript';
import type { WidgetOptions } from './widget';

export interface ChatHooks { close(): void; language(lang: Lang): void }

const plain = (md: string) => md.replace(/\*\*?/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/^\s*[-*•]\s+/gm, '');

/** The open chat of one widget: conversation state, connection, persistence and user actions. */
export class Chat {
  private refs!: PanelRefs;
  private transcript!: Transcript;
  private saved: SavedConversation;
  private remember: boolean;
  private readonly store: ConversationStore;
  private conn!: Connection;
  private lang: Lang;
  private offline = false;
  private readonly onOnline = () => this.conn.kick();

  constructor(private readonly opts: WidgetOptions, lang: Lang, private readonly hooks: ChatHooks) {
    this.store = new ConversationStore(`welcome-desk:${opts.tenant}:${opts.key}`);
    const loaded = this.store.load();
    this.remember = !!loaded?.remember;
    this.saved = loaded?.saved ?? this.fresh(lang);
    this.lang = isLang(this.saved.language) ? this.saved.language : lang;
    this.build();
    this.connect();
    window.addEventListener('online', this.onOnline);
  }

  get language(): Lang { return this.lang; }
  get panelElement(): HTMLElement { return this.refs.panel; }

  show(focusLanguage = false): void {
    this.refs.panel.hidden = false;
    this.transcript.scroll();
    (focusLanguage ? this.refs.select : this.refs.input).focus();
  }

  hide(): void {
    this.refs.panel.hidden = true;
    this.togglePerson(false);
  }

  setLanguage(lang: Lang): void {
    this.lang = this.saved.language = lang;
    if (this.saved.messages.length || this.remember) this.persist();
    const wasOpen = !this.refs.panel.hidden;
    const draft = this.refs.input.value;
    this.build();
    this.refs.panel.classList.add('still'); // no opening animation on a language switch
    this.refs.input.value = draft;
    this.refs.panel.hidden = !wasOpen;
  }

  destroy(): void {
    this.conn.destroy();
    window.removeEventListener('online', this.onOnline);
  }

  // --- connection events (see connection.ts) ---------------------------------------------------

  start(job: Job, language: string): void {
    this.transcript.startStream(job.id, language, this.ctx());
  }

  delta(job: Job, text: string, reset = false): void {
    this.transcript.delta(job.id, text, reset);
  }

  done(job: Job, r: ChatResponse): void {
    this.answered(job);
    if (r.conversationToken) this.saved.token = r.conversationToken;
    const msg: SavedMessage = { id: 'a' + job.id, role: 'assistant', text: r.answer, lang: r.language, messageId: r.messageId, sources: r.sources, actors: r.actors, ...(r.details ? { details: r.details } : {}), ...(r.crisis ? { crisis: r.crisis } : {}) };
    this.saved.messages.push(msg);
    this.persist();
    this.transcript.place(job.id, renderAssistant(msg, this.ctx()));
    this.afterChange();
    // A crisis answer is announced with its number first, whatever the screen reader reads next.
    const calls = r.crisis?.calls.map((c) => `${this.s.call} ${c.number}`).join('. ');
    this.transcript.announce(calls ? `${calls}. ${plain(r.answer)}` : plain(r.answer), r.language);
  }

  error(job: Job, code?: string): void {
    // A conversation whose token was lost (or stored by an older widget) cannot go on: start a new one
    // and ask the same question there, so nothing the person typed is lost.
    if (code === 'invalid_token') {
      this.saved.conversationId = randomId();
      delete this.saved.token;
      delete this.saved.lastReplyId;
      this.persist();
      this.conn.ask(this.job(this.saved.messages.find((m) => m.id === job.id) ?? { id: job.id, role: 'user', text: job.body.message, lang: this.lang }));
      return;
    }
    this.answered(job);
    this.notice(this.s.error, this.lang, job);
  }

  /** A clerk's reply (live or fetched) or a change of the handover (issue 12). */
  live(frame: LiveFrame): void {
    if (frame.type === 'handover') return this.notice(frame.status === 'closed' ? this.s.humanClosed : this.s.humanJoined, this.lang);
    if (frame.id <= (this.saved.lastReplyId ?? 0)) return;
    this.saved.lastReplyId = frame.id;
    if (!this.saved.messages.some((m) => m.role === 'clerk')) this.notice(this.s.humanJoined, this.lang);
    const msg: SavedMessage = { id: 'r' + frame.id, role: 'clerk', text: frame.text, lang: frame.language };
    this.saved.messages.push(msg);
    this.persist();
    this.transcript.append(renderClerk(msg, this.ctx()));
    this.afterChange();
    this.transcript.announce(`${this.s.clerk}: ${frame.text}`, frame.language);
  }

  /** Replies that came while this page was closed or the socket was down. */
  private async catchUp(): Promise<void> {
    const { token, conversationId } = this.saved;
    if (!token) return;
    try {
      const r = await fetchReplies(this.opts.origin, conversationId, token, this.saved.lastReplyId ?? 0);
      for (const reply of r.replies) this.live({ type: 'reply', ...reply });
    } catch {
      /* offline or an old conversation: the socket's subscription catches up later */
    }
  }

  retry(job: Job): void {
    this.transcript.dropStream(job.id);
    this.afterChange();
  }

  status(status: Status): void {
    if (status === 'connecting') return;
    this.offline = status === 'offline';
    const bar = this.refs.status;
    bar.textContent = this.offline ? this.s.offline : '';
    bar.hidden = !this.offline;
    this.afterChange();
  }

  // --- user actions ----------------------------------------------------------------------------

  private send(text: string): void {
    const msg: SavedMessage = { id: randomId(), role: 'user', text, lang: this.lang, pending: true };
    this.saved.messages.push(msg);
    this.persist();
    this.transcript.removeChips();
    this.transcript.append(renderUser(msg, this.ctx()));
    this.afterChange();
    this.conn.ask(this.job(msg));
  }

  private feedback(msg: SavedMessage, helpful: boolean, group: HTMLElement): void {
    msg.helpful = helpful;
    markFeedback(group, helpful, this.s);
    this.persist();
    this.transcript.announce(this.s.thanks, this.lang);
    sendFeedback(this.opts.origin, this.saved.conversationId, msg.messageId!, helpful).catch(() => undefined);
  }

  private togglePerson(show = this.refs.handover.hidden): void {
    const { handover, personBtn, contact } = this.refs;
    if (handover.hidden === !show) return;
    handover.hidden = !show;
    personBtn.setAttribute('aria-expanded', String(show));
    (show ? contact : personBtn).focus();
  }

  private async handover(contact: string): Promise<void> {
    const { conversationId } = this.saved;
    try {
      const r = await requestHandover(this.opts.origin, this.saved.token, { conversationId, tenant: this.opts.tenant, language: this.lang, ...(contact ? { contact } : {}) });
      this.notice(r.message, r.language);
      this.refs.contact.value = '';
      this.togglePerson(false);
    } catch {
      this.notice(this.s.error, this.lang);
    }
  }

  private newChat(): void {
    this.conn.destroy();
    this.store.clear();
    this.saved = this.fresh(this.lang);
    this.transcript.reset();
    this.status('online');
    this.renderLog();
    this.connect();
    this.refs.input.focus();
  }

  // --- internals -------------------------------------------------------------------------------

  private get s() { return strings(this.lang); }

  private ctx(): MessageContext {
    return { s: this.s, uiLang: this.lang, feedback: (m, helpful, g) => this.feedback(m, helpful, g) };
  }

  private build(): void {
    const title = this.opts.title || this.s.title;
    this.refs = buildPanel(this.s, this.lang, title, this.remember, {
      close: () => this.hooks.close(),
      newChat: () => this.newChat(),
      language: (code) => isLang(code) && this.hooks.language(code),
      send: (text) => this.send(text),
      togglePerson: () => this.togglePerson(),
      handover: (contact) => void this.handover(contact),
      remember: (on) => ((this.remember = on), this.persist()),
    });
    this.transcript ??= new Transcript(this.refs);
    this.renderLog();
    if (this.offline) this.status('offline');
  }

  private renderLog(): void {
    this.transcript.render(this.refs, this.saved.messages, this.ctx(), () => buildChips(this.s, (topic) => this.send(chipQuestion(this.s, topic))));
    this.afterChange();
  }

  private afterChange(): void {
    this.transcript.updateNotes(this.saved.messages, this.offline, this.s);
    this.transcript.showTyping(this.saved.messages, this.s, this.lang);
  }

  private connect(): void {
    this.conn = new Connection({
      wsUrl: this.opts.origin.replace(/^http/, 'ws') + '/api/chat/ws',
      restUrl: this.opts.origin + '/api/chat',
      events: this,
      WebSocket: window.WebSocket,
      fetch: window.fetch.bind(window),
      // Each (re)connection subscribes to clerk replies and gets the ones it missed.
      hello: () => (this.saved.token ? { type: 'subscribe', conversationId: this.saved.conversationId, conversationToken: this.saved.token, after: this.saved.lastReplyId ?? 0 } : null),
    });
    if (this.conn.transport === 'rest') void this.catchUp();
    for (const m of this.saved.messages) if (m.role === 'user' && m.pending) this.conn.ask(this.job(m));
    this.conn.connect();
  }

  private job(m: SavedMessage): Job {
    return { id: m.id, body: { message: m.text, tenant: this.opts.tenant, language: m.lang, conversationId: this.saved.conversationId, clientMessageId: m.id, ...(this.saved.token ? { conversationToken: this.saved.token } : {}) } };
  }

  private fresh(lang: string): SavedConversation {
    return { v: 1, conversationId: randomId(), language: lang, messages: [] };
  }

  private persist(): void {
    this.store.save(this.saved, this.remember);
  }

  private answered(job: Job): void {
    const user = this.saved.messages.find((m) => m.id === job.id);
    if (user) delete user.pending;
    this.transcript.hideTyping();
  }

  private notice(text: string, lang: string, job?: Job): void {
    const msg: SavedMessage = { id: randomId(), role: 'notice', text, lang };
    this.saved.messages.push(msg);
    this.persist();
    this.transcript.place(job?.id ?? null, renderNotice(msg, this.ctx()));
    this.afterChange();
    this.transcript.announce(text, lang);
  }
}
