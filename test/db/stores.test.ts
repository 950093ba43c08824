import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../server/src/admin/audit-log';
import { createHandoverStore } from '../../server/src/admin/handover-store';
import { createInsightStore } from '../../server/src/admin/insight-store';
import { createLocalInfo } from '../../server/src/admin/local-info';
import { createSessionStore } from '../../server/src/admin/session-store';
import { createUserStore } from '../../server/src/admin/user-store';
import { createConversationStore, type ExchangeRecord } from '../../server/src/conversations/conversation-store';
import { loadKnowledgeStrict } from '../../server/src/knowledge/load-knowledge';
import { createRetention } from '../../server/src/privacy/retention';
import { ENGINES, openStoreDb, type StoreDb } from '../helpers/store-db';
import { FIXTURE_KNOWLEDGE } from '../helpers/test-app';

// Every store against both engines (issue 14): the embedded SQLite file and PostgreSQL. The same assertions
// run on each, so a query that works on one engine only fails here.

const exchange = (conversationId: string, extra: Partial<ExchangeRecord> = {}): ExchangeRecord => ({
  conversationId, tenant: 'genk', question: 'How do I register? Call me on 0470 12 34 56', answer: 'At the town hall.', language: 'en',
  topic: 'registration', cardId: 'registration', sources: [{ url: 'https://www.genk.be/' }], actors: ['genk-population-service'],
  confidence: 0.812345678, answered: true, mode: 'extractive', query: 'register town hall', place: null, ...extra,
});

const promisify = <T>(run: (cb: (err?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value))));

