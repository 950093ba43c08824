import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app';
import { addUser, handOver, newcomerAsks, signIn, type Clerk } from './admin-helpers';

// Issue 12 §4: a clerk sees and changes only their own municipalities. Every admin route is tried by a
// Genk clerk against Liège's data.
let app: FastifyInstance;
let genk: Clerk;
let liege: Clerk;
let liegeHandover: number;
let liegeQuestion: number;
beforeAll(async () => {
  app = await buildTestApp({ minConfidence: 0.99 });
  await addUser(app, 'clerk@genk.be', 'clerk', ['genk']);
  await addUser(app, 'clerk@liege.be', 'clerk', ['liege']);
  await addUser(app, 'admin@welcome.be', 'maintainer', []);
  genk = await signIn(app, 'clerk@genk.be');
  liege = await signIn(app, 'clerk@liege.be');
  const conv = await newcomerAsks(app, 'liege', 'est-ce que je peux apporter mon chat à la commune ?');
  liegeHandover = await handOver(app, conv, 'liege', 'fr');
  liegeQuestion = (await liege.call('GET', '/api/admin/questions/unanswered')).json().groups[0].messageIds[0];
});
afterAll(async () => app?.close());

const liegeActor = {
  id: 'liege-test-office', name: 'Ville de Liège — bureau test', type: 'town-hall', topics: ['registration'], region: 'wallonia',
  municipalities: ['liege'], website: 'https://www.liege.be/', sources: [{ title: 'Ville de Liège', url: 'https://www.liege.be/' }],
};

describe('a Genk clerk and Liège\'s data', () => {
  it('does not see Liège\'s handovers', async () => {
    expect((await genk.call('GET', '/api/admin/handovers?status=all')).json().handovers.map((h: { tenant: string }) => h.tenant)).not.toContain('liege');
    expect((await genk.call('GET', '/api/admin/handovers?tenant=liege')).statusCode).toBe(403);
    expect((await genk.call('GET', `/api/admin/handovers/${liegeHandover}`)).statusCode).toBe(404);
    expect((await genk.call('POST', `/api/admin/handovers/${liegeHandover}/assign`)).statusCode).toBe(404);
    expect((await genk.call('POST', `/api/admin/handovers/${liegeHandover}/replies`, { text: 'hi' })).statusCode).toBe(404);
    expect((await genk.call('POST', `/api/admin/handovers/${liegeHandover}/close`)).statusCode).toBe(404);
    // Liège's own clerk does see it.
    expect((await liege.call('GET', `/api/admin/handovers/${liegeHandover}`)).statusCode).toBe(200);
  });

  it('cannot read or change Liège\'s organisations, settings or audit log', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/admin/actors?tenant=liege'],
      ['GET', '/api/admin/actors/liege-population-service?tenant=liege'],
      ['POST', '/api/admin/actors?tenant=liege', liegeActor],
      ['PUT', '/api/admin/actors/liege-population-service?tenant=liege', liegeActor],
      ['POST', '/api/admin/actors/liege-population-service/verify?tenant=liege'],
      ['DELETE', '/api/admin/actors/liege-population-service?tenant=liege'],
      ['GET', '/api/admin/actors/export?tenant=liege'],
      ['GET', '/api/admin/settings?tenant=liege'],
      ['PUT', '/api/admin/settings?tenant=liege', { allowedOrigins: ['https://evil.example'] }],
      ['GET', '/api/admin/audit?tenant=liege'],
      ['GET', '/api/admin/stats?tenant=liege'],
      ['GET', '/api/admin/feedback?tenant=liege'],
      ['GET', '/api/admin/questions/unanswered?tenant=liege'],
      ['GET', '/api/admin/questions/unanswered/export?tenant=liege'],
    ] as const) {
      const res = await genk.call(method, url, body);
      expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
    }
    const imported = await app.inject({ method: 'POST', url: '/api/admin/actors/import?tenant=liege', headers: { cookie: genk.cookie, 'x-csrf-token': genk.csrf, 'content-type': 'text/csv' }, payload: 'nom;commune\nX;liege\n' });
    expect(imported.statusCode).toBe(403);
    expect(imported.json().error.code).toBe('forbidden');
  });

  it('sees its own sign-in in the audit log, but not the Liège clerk\'s', async () => {
    const me = (await genk.call('GET', '/api/admin/session')).json().user.id;
    const other = (await liege.call('GET', '/api/admin/session')).json().user.id;
    const entries = (await genk.call('GET', '/api/admin/audit')).json().entries as { userId: number; action: string; tenant: string | null }[];
    expect(entries).toContainEqual(expect.objectContaining({ userId: me, action: 'sign-in', tenant: null }));
    expect(entries.filter((e) => e.userId === other)).toEqual([]);
  });

  it('does not see Liège\'s unanswered questions and cannot mark them handled', async () => {
    const mine = (await genk.call('GET', '/api/admin/questions/unanswered')).json().groups;
    expect(mine.flatMap((g: { messageIds: number[] }) => g.messageIds)).not.toContain(liegeQuestion);
    expect((await genk.call('POST', '/api/admin/questions/handled', { messageIds: [liegeQuestion] })).json().handled).toEqual([]);
    expect((await liege.call('GET', '/api/admin/questions/unanswered')).json().groups[0].handled).toBe(false);
  });

  it('lets a maintainer see every municipality', async () => {
    const admin = await signIn(app, 'admin@welcome.be');
    expect((await admin.call('GET', `/api/admin/handovers/${liegeHandover}`)).statusCode).toBe(200);
    expect((await admin.call('GET', '/api/admin/actors?tenant=genk')).statusCode).toBe(200);
  });
});
