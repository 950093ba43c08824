import Database from 'better-sqlite3';
import { prepareSqliteConversationTables } from '../../server/src/conversations/conversation-store';
import { createDb, type DbHandle, type Engine } from '../../server/src/db/create-db';
import { migrateToLatest } from '../../server/src/db/database';
import { createTestSchema, TEST_DATABASE_URL } from './services';

/** The engines a store suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (issue 14). */
export const ENGINES: { engine: Engine; enabled: boolean }[] = [
  { engine: 'sqlite', enabled: true },
  { engine: 'postgres', enabled: !!TEST_DATABASE_URL },
];

export interface StoreDb extends DbHandle {
  /** The SQLite connection (raw checks in tests); undefined on PostgreSQL. */
  sqlite?: Database.Database;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database as the app makes it: an in-memory SQLite file (with the conversation store's
 * own schema path first, as app.ts runs it), or a PostgreSQL schema of its own that close() drops.
 */
export async function openStoreDb(engine: Engine): Promise<StoreDb> {
  if (engine === 'sqlite') {
    const sqlite = new Database(':memory:');
    sqlite.pragma('foreign_keys = ON');
    prepareSqliteConversationTables(sqlite);
    const handle = createDb({ sqlite });
    await migrateToLatest(handle.db);
    return { ...handle, sqlite, close: async () => void sqlite.close() };
  }
  const schema = await createTestSchema();
  const handle = createDb({ databaseUrl: schema.url, poolSize: 3 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.db.destroy();
      await schema.drop();
    },
  };
}
