import type { ChatResponse, ServerFrame } from '../../server/src/chat/protocol';

export interface AskBody { message: string; tenant: string; language?: string; conversationId: string; clientMessageId?: string; conversationToken?: string }
export type LiveFrame = Extract<ServerFrame, { type: 'reply' | 'handover' }>;
export interface Job { id: string; body: AskBody }
export type Status = 'online' | 'connecting' | 'offline';

export interface ConnectionEvents {
  start(job: Job, language: string): void;
  /** `reset`: the text streamed so far is void and starts over from `text` (a server check replaced it). */
  delta(job: Job, text: string, reset?: boolean): void;
  done(job: Job, response: ChatResponse): void;
  error(job: Job, code: string, message: string): void;
  /** The answer being streamed was cut off; it will be asked again (drop the partial text). */
  retry(job: Job): void;
  status(status: Status): void;
  /** A clerk's reply or a handover change, not tied to a question (issue 12). */
  live(frame: LiveFrame): void;
}

export interface ConnectionOptions {
  wsUrl: string;
  restUrl: string;
  events: ConnectionEvents;
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  /** A frame sent each time the socket opens (the subscription to clerk replies), or null. */
  hello?: () => object | null;
  /** Milliseconds to wait before attempt n (1-based). */
  backoff?: (attempt: number) => number;
  schedule?: (fn: () => void, ms: number) => () => void;
}

export const defaultBackoff = (n: number) => Math.min(30_000, 500 * 2 ** (n - 1)) * (0.75 + Math.random() / 2);
const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};
// Transient HTTP failures worth retrying; anything else is reported to the user.
const RETRY_STATUS = [0, 408, 429, 502, 503, 504];

/**
 * One queue of questions, sent one at a time (the server answers a socket's questions in order)
 * over a WebSocket, or over POST /api/chat when WebSockets never connect. A question leaves the
 * queue only when its answer (or a definite error) arrives: typed offline, it waits; cut off
 * mid-answer, it is asked again once; it is never on the wire twice at the same time.
 */
export class Connection {
  private queue: Job[] = [];
  private inflight: Job | null = null;
  private ws: WebSocket | null = null;
  private open = false;
  private everOpened = false;
  private failures = 0;
  private cancelTimer: (() => void) | null = null;
  private mode: 'ws' | 'rest';
  private destroyed = false;
  private readonly backoff: (n: number) => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly opts: ConnectionOptions) {
    this.mode = opts.WebSocket ? 'ws' : 'rest';
    this.backoff = opts.backoff ?? defaultBackoff;
    this.schedule = opts.schedule ?? defaultSchedule;
  }

  get transport() { return this.mode; }
  get pending() { return this.queue.length; }

  /** Opens the socket ahead of the first question (called when the panel opens). */
  connect(): void {
    if (this.mode === 'ws') this.ensureSocket();
  }

  ask(job: Job): void {
    if (this.queue.some((j) => j.id === job.id)) return;
    this.queue.push(job);
    this.pump();
  }

  /** Back online (or the user is waiting): retry now instead of after the backoff. */
  kick(): void {
    if (!this.cancelTimer) return;
    this.cancelTimer();
    this.cancelTimer = null;
    this.pump();
    if (this.mode === 'ws' && !this.queue.length) this.ensureSocket();
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelTimer?.();
    this.queue = [];
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }

  private pump(): void {
    if (this.destroyed || this.inflight || !this.queue.length || this.cancelTimer) return;
    if (this.mode === 'rest') return void this.post(this.queue[0]);
    if (!this.open || !this.ws) return this.ensureSocket();
    this.inflight = this.queue[0];
    this.ws.send(JSON.stringify({ type: 'ask', ...this.inflight.body }));
  }

  private ensureSocket(): void {
    if (this.destroyed || this.ws || this.cancelTimer) return;
    let ws: WebSocket;
    try {
      ws = new this.opts.WebSocket!(this.opts.wsUrl);
    } catch {
      return this.useRest();
    }
    this.ws = ws;
    this.opts.events.status('connecting');
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.open = this.everOpened = true;
      this.failures = 0;
      this.opts.events.status('online');
      const hello = this.opts.hello?.();
      if (hello) ws.send(JSON.stringify(hello));
      this.pump();
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        return;
      }
      this.onFrame(frame);
    };
    ws.onerror = () => ws.close();
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.open = false;
      const cut = this.inflight;
      this.inflight = null;
      if (cut) this.opts.events.retry(cut);
      this.failures++;
      if (!this.everOpened && this.failures >= 2) return this.useRest();
      if (this.queue.length) this.retryLater();
    };
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'reply' || frame.type === 'handover') return this.opts.events.live(frame);
    const job = this.inflight;
    if (!job) return;
    const ev = this.opts.events;
    if (frame.type === 'start') ev.start(job, frame.language);
    else if (frame.type === 'delta') ev.delta(job, frame.text);
    else if (frame.type === 'reset') ev.delta(job, '', true);
    else if (frame.type === 'done' || frame.type === 'error') {
      this.queue.shift();
      this.inflight = null;
      if (frame.type === 'done') {
        const { type: _type, ...response } = frame;
        ev.done(job, response);
      } else ev.error(job, frame.code, frame.message);
      this.pump();
    }
  }

  private useRest(): void {
    this.mode = 'rest';
    this.ws = null;
    this.pump();
  }

  private retryLater(): void {
    if (this.destroyed || this.cancelTimer) return;
    this.opts.events.status('offline');
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.pump();
    }, this.backoff(Math.max(1, this.failures)));
  }

  private async post(job: Job): Promise<void> {
    this.inflight = job;
    let status = 0;
    let body: any = null;
    try {
      // Over REST the conversation's token travels in the Authorization header, not in the body.
      const { conversationToken, ...ask } = job.body;
      const res = await (this.opts.fetch ?? fetch)(this.opts.restUrl, {
        method: 'POST', credentials: 'omit', body: JSON.stringify(ask),
        headers: { 'content-type': 'application/json', ...(conversationToken ? { authorization: `Bearer ${conversationToken}` } : {}) },
      });
      status = res.status;
      body = await res.json().catch(() => null);
    } catch {
      status = 0;
    }
    if (this.destroyed || this.inflight !== job) return;
    this.inflight = null;
    if (status >= 200 && status < 300 && body) {
      this.failures = 0;
      this.queue.shift();
      this.opts.events.status('online');
      this.opts.events.start(job, body.language);
      this.opts.events.delta(job, body.answer);
      this.opts.events.done(job, body as ChatResponse);
    } else if (RETRY_STATUS.includes(status)) {
      this.failures++;
      return this.retryLater();
    } else {
      this.queue.shift();
      this.opts.events.error(job, body?.error?.code ?? 'http_' + status, body?.error?.message ?? '');
    }
    this.pump();
  }
}
