import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../server/src/chat/protocol';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';
import { buildTestApp } from '../helpers/test-app';
import { frames } from '../helpers/ws-frames';

// Issue 13, build section 8: /metrics, /health/ready, X-Request-Id in and out and in the log lines.

type LogLine = { level: number; msg: string; reqId?: string; askId?: string; [key: string]: unknown };

/** A pino destination that keeps the lines, parsed. */
function logSink() {
  const lines: LogLine[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } };
}

/** The value of one Prometheus series, e.g. `name{a="b",c="d"}`; null when the series is absent. */
function series(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return null;
}

describe('observability', () => {
  let app: FastifyInstance;
  const log = logSink();
  beforeAll(async () => {
    app = await buildTestApp({ logLevel: 'info' }, { knowledge: fixtureKnowledge(), logStream: log.stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const ask = (message: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/chat', payload: { message, tenant: 'genk' }, headers });
  const scrape = async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.body;
  };

  describe('GET /metrics', () => {
    it('counts answers by mode, topic, language and answered, and requests per route pattern', async () => {
      const before = await scrape();
      const known = await ask('How do I register at the town hall?');
      const unknown = await ask('What is the best pizza in town?');
      expect(known.json()).toMatchObject({ answered: true, topic: 'registration', language: 'en' });
      expect(unknown.json()).toMatchObject({ answered: false, topic: null, language: 'en' });

      const text = await scrape();
      const answered = { mode: 'extractive', topic: 'registration', language: 'en', answered: 'true' };
      expect(series(before, 'welcome_desk_answers_total', answered)).toBeNull();
      expect(series(text, 'welcome_desk_answers_total', answered)).toBe(1);
      expect(series(text, 'welcome_desk_answers_total', { mode: 'unknown', topic: 'none', language: 'en', answered: 'false' })).toBe(1);

      const chat = { method: 'POST', route: '/api/chat', status_code: '200' };
      expect(series(text, 'http_request_duration_seconds_count', chat)).toBe(2);
      expect(series(text, 'http_request_duration_seconds_bucket', { ...chat, le: '+Inf' })).toBe(2);
      expect(series(text, 'http_request_duration_seconds_sum', chat)).toBeGreaterThan(0);
    });

    it('labels a request by its route pattern, never by the raw URL', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/tenants/genk' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/no-such-thing/12345' })).statusCode).toBe(404);
      const text = await scrape();
      expect(series(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/tenants/:slug', status_code: '200' })).toBe(1);
      expect(series(text, 'http_request_duration_seconds_count', { method: 'GET', route: '(unmatched)', status_code: '404' })).toBe(1);
      expect(text).not.toContain('/api/tenants/genk');
      expect(text).not.toContain('12345');
    });

    it('reports open handovers and WebSocket connections at scrape time, and the event-loop lag', async () => {
      const first = (await ask('How do I register at the town hall?')).json();
      const filed = await app.inject({
        method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${first.conversationToken}` },
        payload: { conversationId: first.conversationId, note: 'Please call me' },
      });
      expect(filed.statusCode).toBe(201);

      const ws = await app.injectWS('/api/chat/ws');
      try {
        const text = await scrape();
        expect(series(text, 'welcome_desk_handovers', { status: 'open' })).toBe(1);
        expect(series(text, 'welcome_desk_handovers', { status: 'assigned' })).toBe(0);
        expect(series(text, 'welcome_desk_websocket_connections', {})).toBe(1);
        expect(series(text, 'nodejs_eventloop_lag_seconds', {})).not.toBeNull();
      } finally {
        ws.terminate();
      }
      // The server sees the close a few ticks later: wait for it rather than for a fixed time.
      let open: number | null = 1;
      for (let i = 0; i < 100 && open !== 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        open = series(await scrape(), 'welcome_desk_websocket_connections', {});
      }
      expect(open).toBe(0);
    });

    it('counts answers given over the WebSocket too', async () => {
      const ws = await app.injectWS('/api/chat/ws');
      try {
        const pending = frames(ws, (f) => f.type === 'done' || f.type === 'error');
        ws.send(JSON.stringify({ type: 'ask', message: 'Bonjour !', tenant: 'liege' }));
        const done = (await pending).at(-1) as Extract<ServerFrame, { type: 'done' }>;
        expect(done).toMatchObject({ type: 'done', language: 'fr', topic: null });
      } finally {
        ws.terminate();
      }
      expect(series(await scrape(), 'welcome_desk_answers_total', { mode: 'small-talk', topic: 'none', language: 'fr', answered: 'true' })).toBe(1);
    });
  });

  describe('GET /health/ready', () => {
    it('is ready when the database answers and the index holds cards', async () => {
      const res = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready', checks: { db: 'ok', index: 'ok' } });
    });

    it('keeps /health as liveness', async () => {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', cards: fixtureKnowledge().cards.length });
    });
  });

  describe('X-Request-Id', () => {
    it('keeps a sane incoming id, echoes it, and puts it on the request\'s log lines', async () => {
      const res = await ask('How do I register at the town hall?', { 'x-request-id': 'trace.me-42_A' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toBe('trace.me-42_A');
      const lines = log.lines.filter((l) => l.reqId === 'trace.me-42_A');
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    });

    it('replaces a missing, overlong or odd id with a generated UUID', async () => {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      const ids: string[] = [];
      for (const header of [undefined, 'x'.repeat(101), 'has space', 'new\\nline', '<script>']) {
        const res = await app.inject({ method: 'GET', url: '/health', headers: header === undefined ? {} : { 'x-request-id': header } });
        const id = res.headers['x-request-id'] as string;
        expect(id).toMatch(uuid);
        ids.push(id);
      }
      expect(new Set(ids).size).toBe(ids.length);
      // A 100-character id is still accepted.
      const long = 'a'.repeat(100);
      expect((await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': long } })).headers['x-request-id']).toBe(long);
    });

    it('is on error responses too', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 42 }, headers: { 'x-request-id': 'bad-ask-1' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(res.headers['x-request-id']).toBe('bad-ask-1');
    });

    it('gives each WebSocket ask its own id under the upgrade request\'s id', async () => {
      const ws = await app.injectWS('/api/chat/ws', { headers: { 'x-request-id': 'ws-trace-7' } });
      try {
        for (const message of ['How do I register at the town hall?', 'Bonjour !']) {
          const pending = frames(ws, (f) => f.type === 'done' || f.type === 'error');
          ws.send(JSON.stringify({ type: 'ask', message, tenant: 'genk' }));
          expect((await pending).at(-1)?.type).toBe('done');
        }
      } finally {
        ws.terminate();
      }
      const asks = log.lines.filter((l) => l.reqId === 'ws-trace-7' && l.msg === 'websocket ask answered');
      expect(asks.map((l) => l.askId)).toEqual(['ws-trace-7:1', 'ws-trace-7:2']);
    });
  });
});

describe('observability with METRICS_TOKEN, and a lost database', () => {
  let app: FastifyInstance;
  const token = 'metrics-secret-0123456789';
  beforeAll(async () => {
    app = await buildTestApp({ metricsToken: token }, { knowledge: fixtureKnowledge() });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('protects /metrics with a bearer token when one is configured', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${token}`]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(res.body).not.toContain(token);
    }
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });

  it('is not ready (503, with the failing check) once the database is closed', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    app.db.close();
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: { code: 'not_ready', message: expect.stringContaining('db') },
      checks: { db: 'failed', index: 'ok' },
    });
    // Liveness does not depend on the database.
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
