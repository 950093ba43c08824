import { describe, expect, it, vi } from 'vitest';
import type { ChatResponse } from '../../server/src/chat/protocol';
import { Connection, type ConnectionEvents, type Job } from '../../widget/src/connection';

class FakeWS {
  static all: FakeWS[] = [];
  sent: any[] = [];
  closed = false;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeWS.all.push(this);
  }
  send(data: string) {
    if (this.closed) throw new Error('send on a closed socket');
    this.sent.push(JSON.parse(data));
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.({});
  }
  accept() { this.onopen?.({}); }
  fail() { this.onerror?.({}); }
  frame(f: object) { this.onmessage?.({ data: JSON.stringify(f) }); }
  answer(text = 'Hello.') {
    this.frame({ type: 'start', conversationId: 'conv-12345', language: 'en' });
    this.frame({ type: 'delta', text });
    this.frame({ type: 'done', ...response(text) });
  }
}

const response = (answer: string): ChatResponse => ({
  conversationId: 'conv-12345', messageId: 1, language: 'en', answer, details: null, answered: true, topic: null, sources: [], actors: [], handover: { offered: false },
});
const job = (id: string, message = `question ${id}`): Job => ({ id, body: { message, tenant: 'genk', language: 'en', conversationId: 'conv-12345' } });

function setup(opts: { WebSocket?: unknown; fetch?: unknown } = { WebSocket: FakeWS }) {
  FakeWS.all = [];
  const timers: (() => void)[] = [];
  const log: string[] = [];
  const events: ConnectionEvents = {
    start: (j) => log.push(`start ${j.id}`),
    delta: (j, t) => log.push(`delta ${j.id} ${t}`),
    done: (j, r) => log.push(`done ${j.id} ${r.answer}`),
    error: (j, code) => log.push(`error ${j.id} ${code}`),
    retry: (j) => log.push(`retry ${j.id}`),
    status: (s) => log.push(`status ${s}`),
    live: (f) => log.push(`live ${f.type}`),
  };
  const conn = new Connection({
    wsUrl: 'ws://x/api/chat/ws', restUrl: 'http://x/api/chat', events,
    WebSocket: opts.WebSocket as typeof WebSocket, fetch: opts.fetch as typeof fetch,
    backoff: () => 1000,
    schedule: (fn) => {
      timers.push(fn);
      return () => timers.splice(timers.indexOf(fn), 1);
    },
  });
  const runTimers = () => timers.splice(0).forEach((fn) => fn());
  const asks = () => FakeWS.all.flatMap((ws) => ws.sent.map((f) => f.message));
  return { conn, log, timers, runTimers, asks, sockets: FakeWS.all };
}

describe('offline queue', () => {
  it('holds a message typed before the socket is open and sends it exactly once when it opens', () => {
    const { conn, asks, sockets, log } = setup();
    conn.connect();
    conn.ask(job('a'));
    conn.ask(job('a')); // the same message again (e.g. re-queued after a reload) is not duplicated
    expect(asks()).toEqual([]);
    sockets[0].accept();
    conn.kick();
    expect(asks()).toEqual(['question a']);
    sockets[0].answer('Hi!');
    expect(log.filter((l) => l.startsWith('done'))).toEqual(['done a Hi!']);
    expect(asks()).toEqual(['question a']);
  });

  it('sends a message typed while offline once the connection is back, never twice', () => {
    const { conn, asks, sockets, runTimers, timers, log } = setup();
    conn.connect();
    sockets[0].accept();
    sockets[0].close(); // connection lost
    conn.ask(job('b'));
    expect(sockets).toHaveLength(2);
    sockets[1].fail(); // still offline
    expect(log).toContain('status offline');
    expect(timers).toHaveLength(1);
    runTimers();
    expect(sockets).toHaveLength(3);
    sockets[2].fail();
    conn.kick(); // the browser says we are back online: retry now
    expect(sockets).toHaveLength(4);
    conn.kick();
    expect(sockets).toHaveLength(4);
    expect(asks()).toEqual([]);
    sockets[3].accept();
    expect(asks()).toEqual(['question b']);
    sockets[3].answer();
    expect(log.filter((l) => l.startsWith('done'))).toEqual(['done b Hello.']);
    expect(log).toContain('status online');
  });

  it('asks again once after an answer is cut off, and the user gets one answer', () => {
    const { conn, asks, sockets, runTimers, log } = setup();
    conn.ask(job('c'));
    sockets[0].accept();
    sockets[0].frame({ type: 'start', conversationId: 'conv-12345', language: 'en' });
    sockets[0].frame({ type: 'delta', text: 'Half an ans' });
    sockets[0].close();
    expect(log).toContain('retry c');
    runTimers();
    sockets[1].accept();
    expect(asks()).toEqual(['question c', 'question c']);
    expect(sockets[1].sent).toHaveLength(1);
    sockets[1].answer('Whole answer.');
    sockets[1].close();
    runTimers();
    expect(sockets).toHaveLength(2); // nothing left to send: no reconnect loop
    expect(log.filter((l) => l.startsWith('done'))).toEqual(['done c Whole answer.']);
  });

  it('sends questions one at a time, in order', () => {
    const { conn, sockets, log } = setup();
    conn.ask(job('1'));
    conn.ask(job('2'));
    sockets[0].accept();
    expect(sockets[0].sent.map((f) => f.message)).toEqual(['question 1']);
    sockets[0].frame({ type: 'error', code: 'message_too_long', message: 'Too long.' });
    expect(sockets[0].sent.map((f) => f.message)).toEqual(['question 1', 'question 2']);
    sockets[0].answer();
    expect(log.filter((l) => /^(done|error)/.test(l))).toEqual(['error 1 message_too_long', 'done 2 Hello.']);
    expect(sockets[0].sent[0]).toEqual({ type: 'ask', message: 'question 1', tenant: 'genk', language: 'en', conversationId: 'conv-12345' });
  });
});

