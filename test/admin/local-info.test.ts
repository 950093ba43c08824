import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleCaseSchema } from '../../evals/lib/schema';
import { buildTestApp } from '../helpers/test-app';
import { addUser, newcomerAsks, signIn, type Clerk } from './admin-helpers';

let app: FastifyInstance;
let genk: Clerk;
beforeAll(async () => {
  app = await buildTestApp();
  await addUser(app, 'clerk@genk.be', 'clerk', ['genk']);
  genk = await signIn(app, 'clerk@genk.be');
});
afterAll(async () => app?.close());

const office = {
  id: 'genk-newcomer-desk', name: 'Stad Genk — Onthaal nieuwkomers', type: 'town-hall', topics: ['registration'], region: 'flanders', province: 'limburg',
  municipalities: ['genk'], website: 'https://www.genk.be/', roles: ['population-service'],
  descriptions: { en: 'Helps newcomers register in Genk', nl: 'Helpt nieuwkomers zich in te schrijven in Genk' },
  hours: { en: 'Tuesdays 9:00–12:00', nl: 'Dinsdag 9:00–12:00' },
  sources: [{ title: 'Stad Genk', url: 'https://www.genk.be/' }],
};
const ask = async (message: string) => (await app.inject({ method: 'POST', url: '/api/chat', payload: { message, tenant: 'genk' } })).json();

describe('local information from the console', () => {
  it('adds an organisation that answers at once, without a restart, and records it in the audit log', async () => {
    const created = await genk.call('POST', '/api/admin/actors?tenant=genk', office);
    expect(created.statusCode).toBe(201);
    expect(created.json().actor).toMatchObject({ id: office.id, source: 'console', verified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const answer = await ask('How do I register at the town hall?');
    expect(answer.actors.map((a: { id: string }) => a.id)).toContain(office.id);
    expect(answer.actors.find((a: { id: string }) => a.id === office.id)).toMatchObject({ description: 'Helps newcomers register in Genk', hours: 'Tuesdays 9:00–12:00' });
    const audit = (await genk.call('GET', '/api/admin/audit?tenant=genk')).json().entries;
    expect(audit[0]).toMatchObject({ action: 'actor-create', target: office.id, tenant: 'genk' });
  });

  it('validates with the same rules as the YAML and keeps an organisation local', async () => {
    const bad = await genk.call('POST', '/api/admin/actors?tenant=genk', { ...office, id: 'x-1', website: 'not a url', phone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/phone|website/);
    const elsewhere = await genk.call('POST', '/api/admin/actors?tenant=genk', { ...office, id: 'x-2', municipalities: ['hasselt'] });
    expect(elsewhere.statusCode).toBe(400);
    expect((await genk.call('POST', '/api/admin/actors?tenant=genk', office)).statusCode).toBe(409);
  });

  it('updates, verifies and removes an organisation, and the answers follow', async () => {
    const updated = await genk.call('PUT', `/api/admin/actors/${office.id}?tenant=genk`, { ...office, hours: { en: 'Thursdays 13:00–16:00' } });
    expect(updated.statusCode).toBe(200);
    expect((await ask('How do I register at the town hall?')).actors.find((a: { id: string }) => a.id === office.id).hours).toBe('Thursdays 13:00–16:00');
    expect((await genk.call('POST', `/api/admin/actors/${office.id}/verify?tenant=genk`)).statusCode).toBe(200);
    expect((await genk.call('DELETE', `/api/admin/actors/${office.id}?tenant=genk`)).statusCode).toBe(204);
    expect((await ask('How do I register at the town hall?')).actors.map((a: { id: string }) => a.id)).not.toContain(office.id);
  });

  it('keeps console edits over the YAML after a restart (the database wins)', async () => {
    const listed = (await genk.call('GET', '/api/admin/actors?tenant=genk')).json().actors;
    expect(listed.find((a: { id: string }) => a.id === 'genk-population-service').source).toBe('knowledge');
    await genk.call('PUT', '/api/admin/actors/genk-population-service?tenant=genk', { ...listed.find((a: { id: string }) => a.id === 'genk-population-service'), phone: '089 65 44 11' });
    const dataDir = app.db.name.replace(/\/welcome-desk\.db$/, '');
    const again = await buildTestApp({ dataDir });
    try {
      const body = (await again.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } })).json();
      expect(body.actors.find((a: { id: string }) => a.id === 'genk-population-service').phone).toBe('089 65 44 11');
    } finally {
      await again.close();
    }
  });

  it('changes the welcome point and the allowed origins live', async () => {
    const denied = await app.inject({ method: 'POST', url: '/api/chat', headers: { origin: 'https://www.new-genk.example' }, payload: { message: 'hello', tenant: 'genk' } });
    expect(denied.statusCode).toBe(403);
    const saved = await genk.call('PUT', '/api/admin/settings?tenant=genk', { allowedOrigins: ['https://www.new-genk.example'], welcome: { name: 'Onthaal Genk', phone: '089 65 30 00' } });
    expect(saved.statusCode).toBe(200);
    const allowed = await app.inject({ method: 'POST', url: '/api/chat', headers: { origin: 'https://www.new-genk.example' }, payload: { message: 'hello', tenant: 'genk' } });
    expect(allowed.statusCode).toBe(200);
    const tenant = (await app.inject({ method: 'GET', url: '/api/tenants/genk' })).json();
    expect(tenant.welcome).toMatchObject({ name: 'Onthaal Genk', phone: '089 65 30 00' });
    expect((await genk.call('PUT', '/api/admin/settings?tenant=genk', { allowedOrigins: ['not-an-origin'] })).statusCode).toBe(400);
  });
});