describe.each(ENGINES)('stores on $engine', ({ engine, enabled }) => {
  let handle: StoreDb;
  beforeAll(async () => {
    if (enabled) handle = await openStoreDb(engine);
  });
  afterAll(async () => handle?.close());

  describe.skipIf(!enabled)('conversation store', () => {
    it('records an exchange, redacted, and reads the conversation\'s state back', async () => {
      const store = createConversationStore(handle.db);
      expect(await store.state('conv-1')).toBeNull();
      const id = await store.recordExchange(exchange('conv-1'));
      expect(typeof id).toBe('number');
      expect(await store.state('conv-1')).toEqual({
        id: 'conv-1', tenant: 'genk', language: 'en', lastQuestion: 'How do I register? Call me on [phone]', lastCardId: 'registration',
        lastTopic: 'registration', lastQuery: 'register town hall', lastPlace: null, lastMode: 'extractive',
      });
      const second = await store.recordExchange(exchange('conv-1', { question: 'And in Hasselt?', language: 'nl', cardId: null, topic: null, place: 'flanders|hasselt' }));
      expect(second).toBeGreaterThan(id);
      expect(await store.state('conv-1')).toMatchObject({ language: 'nl', lastQuestion: 'And in Hasselt?', lastCardId: null, lastPlace: 'flanders|hasselt' });
      const row = await handle.db.selectFrom('messages').select(['confidence', 'answered', 'sources']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ confidence: 0.812345678, answered: 1, sources: '[{"url":"https://www.genk.be/"}]' });
    });

    it('stores a question re-sent with the same clientMessageId once and returns the first answer, even at the same moment', async () => {
      const store = createConversationStore(handle.db);
      const first = await store.recordExchange(exchange('conv-2', { clientMessageId: 'm-1' }));
      expect(await store.answeredClientMessage('conv-2', 'm-1')).toBe(first);
      expect(await store.answeredClientMessage('conv-2', 'm-2')).toBeNull();
      expect(await store.recordExchange(exchange('conv-2', { clientMessageId: 'm-1', answer: 'Another answer.' }))).toBe(first);
      // Two instances storing the same retried question at once: one row, one answer for both.
      const [a, b] = await Promise.all([
        store.recordExchange(exchange('conv-2', { clientMessageId: 'm-3' })),
        store.recordExchange(exchange('conv-2', { clientMessageId: 'm-3' })),
      ]);
      expect(a).toBe(b);
      const { n } = await handle.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', 'conv-2').executeTakeFirstOrThrow();
      expect(n).toBe(4);
    });

    it('records feedback on an answer of the conversation only, and handovers with the contact kept and the note redacted', async () => {
      const store = createConversationStore(handle.db);
      const answer = await store.recordExchange(exchange('conv-3'));
      const feedback = await store.recordFeedback('conv-3', answer, false, 'Wrong, mail me at jan@example.be');
      expect(typeof feedback).toBe('number');
      expect(await store.recordFeedback('conv-1', answer, true)).toBeNull();
      expect(await store.recordFeedback('conv-3', answer - 1, true)).toBeNull(); // the question, not an answer
      const fb = await handle.db.selectFrom('feedback').select(['helpful', 'comment']).where('id', '=', feedback!).executeTakeFirstOrThrow();
      expect(fb.helpful).toBe(0);
      expect(fb.comment).not.toContain('jan@example.be');
      const handover = await store.recordHandover('conv-3', 'genk', 'en', '0470 12 34 56', 'Please call 0470 12 34 56');
      const row = await handle.db.selectFrom('handovers').selectAll().where('id', '=', handover).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ conversation_id: 'conv-3', contact: '0470 12 34 56', status: 'open' });
      expect(row.note).not.toContain('0470');
    });
  });

  describe.skipIf(!enabled)('handover store', () => {
    it('lists, assigns, stores replies, closes and counts', async () => {
      const conversations = createConversationStore(handle.db);
      const handovers = createHandoverStore(handle.db);
      await conversations.recordExchange(exchange('conv-h'));
      const id = await conversations.recordHandover('conv-h', 'genk', 'en', null, null);
      expect((await handovers.list(['genk'])).map((h) => h.id)).toContain(id);
      expect(await handovers.list(['hasselt'])).toEqual([]);
      expect(await handovers.get(id)).toMatchObject({ id, status: 'open', topic: 'registration', assigneeId: null });
      await handovers.assign(id, 7);
      const h = (await handovers.get(id))!;
      expect(h).toMatchObject({ status: 'assigned', assigneeId: 7 });
      expect((await handovers.activeFor('conv-h'))?.id).toBe(id);
      const reply = await handovers.addReply(h, { text: 'Come on Tuesday.', language: 'en', authorId: 7, cannedId: null });
      const second = await handovers.addReply(h, { text: 'Bring your passport.', language: 'en', authorId: 7, cannedId: null });
      expect((await handovers.get(id))!.firstReplyAt).toBe(reply.at);
      expect((await handovers.repliesFor('conv-h')).map((r) => r.text)).toEqual(['Come on Tuesday.', 'Bring your passport.']);
      expect((await handovers.repliesFor('conv-h', reply.id)).map((r) => r.id)).toEqual([second.id]);
      expect((await handovers.transcript('conv-h')).map((l) => l.role)).toEqual(['user', 'assistant', 'clerk', 'clerk']);
      expect((await handovers.countByStatus()).assigned).toBeGreaterThanOrEqual(1);
      await handovers.close(id, 7);
      expect(await handovers.latestFor('conv-h')).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
      expect(await handovers.activeFor('conv-h')).toBeNull();
    });
  });

  describe.skipIf(!enabled)('users, sessions, API keys and the audit log', () => {
    it('creates users and signs them in by e-mail in any case', async () => {
      const users = createUserStore(handle.db);
      const user = await users.create({ email: 'Clerk@Genk.be', password: 'correct horse battery', role: 'clerk', tenants: ['genk', 'genk'] });
      expect(user).toMatchObject({ email: 'clerk@genk.be', tenants: ['genk'] });
      expect(await users.exists('CLERK@genk.be')).toBe(true);
      expect(await users.authenticate('clerk@GENK.be', 'correct horse battery')).toMatchObject({ id: user.id, role: 'clerk', tenants: ['genk'] });
      expect(await users.authenticate('clerk@genk.be', 'wrong')).toBeNull();
      expect(await users.setPassword('clerk@genk.be', 'another long password')).toBe(true);
      expect(await users.get(user.id)).toMatchObject({ email: 'clerk@genk.be' });
      const other = await users.create({ email: 'max@example.be', password: 'correct horse battery', role: 'maintainer', tenants: [] });
      expect(other.id).toBeGreaterThan(user.id);
    });

    it('issues, verifies and revokes API keys', async () => {
      const users = createUserStore(handle.db);
      const { id, key } = await users.createApiKey('genk', 'sync', null);
      expect(await users.verifyApiKey(key)).toEqual({ keyId: id, tenant: 'genk' });
      expect((await users.listApiKeys(['genk'])).map((k) => k.id)).toContain(id);
      expect(await users.revokeApiKey(id, 'hasselt')).toBe(false);
      expect(await users.revokeApiKey(id, 'genk')).toBe(true);
      expect(await users.verifyApiKey(key)).toBeNull();
    });

    it('keeps sessions until they expire', async () => {
      const sessions = createSessionStore(handle.db);
      const session = (expires: number) => ({ cookie: { expires: new Date(expires) }, userId: 1 }) as never;
      await promisify((cb) => sessions.set('live', session(Date.now() + 60_000), cb));
      await promisify((cb) => sessions.set('gone', session(Date.now() - 60_000), cb));
      expect(await promisify((cb) => sessions.get('live', cb))).toMatchObject({ userId: 1 });
      expect(await promisify((cb) => sessions.get('gone', cb))).toBeNull();
      expect(await sessions.purgeExpired()).toBe(1);
      await promisify((cb) => sessions.destroy('live', cb));
      expect(await promisify((cb) => sessions.get('live', cb))).toBeNull();
    });

    it('lists audit entries newest first, scoped to the municipalities', async () => {
      const audit = createAuditLog(handle.db);
      await audit.record({ userId: 1, tenant: 'genk', action: 'actor-create', target: 'x', detail: { a: 1 } });
      await audit.record({ userId: 2, tenant: 'hasselt', action: 'actor-delete' });
      await audit.record({ userId: 1, tenant: null, action: 'sign-in' });
      expect((await audit.list('all')).map((e) => e.action).slice(0, 3)).toEqual(['sign-in', 'actor-delete', 'actor-create']);
      expect((await audit.list(['genk'], 200, 1)).map((e) => e.action)).toEqual(['sign-in', 'actor-create']);
      expect((await audit.list(['genk']))[0]).toMatchObject({ tenant: 'genk', detail: { a: 1 } });
    });
  });

  describe.skipIf(!enabled)('insights', () => {
    it('pairs an unanswered answer with its question even when another conversation\'s rows came in between', async () => {
      const now = new Date().toISOString();
      for (const id of ['conv-i1', 'conv-i2']) await handle.db.insertInto('conversations').values({ id, tenant: 'genk', language: 'en', created_at: now, updated_at: now }).execute();
      const base = { language: 'en', topic: null, card_id: null, sources: null, actors: null, query: null, place: null, client_id: null, created_at: now };
      // Two instances storing at once: ids interleave across conversations.
      for (const [conversation_id, role, text] of [['conv-i1', 'user', 'Where is the zoo?'], ['conv-i2', 'user', 'Can I bring my cat?'], ['conv-i1', 'assistant', 'I do not know.'], ['conv-i2', 'assistant', 'I do not know either.']] as const) {
        await handle.db.insertInto('messages').values({ ...base, conversation_id, role, text, confidence: role === 'assistant' ? 0.1 : null, answered: role === 'assistant' ? 0 : null, mode: role === 'assistant' ? 'unknown' : null }).execute();
      }
      const rows = await createInsightStore(handle.db).unansweredRows(['genk'], 30);
      const byConversation = Object.fromEntries(rows.filter((r) => r.conversationId.startsWith('conv-i')).map((r) => [r.conversationId, r.text]));
      expect(byConversation).toEqual({ 'conv-i1': 'Where is the zoo?', 'conv-i2': 'Can I bring my cat?' });
      const ids = rows.filter((r) => r.conversationId === 'conv-i1').map((r) => r.messageId);
      expect(await createInsightStore(handle.db).markHandled(ids, ['genk'], 1)).toEqual(ids);
      expect((await createInsightStore(handle.db).unansweredRows(['genk'], 30)).find((r) => r.conversationId === 'conv-i1')?.handled).toBe(true);
    });
  });

  describe.skipIf(!enabled)('organisation edits', () => {
    it('made through one instance are found by another one\'s load()', async () => {
      const kbA = loadKnowledgeStrict(FIXTURE_KNOWLEDGE);
      const kbB = loadKnowledgeStrict(FIXTURE_KNOWLEDGE);
      let refreshed = 0;
      const announced: string[] = [];
      const a = createLocalInfo(handle.db, kbA, () => {}, async (tenant) => void announced.push(tenant));
      const b = createLocalInfo(handle.db, kbB, () => refreshed++);
      const current = a.getActor('genk', 'genk-population-service')!;
      const { source: _s, ...actor } = current;
      await a.saveActor('genk', { ...actor, phone: '089 65 44 11' }, 1, 'update');
      await a.saveSettings('genk', { allowedOrigins: ['https://www.genk.example'] }, 1);
      expect(announced).toEqual(['genk', 'genk']);
      expect(b.getActor('genk', 'genk-population-service')?.phone).not.toBe('089 65 44 11');
      await b.load();
      expect(b.getActor('genk', 'genk-population-service')).toMatchObject({ phone: '089 65 44 11', source: 'console' });
      expect(b.settings('genk').allowedOrigins).toEqual(['https://www.genk.example']);
      expect(refreshed).toBe(1);
    });
  });

  describe.skipIf(!enabled)('retention', () => {
    it('deletes an old conversation with what hangs off it, and keeps a waiting one', async () => {
      const long = new Date(Date.now() - 400 * 86_400_000).toISOString();
      const conversations = createConversationStore(handle.db);
      const handovers = createHandoverStore(handle.db);
      for (const id of ['old-r', 'waiting-r']) {
        const answer = await conversations.recordExchange(exchange(id));
        await conversations.recordFeedback(id, answer, true);
        const h = await conversations.recordHandover(id, 'genk', 'en', '0470 12 34 56', null);
        await handovers.addReply((await handovers.get(h))!, { text: 'Hello', language: 'en', authorId: 1, cannedId: null });
        if (id === 'old-r') await handovers.close(h, 1);
      }
      for (const table of ['messages', 'feedback', 'handovers', 'handover_replies'] as const) {
        await handle.db.updateTable(table).set({ created_at: long }).where('conversation_id', 'in', ['old-r', 'waiting-r']).execute();
      }
      await handle.db.updateTable('conversations').set({ created_at: long, updated_at: long }).where('id', 'in', ['old-r', 'waiting-r']).execute();
      const result = await createRetention(handle.db, { days: 365, auditDays: 0 }).run();
      expect(result).toMatchObject({ conversations: 1, messages: 2, feedback: 1, handovers: 1, replies: 1 });
      const left = await handle.db.selectFrom('conversations').select('id').where('id', 'in', ['old-r', 'waiting-r']).execute();
      expect(left).toEqual([{ id: 'waiting-r' }]);
    });
  });
});
