import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../server/src/chat/protocol';
import { loadKnowledgeStrict } from '../../server/src/knowledge/load-knowledge';
import { addUser, signIn } from '../admin/admin-helpers';
import { createTestSchema, TEST_DATABASE_URL, TEST_REDIS_URL, type TestSchema } from '../helpers/services';
import { buildTestApp, FIXTURE_KNOWLEDGE, tempDir } from '../helpers/test-app';
import { frames } from '../helpers/ws-frames';

// Issue 14: two servers on two ports share one PostgreSQL, with no sticky sessions. Each has its own data folder
// (search index) and its own copy of the knowledge, as two machines would; only the database, the app secret
// and the notification channel (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub) are shared.

type Done = Extract<ServerFrame, { type: 'done' }>;
type Reply = Extract<ServerFrame, { type: 'reply' }>;

const CHANNELS = [
  { channel: 'postgres', enabled: !!TEST_DATABASE_URL, redis: false },
  { channel: 'redis', enabled: !!TEST_DATABASE_URL && !!TEST_REDIS_URL, redis: true },
];

/** Asks again until `check` holds or `ms` pass: how fast a nudge arrives is not asserted, only that it does. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

describe.each(CHANNELS)('two instances on one PostgreSQL, notifications through $channel', ({ enabled, redis }) => {
  let schema: TestSchema;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let urlA: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    schema = await createTestSchema();
    const appSecret = randomBytes(32).toString('hex');
    const instance = async () => {
      const dataDir = tempDir('wd-instance-');
      dirs.push(dataDir);
      const app = await buildTestApp({ databaseUrl: schema.url, redisUrl: redis ? TEST_REDIS_URL : undefined, appSecret, dataDir },
        { knowledge: loadKnowledgeStrict(FIXTURE_KNOWLEDGE) });
      await app.listen({ port: 0, host: '127.0.0.1' });
      return app;
    };
    // One after the other: the second start finds the migrations applied by the first.
    a = await instance();
    b = await instance();
    const address = a.server.address();
    urlA = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/chat/ws`;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await schema?.drop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!enabled)('a newcomer on A asks for a person, a clerk signed in through B replies, and the widget on A gets it live', async () => {
    expect(a.database.engine).toBe('postgres');
    const ws = new WebSocket(urlA);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    try {
      // 1. The newcomer asks on A, then asks for a person (with the conversation's token).
      let pending = frames(ws, (f) => f.type === 'done' || f.type === 'error');
      ws.send(JSON.stringify({ type: 'ask', message: 'How do I register at the town hall?', tenant: 'genk' }));
      const done = (await pending).at(-1) as Done;
      expect(done.type).toBe('done');
      const handover = await a.inject({
        method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${done.conversationToken}` },
        payload: { conversationId: done.conversationId, tenant: 'genk', language: 'en', contact: '0470 12 34 56' },
      });
      expect(handover.statusCode).toBe(201);
      const handoverId = handover.json().id as number;

      // 2. A clerk, created in the shared database and signed in through B, sees the request and replies.
      await addUser(b, 'clerk@genk.be', 'clerk', ['genk']);
      const clerk = await signIn(b, 'clerk@genk.be');
      const inbox = (await clerk.call('GET', '/api/admin/handovers')).json().handovers;
      expect(inbox).toContainEqual(expect.objectContaining({ id: handoverId, conversationId: done.conversationId, status: 'open', contact: '0470 12 34 56' }));
      const transcript = (await clerk.call('GET', `/api/admin/handovers/${handoverId}`)).json().transcript;
      expect(transcript.map((l: { role: string }) => l.role)).toEqual(['user', 'assistant']);

      pending = frames(ws, (f) => f.type === 'reply', 10_000);
      const sent = await clerk.call('POST', `/api/admin/handovers/${handoverId}/replies`, { text: 'Hello, I am Sofie from the town hall.', language: 'en' });
      expect(sent.statusCode).toBe(201);

      // 3. The socket on A receives the reply live, read from the shared database.
      const live = (await pending).find((f) => f.type === 'reply') as Reply;
      expect(live).toMatchObject({ id: sent.json().reply.id, handoverId, text: 'Hello, I am Sofie from the town hall.', language: 'en' });
      // And the handover's status frame when B closes it.
      pending = frames(ws, (f) => f.type === 'handover' && f.status === 'closed', 10_000);
      expect((await clerk.call('POST', `/api/admin/handovers/${handoverId}/close`)).statusCode).toBe(200);
      expect((await pending).at(-1)).toMatchObject({ type: 'handover', handoverId, status: 'closed' });
    } finally {
      ws.terminate();
    }
  });

  it.skipIf(!enabled)('continues a conversation started on A on B with its token (no sticky sessions)', async () => {
    const first = await a.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } });
    const { conversationId, conversationToken, messageId } = first.json();
    const next = await b.inject({
      method: 'POST', url: '/api/chat', headers: { authorization: `Bearer ${conversationToken}` },
      payload: { message: 'How do I join a health insurance fund?', tenant: 'genk', conversationId },
    });
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ conversationId });
    expect(next.json().conversationToken).toBeUndefined(); // not a new conversation: B knows it
    expect(next.json().messageId).toBeGreaterThan(messageId);
    // Without the token, B refuses, as A would.
    const stranger = await b.inject({ method: 'POST', url: '/api/chat', payload: { message: 'hello', tenant: 'genk', conversationId } });
    expect(stranger.statusCode).toBe(401);
    // Feedback through B on A's answer, and both answers in the shared database.
    expect((await b.inject({ method: 'POST', url: '/api/feedback', payload: { conversationId, messageId, helpful: true } })).statusCode).toBe(201);
    const rows = await a.database.db.selectFrom('messages').select('role').where('conversation_id', '=', conversationId).orderBy('id').execute();
    expect(rows.map((r) => r.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it.skipIf(!enabled)('answers on A with an organisation edited through B, within seconds', async () => {
    await addUser(b, 'editor@genk.be', 'clerk', ['genk']);
    const clerk = await signIn(b, 'editor@genk.be');
    const actors = (await clerk.call('GET', '/api/admin/actors?tenant=genk')).json().actors as { id: string }[];
    const office = actors.find((x) => x.id === 'genk-population-service')!;
    const phone = `089 ${String(Date.now()).slice(-6, -4)} ${String(Date.now()).slice(-4, -2)} ${String(Date.now()).slice(-2)}`;
    expect((await clerk.call('PUT', '/api/admin/actors/genk-population-service?tenant=genk', { ...office, source: undefined, phone })).statusCode).toBe(200);
    const ask = async () => (await a.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } })).json();
    const phoneOnA = (body: { actors: { id: string; phone?: string | null }[] }) => body.actors.find((x) => x.id === 'genk-population-service')?.phone;
    expect(phoneOnA(await eventually(ask, (body) => phoneOnA(body) === phone))).toBe(phone);

    // The municipality's settings too: an origin allowed through B is allowed on A.
    const origin = 'https://www.genk-two-instances.example';
    const fromOrigin = () => a.inject({ method: 'GET', url: '/api/tenants/genk', headers: { origin } });
    expect((await clerk.call('PUT', '/api/admin/settings?tenant=genk', { allowedOrigins: [origin] })).statusCode).toBe(200);
    const allowed = await eventually(fromOrigin, (res) => res.headers['access-control-allow-origin'] === origin);
    expect(allowed.headers['access-control-allow-origin']).toBe(origin);
  });
});