describe('REST fallback', () => {
  const ok = (answer: string) => ({ status: 200, json: async () => response(answer) });

  it('posts to /api/chat when WebSockets never connect', async () => {
    const fetch = vi.fn(async () => ok('Over REST.'));
    const { conn, sockets, runTimers, log } = setup({ WebSocket: FakeWS, fetch });
    conn.ask(job('d'));
    sockets[0].fail();
    runTimers();
    sockets[1].fail();
    await vi.waitFor(() => expect(log).toContain('done d Over REST.'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse((fetch.mock.calls[0] as any)[1].body)).toEqual(job('d').body);
    expect(conn.transport).toBe('rest');
  });

  it('uses REST straight away without WebSocket support, retrying network failures', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(ok('Later.'));
    const { conn, runTimers, timers, log } = setup({ WebSocket: undefined, fetch });
    conn.ask(job('e'));
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(log).toContain('status offline');
    runTimers();
    await vi.waitFor(() => expect(log).toContain('done e Later.'));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(log.filter((l) => l.startsWith('done'))).toHaveLength(1);
  });

  it('reports a definite error instead of retrying it', async () => {
    const fetch = vi.fn(async () => ({ status: 403, json: async () => ({ error: { code: 'forbidden_origin', message: 'No.' } }) }));
    const { conn, timers, log } = setup({ WebSocket: undefined, fetch });
    conn.ask(job('f'));
    await vi.waitFor(() => expect(log).toContain('error f forbidden_origin'));
    expect(timers).toHaveLength(0);
    expect(conn.pending).toBe(0);
  });
});

describe('conversation token and clerk replies (issue 12)', () => {
  it('sends the token in the Authorization header over REST, never in the body', async () => {
    const fetch = vi.fn(async () => ({ status: 200, json: async () => response('Over REST.') }));
    const { conn, log } = setup({ WebSocket: undefined, fetch });
    conn.ask({ id: 't', body: { ...job('t').body, conversationToken: 'secret-token' } });
    await vi.waitFor(() => expect(log).toContain('done t Over REST.'));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
    expect(JSON.parse(String(init.body))).not.toHaveProperty('conversationToken');
  });

  it('subscribes on every (re)connection and hands clerk frames to the chat, even between answers', () => {
    FakeWS.all = [];
    const log: string[] = [];
    const conn = new Connection({
      wsUrl: 'ws://x', restUrl: 'http://x', WebSocket: FakeWS as unknown as typeof WebSocket,
      events: { start: () => 0, delta: () => 0, done: () => 0, error: () => 0, retry: () => 0, status: () => 0, live: (f: { type: string }) => log.push(`${f.type}`) } as unknown as ConnectionEvents,
      hello: () => ({ type: 'subscribe', conversationId: 'conv-12345', conversationToken: 'tok', after: 3 }),
      schedule: () => () => undefined,
    });
    conn.connect();
    FakeWS.all[0].accept();
    expect(FakeWS.all[0].sent[0]).toEqual({ type: 'subscribe', conversationId: 'conv-12345', conversationToken: 'tok', after: 3 });
    FakeWS.all[0].frame({ type: 'reply', id: 4, handoverId: 1, text: 'Hallo', language: 'nl', at: '2026-12-06T10:00:00Z' });
    FakeWS.all[0].frame({ type: 'handover', handoverId: 1, status: 'closed' });
    expect(log).toEqual(['reply', 'handover']);
  });
});