describe('import and export', () => {
  it('imports a Windows-1252 CSV in Dutch, reports unknown columns and bad rows, and exports XLSX', async () => {
    const csv = 'Naam;Type;Thema\'s;Regio;Provincie;Gemeente;Website;Opmerking\r\nBuurtwerk Zuid;vzw;vrije tijd;Vlaanderen;Limburg;genk;https://www.genk.be/;intern\r\nFout;vzw;welzijn;Vlaanderen;Limburg;genk;geen-url;\r\nCaf\xe9 Babbel;vzw;taal;Vlaanderen;Limburg;genk;https://www.genk.be/;\r\n';
    const body = Buffer.from(csv, 'latin1');
    const res = await app.inject({ method: 'POST', url: '/api/admin/actors/import?tenant=genk&filename=lijst.csv', headers: { cookie: genk.cookie, 'x-csrf-token': genk.csrf, 'content-type': 'text/csv' }, payload: body });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.created).toEqual(['buurtwerk-zuid', 'cafe-babbel']);
    expect(out.unknownColumns).toEqual(['Opmerking']);
    expect(out.problems).toEqual([{ where: 'lijst.csv line 3', reason: expect.stringContaining('website') }]);
    const actors = (await genk.call('GET', '/api/admin/actors?tenant=genk')).json().actors;
    expect(actors.find((a: { id: string }) => a.id === 'cafe-babbel').name).toBe('Café Babbel');

    const xlsx = await app.inject({ method: 'GET', url: '/api/admin/actors/export?tenant=genk&format=xlsx', headers: { cookie: genk.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0].eachRow((row, n) => n > 1 && names.push(String(row.getCell(2).value)));
    expect(names).toContain('Café Babbel');
  });
});

describe('unanswered questions and figures', () => {
  it('groups similar questions, marks them handled and exports them as eval cases', async () => {
    const strict = await buildTestApp({ minConfidence: 0.99 });
    try {
      await addUser(strict, 'c@genk.be', 'clerk', ['genk']);
      const clerk = await signIn(strict, 'c@genk.be');
      for (const q of ['can I bring my dog to the town hall?', 'can I bring my dog to the townhall please', 'where do I park my bike?']) await newcomerAsks(strict, 'genk', q);
      const groups = (await clerk.call('GET', '/api/admin/questions/unanswered')).json().groups;
      const dog = groups.find((g: { example: string }) => /dog/.test(g.example));
      expect(dog.count).toBe(2);
      expect(Object.values(dog.byWeek)).toEqual([2]);
      expect(dog.byLanguage).toEqual({ en: 2 });
      await clerk.call('POST', '/api/admin/questions/handled', { messageIds: dog.messageIds });
      expect((await clerk.call('GET', '/api/admin/questions/unanswered')).json().groups.find((g: { example: string }) => /dog/.test(g.example)).handled).toBe(true);

      const exported = await clerk.call('GET', '/api/admin/questions/unanswered/export');
      const lines = exported.body.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.length).toBe(3);
      for (const l of lines) expect(singleCaseSchema.safeParse(l).success).toBe(true);

      const stats = (await clerk.call('GET', '/api/admin/stats?days=7')).json();
      expect(stats.days.at(-1)).toMatchObject({ questions: 3, unanswered: 3 });
      expect(stats.byLanguage).toEqual({ en: 3 });
    } finally {
      await strict.close();
    }
  });
});
