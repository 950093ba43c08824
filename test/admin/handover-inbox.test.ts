import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../server/src/chat/protocol';
import { buildTestApp } from '../helpers/test-app';
import { frames } from '../helpers/ws-frames';
import { addUser, handOver, newcomerAsks, signIn, type Clerk } from './admin-helpers';

let app: FastifyInstance;
let genk: Clerk;
beforeAll(async () => {
  app = await buildTestApp();
  await addUser(app, 'clerk@genk.be', 'clerk', ['genk']);
  genk = await signIn(app, 'clerk@genk.be');
});
afterAll(async () => app?.close());

describe('handover inbox', () => {
  it('shows an open request with its redacted transcript, language and topic', async () => {
    const conv = await newcomerAsks(app, 'genk', 'كيف أسجل في البلدية؟ رقمي 0470 12 34 56');
    const id = await handOver(app, conv, 'genk', 'ar');
    const list = (await genk.call('GET', '/api/admin/handovers?status=open')).json();
    expect(list.handovers).toContainEqual(expect.objectContaining({ id, conversationId: conv.conversationId, tenant: 'genk', language: 'ar', status: 'open', topic: 'registration', createdAt: expect.any(String) }));
    const one = (await genk.call('GET', `/api/admin/handovers/${id}`)).json();
    expect(one.transcript[0]).toMatchObject({ role: 'user', language: 'ar' });
    expect(one.transcript[0].text).not.toContain('0470 12 34 56');
    expect(one.transcript[1].role).toBe('assistant');
  });

  it('delivers a reply live over the widget\'s socket and keeps it for the next visit', async () => {
    const ws = await app.injectWS('/api/chat/ws');
    try {
      let pending = frames(ws, (f) => f.type === 'done');
      ws.send(JSON.stringify({ type: 'ask', message: 'How do I join a health insurance fund?', tenant: 'genk' }));
      const done = (await pending).at(-1) as Extract<ServerFrame, { type: 'done' }>;
      expect(done.conversationToken).toMatch(/^[A-Za-z0-9_-]{30,}$/);
      const conv = { conversationId: done.conversationId, token: done.conversationToken! };
      const id = await handOver(app, conv, 'genk', 'en');

      pending = frames(ws, (f) => f.type === 'reply');
      const sent = await genk.call('POST', `/api/admin/handovers/${id}/replies`, { text: 'Hello, I am Sofie from the town hall. I will help you.', language: 'en' });
      expect(sent.statusCode).toBe(201);
      const live = (await pending).find((f) => f.type === 'reply') as Extract<ServerFrame, { type: 'reply' }>;
      expect(live).toMatchObject({ type: 'reply', handoverId: id, text: 'Hello, I am Sofie from the town hall. I will help you.', language: 'en', at: expect.any(String) });

      // The next visit: the widget fetches what it has not shown yet, with its token only.
      const missed = await app.inject({ method: 'GET', url: `/api/conversations/${conv.conversationId}/replies?after=0`, headers: { authorization: `Bearer ${conv.token}` } });
      expect(missed.statusCode).toBe(200);
      expect(missed.json()).toMatchObject({ replies: [expect.objectContaining({ id: live.id, text: live.text })], handover: { id, status: 'assigned' } });
      expect((await app.inject({ method: 'GET', url: `/api/conversations/${conv.conversationId}/replies?after=${live.id}`, headers: { authorization: `Bearer ${conv.token}` } })).json().replies).toEqual([]);
    } finally {
      ws.terminate();
    }
  });

  it('sends a reply that waits in the database when no widget is connected, and replays it on subscribe', async () => {
    const conv = await newcomerAsks(app, 'genk', 'How do I register at the town hall?');
    const id = await handOver(app, conv, 'genk', 'en');
    await genk.call('POST', `/api/admin/handovers/${id}/replies`, { text: 'Come on Tuesday morning.' });
    const ws = await app.injectWS('/api/chat/ws');
    try {
      const pending = frames(ws, (f) => f.type === 'reply');
      ws.send(JSON.stringify({ type: 'subscribe', conversationId: conv.conversationId, conversationToken: conv.token, after: 0 }));
      expect((await pending).at(-1)).toMatchObject({ type: 'reply', text: 'Come on Tuesday morning.', language: 'en' });
      const refused = frames(ws, (f) => f.type === 'error');
      ws.send(JSON.stringify({ type: 'subscribe', conversationId: conv.conversationId, conversationToken: 'x'.repeat(43), after: 0 }));
      expect((await refused).at(-1)).toMatchObject({ type: 'error', code: 'invalid_token' });
    } finally {
      ws.terminate();
    }
  });

  it('lets a Dutch-speaking clerk answer an Arabic speaker in Arabic with a canned reply', async () => {
    const conv = await newcomerAsks(app, 'genk', 'كيف أسجل في البلدية؟');
    const id = await handOver(app, conv, 'genk', 'ar');
    const res = await genk.call('POST', `/api/admin/handovers/${id}/replies`, { cannedId: 'appointment', values: { date: '2027-01-12', time: '14:30', place: 'Stadhuis Genk, loket 3', documents: ['passport', 'rental-contract'] } });
    expect(res.statusCode).toBe(201);
    const reply = res.json().reply;
    expect(reply.language).toBe('ar');
    expect(reply.text).toContain('14:30');
    expect(reply.text).toContain('Stadhuis Genk, loket 3');
    expect(reply.text).toMatch(/يناير|كانون/); // January, written in Arabic
    expect(reply.text).not.toMatch(/\{\w+\}/);
    const missing = await genk.call('POST', `/api/admin/handovers/${id}/replies`, { cannedId: 'appointment', values: { date: '2027-01-12' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('time');
  });

  it('keeps the assistant quiet while a person answers, except in a crisis, and speaks again after closing', async () => {
    const conv = await newcomerAsks(app, 'genk', 'How do I register at the town hall?');
    const id = await handOver(app, conv, 'genk', 'en');
    await genk.call('POST', `/api/admin/handovers/${id}/assign`);
    const auth = { authorization: `Bearer ${conv.token}` };
    const quiet = (await app.inject({ method: 'POST', url: '/api/chat', headers: auth, payload: { message: 'and which documents?', tenant: 'genk', conversationId: conv.conversationId } })).json();
    expect(quiet.human).toEqual({ handoverId: id });
    expect(quiet.answer).toContain('A person will answer you here');
    const transcript = (await genk.call('GET', `/api/admin/handovers/${id}`)).json().transcript;
    expect(transcript.some((l: { role: string; text: string }) => l.role === 'user' && l.text === 'and which documents?')).toBe(true);

    const crisis = (await app.inject({ method: 'POST', url: '/api/chat', headers: auth, payload: { message: 'i want to kill myself', tenant: 'genk', conversationId: conv.conversationId } })).json();
    expect(crisis.crisis).toBeDefined();
    expect(crisis.answer).toMatch(/112|1813/);

    expect((await genk.call('POST', `/api/admin/handovers/${id}/close`)).json().handover.status).toBe('closed');
    const back = (await app.inject({ method: 'POST', url: '/api/chat', headers: auth, payload: { message: 'which documents do I bring?', tenant: 'genk', conversationId: conv.conversationId } })).json();
    expect(back.human).toBeUndefined();
    expect(back.answered).toBe(true);
    expect((await genk.call('POST', `/api/admin/handovers/${id}/replies`, { text: 'late' })).statusCode).toBe(409);
  });
});

describe('conversation token', () => {
  it('is needed to continue a conversation, hand it over or read its replies', async () => {
    const conv = await newcomerAsks(app, 'genk', 'How do I register at the town hall?');
    expect(conv.token).toBeTruthy();
    const again = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'and the documents?', tenant: 'genk', conversationId: conv.conversationId } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_token');
    const handover = await app.inject({ method: 'POST', url: '/api/handover', payload: { conversationId: conv.conversationId, tenant: 'genk' } });
    expect(handover.statusCode).toBe(401);
    const replies = await app.inject({ method: 'GET', url: `/api/conversations/${conv.conversationId}/replies` });
    expect(replies.statusCode).toBe(401);
    // Only the first answer hands out the token.
    const next = (await app.inject({ method: 'POST', url: '/api/chat', headers: { authorization: `Bearer ${conv.token}` }, payload: { message: 'and the documents?', tenant: 'genk', conversationId: conv.conversationId } })).json();
    expect(next.conversationToken).toBeUndefined();
  });

  it('refuses a handover for a conversation that never existed or for another municipality', async () => {
    const conv = await newcomerAsks(app, 'genk', 'How do I register at the town hall?');
    const otherTown = await app.inject({ method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${conv.token}` }, payload: { conversationId: conv.conversationId, tenant: 'liege' } });
    expect(otherTown.statusCode).toBe(403);
    const ghost = { conversationId: 'never-existed-123', token: conv.token };
    const res = await app.inject({ method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${ghost.token}` }, payload: { conversationId: ghost.conversationId } });
    expect(res.statusCode).toBe(401);
  });
});
