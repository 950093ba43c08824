import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareSqliteConversationTables } from '../../server/src/conversations/conversation-store';
import { migrateToLatest, sqliteDb, type Db } from '../../server/src/db/database';
import { createRetention } from '../../server/src/privacy/retention';
import { buildTestApp, tempDir } from '../helpers/test-app';

const NOW = new Date('2027-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** A conversation with a question, an answer, feedback, a handover (with contact), its state, a reply and a handled mark, all at `at`. */
function seed(db: Database.Database, id: string, at: string, replyAt = at, status = 'closed') {
  db.prepare('INSERT INTO conversations (id, tenant, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, 'genk', 'en', at, at);
  const q = db.prepare("INSERT INTO messages (conversation_id, role, text, created_at) VALUES (?, 'user', 'How do I register?', ?)").run(id, at);
  const a = db.prepare("INSERT INTO messages (conversation_id, role, text, created_at) VALUES (?, 'assistant', 'At the town hall.', ?)").run(id, at);
  db.prepare('INSERT INTO feedback (conversation_id, message_id, helpful, comment, created_at) VALUES (?, ?, 0, ?, ?)').run(id, a.lastInsertRowid, 'meh', at);
  const h = db.prepare('INSERT INTO handovers (conversation_id, tenant, language, contact, note, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, 'genk', 'en', '0470 12 34 56', 'call me', status, at);
  db.prepare('INSERT INTO handover_state (handover_id, assignee_id, assigned_at, first_reply_at, closed_at, closed_by) VALUES (?, 1, ?, ?, NULL, NULL)').run(h.lastInsertRowid, at, replyAt);
  db.prepare("INSERT INTO handover_replies (handover_id, conversation_id, author_id, text, language, canned_id, created_at) VALUES (?, ?, 1, 'Come on Tuesday.', 'en', NULL, ?)").run(h.lastInsertRowid, id, replyAt);
  db.prepare('INSERT INTO question_marks (message_id, tenant, handled_by, handled_at) VALUES (?, ?, 1, ?)').run(q.lastInsertRowid, 'genk', at);
}

const count = (db: Database.Database, table: string, where = '1 = 1', ...args: unknown[]) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...args) as { n: number }).n;

let db: Database.Database | undefined;
let kysely: Db;
afterEach(() => db?.close());

async function database() {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  prepareSqliteConversationTables(db);
  kysely = sqliteDb(db);
  await migrateToLatest(kysely);
  return db;
}

describe('retention', () => {
  it('deletes conversations whose last activity is past the limit, with everything that hangs off them', async () => {
    const db = await database();
    seed(db, 'old', daysAgo(120));
    seed(db, 'recent', daysAgo(10));
    // Asked long ago, but a clerk replied last week: still in use.
    seed(db, 'answered-lately', daysAgo(120), daysAgo(7));
    // Old, but nobody has closed the request yet: someone is still waiting.
    seed(db, 'still-waiting', daysAgo(200), daysAgo(200), 'assigned');
    db.prepare("INSERT INTO audit_log (user_id, tenant, action, created_at) VALUES (1, 'genk', 'handover-close', ?), (1, 'genk', 'sign-in', ?)").run(daysAgo(400), daysAgo(120));

    const result = await createRetention(kysely, { days: 90, auditDays: 365, now: () => NOW }).run();

    expect(result).toMatchObject({ conversations: 1, messages: 2, feedback: 1, handovers: 1, replies: 1, auditEntries: 1 });
    expect(db.prepare('SELECT id FROM conversations ORDER BY id').all()).toEqual([{ id: 'answered-lately' }, { id: 'recent' }, { id: 'still-waiting' }]);
    for (const table of ['messages', 'feedback', 'handovers', 'handover_replies']) expect(count(db, table, "conversation_id = 'old'"), table).toBe(0);
    // The contact goes with its handover; the other conversations keep theirs.
    expect(count(db, 'handovers', 'contact IS NOT NULL')).toBe(3);
    expect(count(db, 'handover_state')).toBe(3);
    expect(count(db, 'question_marks')).toBe(3);
    expect(count(db, 'messages')).toBe(6);
    // Audit entries are kept longer than conversations: a year.
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'sign-in' }]);
  });

  it('keeps everything when the limits are 0', async () => {
    const db = await database();
    seed(db, 'ancient', daysAgo(5000));
    db.prepare("INSERT INTO audit_log (user_id, tenant, action, created_at) VALUES (1, 'genk', 'sign-in', ?)").run(daysAgo(5000));
    const result = await createRetention(kysely, { days: 0, auditDays: 0, now: () => NOW }).run();
    expect(result).toMatchObject({ conversations: 0, messages: 0, auditEntries: 0 });
    expect(count(db, 'conversations')).toBe(1);
    expect(count(db, 'audit_log')).toBe(1);
  });

  it('runs when the app starts, with RETENTION_DAYS from the config, and on demand', async () => {
    const dataDir = tempDir();
    try {
      // A conversation from the first app, aged by hand as if the database had been left for months.
      let app = await buildTestApp({ dataDir, retentionDays: 30 });
      const old = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } })).json();
      const fresh = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I join a health insurance fund?', tenant: 'genk' } })).json();
      const handover = await app.inject({ method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${old.conversationToken}` }, payload: { conversationId: old.conversationId, tenant: 'genk', contact: '0470 12 34 56' } });
      expect(handover.statusCode).toBe(201);
      const longAgo = new Date(Date.now() - 45 * 86_400_000).toISOString();
      app.db.prepare('UPDATE conversations SET updated_at = ?, created_at = ? WHERE id = ?').run(longAgo, longAgo, old.conversationId);
      for (const table of ['messages', 'handovers']) app.db.prepare(`UPDATE ${table} SET created_at = ? WHERE conversation_id = ?`).run(longAgo, old.conversationId);
      // Closed by a clerk long ago (an open request would be kept until someone answers it).
      app.db.prepare("UPDATE handovers SET status = 'closed' WHERE conversation_id = ?").run(old.conversationId);
      await app.close();

      app = await buildTestApp({ dataDir, retentionDays: 30 });
      try {
        expect(count(app.db, 'conversations', 'id = ?', old.conversationId)).toBe(0);
        expect(count(app.db, 'messages', 'conversation_id = ?', old.conversationId)).toBe(0);
        expect(count(app.db, 'handovers', 'conversation_id = ?', old.conversationId)).toBe(0);
        expect(count(app.db, 'messages', 'conversation_id = ?', fresh.conversationId)).toBe(2);
        // Nothing else is past its time now.
        expect(await app.runRetention()).toMatchObject({ conversations: 0, messages: 0 });
      } finally {
        await app.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
