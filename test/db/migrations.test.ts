import Database from 'better-sqlite3';
import { sql, type Insertable, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_SCHEMA } from '../../server/src/conversations/conversation-store';
import { createDb, type DbHandle } from '../../server/src/db/create-db';
import { migrateToLatest } from '../../server/src/db/database';
import type { MessagesTable, Tables } from '../../server/src/db/tables';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '../helpers/services';

const ALL_MIGRATIONS = ['2026-12-06-001-clerk-side', '2027-01-10-002-conversation-tables'];
const TABLES: (keyof Tables)[] = [
  'users', 'user_tenants', 'sessions', 'api_keys', 'handover_replies', 'handover_state', 'question_marks',
  'actor_edits', 'tenant_settings', 'audit_log', 'conversations', 'messages', 'feedback', 'handovers',
];
const now = '2027-01-10T10:00:00.000Z';

function sqliteHandle(): DbHandle {
  return createDb({ sqlite: new Database(':memory:') });
}

async function addConversation(db: Kysely<Tables>, id: string): Promise<void> {
  await db.insertInto('conversations').values({ id, tenant: 'genk', language: 'nl', created_at: now, updated_at: now }).execute();
}

function message(conversationId: string, clientId: string | null, extra: Partial<Insertable<MessagesTable>> = {}): Insertable<MessagesTable> {
  return { conversation_id: conversationId, role: 'user' as const, text: 'hallo', language: 'nl', topic: null, card_id: null,
    sources: null, actors: null, confidence: null, answered: null, mode: null, query: null, place: null,
    client_id: clientId, created_at: now, ...extra };
}

// The same contract on both engines: what the stores will rely on in phase 2.
describe.each([
  { engine: 'sqlite', enabled: true },
  { engine: 'postgres', enabled: !!TEST_DATABASE_URL },
])('migrations on $engine', ({ engine, enabled }) => {
  let handle: DbHandle;
  let schema: TestSchema | undefined;

  beforeAll(async () => {
    if (!enabled) return;
    if (engine === 'postgres') {
      schema = await createTestSchema();
      handle = createDb({ databaseUrl: schema.url, poolSize: 2 });
    } else {
      handle = sqliteHandle();
    }
  });
  afterAll(async () => {
    await handle?.db.destroy();
    await schema?.drop();
  });

  it.skipIf(!enabled)('applies every migration once, and nothing on a second run', async () => {
    expect(handle.engine).toBe(engine);
    expect(await migrateToLatest(handle.db)).toEqual(ALL_MIGRATIONS);
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
  });

  it.skipIf(!enabled)('numbers rows itself in the tables with generated ids', async () => {
    const ids = [];
    for (const email of ['a@example.be', 'b@example.be']) {
      const row = await handle.db.insertInto('users')
        .values({ email, password_hash: 'x', role: 'clerk', created_at: now, disabled: 0 }).returning('id').executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    expect(ids[1]).toBeGreaterThan(ids[0]);
    const audit = await handle.db.insertInto('audit_log').values({ user_id: ids[0], tenant: 'genk', action: 'test', target: null, detail: null, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    expect(typeof audit.id).toBe('number');
  });

  it.skipIf(!enabled)('keeps the conversation tables\' constraints: one row per client message id, known roles', async () => {
    await addConversation(handle.db, 'c1');
    await handle.db.insertInto('messages').values(message('c1', 'client-1', { confidence: 0.123456789 })).execute();
    // A retried ask with the same client id is refused by the unique partial index…
    await expect(handle.db.insertInto('messages').values(message('c1', 'client-1')).execute()).rejects.toThrow();
    // …but messages without a client id are not constrained by it.
    await handle.db.insertInto('messages').values([message('c1', null), message('c1', null)]).execute();
    await expect(handle.db.insertInto('messages').values(message('c1', null, { role: 'system' as 'user' })).execute()).rejects.toThrow();
    // Foreign key to the conversation (PostgreSQL always; SQLite with foreign_keys on, as the app sets it).
    if (engine === 'sqlite') await sql`PRAGMA foreign_keys = ON`.execute(handle.db);
    await expect(handle.db.insertInto('messages').values(message('nope', null)).execute()).rejects.toThrow();

    const rows = await handle.db.selectFrom('messages').select(['id', 'confidence', 'client_id']).where('conversation_id', '=', 'c1').orderBy('id').execute();
    expect(rows).toHaveLength(3);
    // Double precision on PostgreSQL: a 4-byte real would round this.
    expect(rows[0].confidence).toBe(0.123456789);
    const { n } = await handle.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(3); // a number on both engines, not PostgreSQL's int8 string
  });

  it.skipIf(!enabled)('opens handovers as "open" by default', async () => {
    const row = await handle.db.insertInto('handovers')
      .values({ conversation_id: 'c1', tenant: 'genk', language: 'nl', contact: null, note: null, created_at: now } as never)
      .returning(['id', 'status']).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('migrations on PostgreSQL, two instances starting at once', () => {
  it('apply each migration exactly once (the migrator holds a lock)', async () => {
    const schema = await createTestSchema();
    const handles = [createDb({ databaseUrl: schema.url, poolSize: 2 }), createDb({ databaseUrl: schema.url, poolSize: 2 })];
    try {
      const applied = await Promise.all(handles.map((h) => migrateToLatest(h.db)));
      expect(applied.flat().sort()).toEqual(ALL_MIGRATIONS);
    } finally {
      await Promise.all(handles.map((h) => h.db.destroy()));
      await schema.drop();
    }
  });
});

describe('migrations on an existing SQLite file', () => {
  it('leave the conversation tables made by the conversation store and their rows as they are', async () => {
    const connection = new Database(':memory:');
    connection.exec(CONVERSATION_SCHEMA);
    connection.prepare('INSERT INTO conversations VALUES (?, ?, ?, ?, ?)').run('old', 'genk', 'fr', now, now);
    const before = connection.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages'").get();
    const { db } = createDb({ sqlite: connection });
    expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS);
    expect(connection.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages'").get()).toEqual(before);
    expect(connection.prepare('SELECT id FROM conversations').all()).toEqual([{ id: 'old' }]);
    await db.destroy();
  });

  it('create, on a fresh file, the same columns as the conversation store\'s own schema', async () => {
    const byStore = new Database(':memory:');
    byStore.exec(CONVERSATION_SCHEMA);
    const fresh = sqliteHandle();
    await migrateToLatest(fresh.db);
    const columns = async (db: Database.Database | Kysely<Tables>, table: string) => {
      const rows = db instanceof Database
        ? db.prepare(`PRAGMA table_info(${table})`).all()
        : (await sql`PRAGMA table_info(${sql.raw(table)})`.execute(db)).rows;
      return (rows as { name: string; type: string; notnull: number; pk: number }[])
        .map(({ name, type, notnull, pk }) => ({ name, type: type.toUpperCase(), notnull, pk }));
    };
    for (const table of ['conversations', 'messages', 'feedback', 'handovers']) {
      expect(await columns(fresh.db, table), table).toEqual(await columns(byStore, table));
    }
    await fresh.db.destroy();
  });
});
