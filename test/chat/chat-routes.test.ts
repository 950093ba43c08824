import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

// Like the widget: keep each conversation's token from its first answer and send it with the next questions.
const tokens = new Map<string, string>();
const bearer = (conversationId: string) => ({ authorization: `Bearer ${tokens.get(conversationId)}` });
async function ask(payload: unknown, headers: Record<string, string> = {}) {
  const id = (payload as { conversationId?: string }).conversationId;
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: payload as object, headers: { ...(id && tokens.has(id) ? bearer(id) : {}), ...headers } });
  const body = res.statusCode === 200 ? res.json() : null;
  if (body?.conversationToken) tokens.set(body.conversationId, body.conversationToken);
  return res;
}

describe('POST /api/chat', () => {
  it('answers a registration question in English with Flemish or federal actors', async () => {
    const res = await ask({ message: 'How do I register at the town hall?', tenant: 'genk' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ language: 'en', answered: true, topic: 'registration', handover: { offered: false } });
    expect(body.conversationId).toMatch(/^[A-Za-z0-9-]{8,}$/);
    expect(body.answer).toContain('population service');
    expect(body.actors.length).toBeGreaterThan(0);
    expect(body.actors.every((a: { region: string }) => ['flanders', 'federal'].includes(a.region))).toBe(true);
    expect(body.actors[0]).toMatchObject({ id: 'genk-population-service', municipality: 'genk', phone: null });
    expect(body.sources[0]).toMatchObject({ id: 'registration-arrival-flanders#1', url: 'https://www.integratie-inburgering.be/' });
  });

  it('answers Arabic in Arabic with Walloon or federal actors for Liège', async () => {
    const body = (await ask({ message: 'كيف أسجل في البلدية؟', tenant: 'liege' })).json();
    expect(body).toMatchObject({ language: 'ar', answered: true, topic: 'registration' });
    expect(body.answer).toContain('سجّل');
    expect(body.actors.every((a: { region: string }) => ['wallonia', 'federal'].includes(a.region))).toBe(true);
  });

  it('follows a place named in the question', async () => {
    const body = (await ask({ message: 'Où puis-je apprendre le français à Charleroi ?', tenant: 'genk' })).json();
    expect(body).toMatchObject({ language: 'fr', topic: 'language-courses', answered: true });
    expect(body.actors.map((a: { id: string }) => a.id)).toContain('cric');
  });

  it('says honestly when it does not know, and offers the welcome point', async () => {
    const body = (await ask({ message: 'What is the best pizza in town?', tenant: 'genk' })).json();
    expect(body).toMatchObject({ answered: false, topic: null, handover: { offered: true }, sources: [] });
    expect(body.answer).toContain('Stad Genk');
  });

  it('greets back instead of missing', async () => {
    const body = (await ask({ message: 'Bonjour !', tenant: 'liege' })).json();
    expect(body).toMatchObject({ language: 'fr', answered: true, topic: null });
    expect(body.answer).toMatch(/^Bonjour/);
  });

  it('answers a lone place name with what it can help with, not with a card that names the place', async () => {
    const body = (await ask({ message: 'Charleroi', tenant: 'genk', language: 'fr' })).json();
    expect(body).toMatchObject({ answered: true, topic: null, sources: [] });
    expect(body.answer).toMatch(/^Bonjour/);
  });

  it('keeps the conversation language for a one-word follow-up', async () => {
    const first = (await ask({ message: 'How do I get health insurance here?', tenant: 'genk' })).json();
    const second = (await ask({ message: 'mutuelle?', tenant: 'genk', conversationId: first.conversationId })).json();
    expect(second.language).toBe('en');
    expect(second.conversationId).toBe(first.conversationId);
  });

  it('answers a short follow-up about another place on the same topic', async () => {
    const first = (await ask({ message: 'How do I register at the town hall?', tenant: 'genk' })).json();
    const second = (await ask({ message: 'and in Liège?', tenant: 'genk', conversationId: first.conversationId })).json();
    expect(second).toMatchObject({ answered: true, topic: 'registration', language: 'en' });
    expect(second.sources[0].id).toBe('registration-arrival-wallonia#1');
    expect(second.answer).toContain('This answer is for Liège.');
    expect(second.actors.every((a: { region: string }) => ['wallonia', 'federal'].includes(a.region))).toBe(true);
  });

  it('finds the question buried in a long story', async () => {
    const story = 'Good morning. We arrived from Eritrea in March with my husband and our two children, and a friend helped us to rent a small flat near the station. ' +
      'The children already go to school and my husband works in a warehouse at night. Everything is new for us and we are a bit lost with all the papers. ' +
      'Which health insurance fund should we join?';
    const body = (await ask({ message: story, tenant: 'genk' })).json();
    expect(body).toMatchObject({ answered: true, topic: 'health', language: 'en' });
  });

  it('lists matching course offers nearest first', async () => {
    const body = (await ask({ message: 'evening Dutch course for beginners', tenant: 'genk' })).json();
    expect(body.topic).toBe('language-courses');
    expect(body.answer).toContain('CVO Genk (fixture)');
    expect(body.answer).toMatch(/intake desk/);
  });

  it.each([
    ['an empty message', { message: '   ' }],
    ['a missing message', { tenant: 'genk' }],
    ['a wrong type', { message: 42 }],
    ['a bad language hint', { message: 'hello', language: 'english' }],
  ])('rejects %s with invalid_request', async (_label, payload) => {
    const res = await ask(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });

  it('rejects malformed JSON with invalid_request, not a stack trace', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: '{"message": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('rejects a message over 2000 characters with 413', async () => {
    const res = await ask({ message: 'a'.repeat(2001) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('message_too_long');
  });

  it('rejects an unknown tenant with 404', async () => {
    const res = await ask({ message: 'hello', tenant: 'atlantis' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('unknown_tenant');
  });

  it('refuses a site that the tenant did not allow', async () => {
    const res = await ask({ message: 'hello', tenant: 'genk' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden_origin');
    const ok = await ask({ message: 'hello', tenant: 'genk' }, { origin: 'https://www.genk.be' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://www.genk.be');
  });

  it('stores every exchange so nothing is lost', async () => {
    const body = (await ask({ message: 'My email is test@example.com, how do I register?', tenant: 'genk' })).json();
    const rows = app.db.prepare('SELECT role, text FROM messages WHERE conversation_id = ? ORDER BY id').all(body.conversationId) as { role: string; text: string }[];
    expect(rows.map((r) => r.role)).toEqual(['user', 'assistant']);
    expect(rows[0].text).toContain('[email]');
    expect(rows[1].text).toBe(body.answer);
  });
});

describe('re-sent questions', () => {
  it('answers a question re-sent with the same clientMessageId without storing it twice', async () => {
    const payload = { message: 'How do I register at the town hall?', tenant: 'genk', conversationId: 'resend-test-0001', clientMessageId: 'c-123' };
    const first = (await ask(payload)).json();
    const again = (await ask(payload)).json();
    expect(again.messageId).toBe(first.messageId);
    expect(again.answer).toBe(first.answer);
    const n = app.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get('resend-test-0001') as { n: number };
    expect(n.n).toBe(2);
    const next = (await ask({ ...payload, clientMessageId: 'c-124' })).json();
    expect(next.messageId).toBeGreaterThan(first.messageId);
  });
});

describe('other routes', () => {
  it('GET /api/tenants/:slug returns public data, by slug or name', async () => {
    const res = await app.inject('/api/tenants/Gand');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'gent', region: 'flanders', province: 'east-flanders' });
    expect((await app.inject('/api/tenants/atlantis')).json().error.code).toBe('unknown_tenant');
  });

  it('GET /health reports the knowledge', async () => {
    const res = await app.inject('/health');
    expect(res.json()).toMatchObject({ status: 'ok', cards: 5, tenants: 8 });
  });

  it('records feedback on a stored answer', async () => {
    const chat = (await ask({ message: 'How do I register at the town hall?', tenant: 'genk' })).json();
    const res = await app.inject({ method: 'POST', url: '/api/feedback', payload: { conversationId: chat.conversationId, messageId: chat.messageId, helpful: true } });
    expect(res.statusCode).toBe(201);
    const missing = await app.inject({ method: 'POST', url: '/api/feedback', payload: { conversationId: chat.conversationId, messageId: 999999, helpful: false } });
    expect(missing.statusCode).toBe(404);
  });

  it('records a handover request and says what happens next', async () => {
    const chat = (await ask({ message: 'What is the best pizza in town?', tenant: 'genk' })).json();
    const res = await app.inject({ method: 'POST', url: '/api/handover', headers: bearer(chat.conversationId), payload: { conversationId: chat.conversationId, tenant: 'genk', language: 'en', contact: 'amina@example.com' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toContain('Stad Genk');
    const row = app.db.prepare('SELECT contact, tenant FROM handovers WHERE id = ?').get(res.json().id);
    expect(row).toEqual({ contact: 'amina@example.com', tenant: 'genk' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('serves the demo page with the widget tag', async () => {
    const res = await app.inject('/demo/genk');
    expect(res.statusCode).toBe(200);
    // The versioned URL (content hash) that may be cached for a year (issue 13).
    expect(res.body).toMatch(/<script src="\/widget\.js\?v=[0-9a-f]{16}" data-tenant="genk" async><\/script>/);
  });
});

describe('rate limiting', () => {
  it('answers 429 rate_limited past the per-IP limit', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 2 });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.inject({ method: 'POST', url: '/api/chat', payload: { message: 'hello' } })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const res = await limited.inject({ method: 'POST', url: '/api/chat', payload: { message: 'hello' } });
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
