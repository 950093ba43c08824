import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../server/src/chat/protocol';
import { buildTestApp } from '../helpers/test-app';
import { frames } from '../helpers/ws-frames';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/chat/ws', () => {
  it('streams start, deltas and done, and stays open for the next question', async () => {
    const ws = await app.injectWS('/api/chat/ws');
    try {
      const pending = frames(ws, (f) => f.type === 'done' || f.type === 'error');
      ws.send(JSON.stringify({ type: 'ask', message: 'How do I register at the town hall?', tenant: 'genk' }));
      const got = await pending;
      expect(got[0]).toMatchObject({ type: 'start', language: 'en' });
      const deltas = got.filter((f) => f.type === 'delta') as { text: string }[];
      expect(deltas.length).toBeGreaterThan(1);
      const done = got.at(-1) as Extract<ServerFrame, { type: 'done' }>;
      expect(done).toMatchObject({ type: 'done', answered: true, topic: 'registration', language: 'en' });
      expect(deltas.map((d) => d.text).join('')).toBe(done.answer);

      const next = frames(ws, (f) => f.type === 'done');
      ws.send(JSON.stringify({ type: 'ask', message: 'mutuelle?', tenant: 'genk', conversationId: done.conversationId, conversationToken: done.conversationToken }));
      const second = (await next).at(-1) as Extract<ServerFrame, { type: 'done' }>;
      expect(second).toMatchObject({ conversationId: done.conversationId, language: 'en' });
    } finally {
      ws.terminate();
    }
  });

  it('answers a bad frame with an error frame and keeps the socket open', async () => {
    const ws = await app.injectWS('/api/chat/ws');
    try {
      let pending = frames(ws, () => true);
      ws.send('not json');
      expect((await pending)[0]).toMatchObject({ type: 'error', code: 'invalid_request' });

      pending = frames(ws, () => true);
      ws.send(JSON.stringify({ type: 'ask', message: '' }));
      expect((await pending)[0]).toMatchObject({ type: 'error', code: 'invalid_request' });

      pending = frames(ws, () => true);
      ws.send(JSON.stringify({ type: 'ask', message: 'x'.repeat(2001) }));
      expect((await pending)[0]).toMatchObject({ type: 'error', code: 'message_too_long' });

      pending = frames(ws, () => true);
      ws.send(JSON.stringify({ type: 'ask', message: 'hello', tenant: 'atlantis' }));
      expect((await pending)[0]).toMatchObject({ type: 'error', code: 'unknown_tenant' });

      pending = frames(ws, (f) => f.type === 'done');
      ws.send(JSON.stringify({ type: 'ask', message: 'hello', tenant: 'genk' }));
      expect((await pending).at(-1)).toMatchObject({ type: 'done', answered: true });
    } finally {
      ws.terminate();
    }
  });
});

describe('WebSocket rate limit', () => {
  it('answers asks beyond the per-minute budget with a rate_limited frame and keeps the socket open', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 2 });
    await limited.ready();
    const ws = await limited.injectWS('/api/chat/ws');
    try {
      const got = frames(ws, (f) => f.type === 'error');
      for (let i = 0; i < 3; i++) ws.send(JSON.stringify({ type: 'ask', message: 'hello', tenant: 'genk' }));
      const all = await got;
      expect(all.filter((f) => f.type === 'done').length).toBeLessThanOrEqual(2);
      expect(all.at(-1)).toMatchObject({ type: 'error', code: 'rate_limited' });
      expect(ws.readyState).toBe(ws.OPEN);
    } finally {
      ws.terminate();
      await limited.close();
    }
  });
});
