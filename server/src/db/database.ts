import type BetterSqlite3 from 'better-sqlite3';
import { Migrator, type Kysely } from 'kysely';
import { createDb } from './create-db';
import { migrationProvider } from './migrations';
import type { Tables } from './tables';

export type Db = Kysely<Tables>;

/** Kysely over a SQLite connection: the embedded engine of createDb (the CLIs and the eval pipeline use it). */
export function sqliteDb(connection: BetterSqlite3.Database): Db {
  return createDb({ sqlite: connection }).db;
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
