import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export type Engine = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Tables>;
  engine: Engine;
}

export interface CreateDbOptions {
  /** postgres://… (DATABASE_URL). When set, PostgreSQL is used and `sqlite` is ignored. */
  databaseUrl?: string;
  /** The embedded default: the app's better-sqlite3 connection (the db plugin owns and closes it). */
  sqlite?: BetterSqlite3.Database;
  /** Pool size per instance; PostgreSQL's default of 100 connections fits several instances of 10. */
  poolSize?: number;
}

// PostgreSQL returns int8 (count(*), sums) as strings because they can exceed 2^53; our counts never do,
// and the SQLite engine returns numbers, so both engines hand the stores the same shapes. Set per pool, not
// globally on the pg module, so that nothing else in the process is affected.
const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * One query layer over two engines (issue 14): Kysely with SQLite embedded, or PostgreSQL when DATABASE_URL
 * is set. Stores written against Kysely<Tables> run on both; `engine` is for the few places DDL differs.
 */
export function createDb(options: CreateDbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  if (!options.sqlite) throw new Error('createDb needs either a DATABASE_URL or a SQLite connection.');
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: options.sqlite }) }), engine: 'sqlite' };
}

/** The engine behind a Kysely instance (migrations receive only the instance). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
