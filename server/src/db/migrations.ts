import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { engineOf } from './create-db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations work on any schema
type AnyDb = Kysely<any>;

/**
 * An integer primary key the database numbers itself. Kysely's autoIncrement() is SQLite's (and MySQL's)
 * keyword only; PostgreSQL uses an identity column (issue 14). On SQLite the DDL is unchanged, so databases
 * migrated before the PostgreSQL engine existed are identical to new ones.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table builder
function addId<T extends CreateTableBuilder<any, any>>(db: AnyDb, table: T, name = 'id'): T {
  const key = engineOf(db) === 'postgres'
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement();
  return table.addColumn(name, 'integer', key) as T;
}

/** A floating-point column: SQLite's REAL is 8 bytes, PostgreSQL's `real` only 4, so it takes double precision. */
function floatType(db: AnyDb): 'real' | 'double precision' {
  return engineOf(db) === 'postgres' ? 'double precision' : 'real';
}

// Migrations run at start by Kysely's migrator (kysely_migration table), on SQLite and on PostgreSQL. Names
// sort in order; a migration is never edited once released — add the next one. (001 was made portable in
// issue 14 without changing the DDL it runs on SQLite.)
const MIGRATIONS: Record<string, Migration> = {
  '2026-12-06-001-clerk-side': {
    async up(db: AnyDb) {
      await addId(db, db.schema.createTable('users').ifNotExists())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createTable('user_tenants').ifNotExists()
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_tenants_pk', ['user_id', 'tenant'])
        .execute();
      await db.schema.createTable('sessions').ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('api_keys').ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('created_by', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await addId(db, db.schema.createTable('handover_replies').ifNotExists())
        .addColumn('handover_id', 'integer', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('canned_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('handover_replies_conversation').ifNotExists().on('handover_replies').columns(['conversation_id', 'id']).execute();
      await db.schema.createTable('handover_state').ifNotExists()
        .addColumn('handover_id', 'integer', (c) => c.primaryKey())
        .addColumn('assignee_id', 'integer')
        .addColumn('assigned_at', 'text')
        .addColumn('first_reply_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'integer')
        .execute();
      await db.schema.createTable('question_marks').ifNotExists()
        .addColumn('message_id', 'integer', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('handled_by', 'integer')
        .addColumn('handled_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('actor_edits').ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('data', 'text')
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_at', 'text')
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('tenant_settings').ifNotExists()
        .addColumn('tenant', 'text', (c) => c.primaryKey())
        .addColumn('welcome', 'text')
        .addColumn('allowed_origins', 'text')
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await addId(db, db.schema.createTable('audit_log').ifNotExists())
        .addColumn('user_id', 'integer')
        .addColumn('tenant', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_tenant').ifNotExists().on('audit_log').columns(['tenant', 'id']).execute();
      await sql`SELECT 1`.execute(db);
    },
  },
  '2027-01-10-002-conversation-tables': {
    // The conversation tables were created by conversation-store.ts's own SQL on SQLite (CONVERSATION_SCHEMA,
    // which also adds query/place/client_id to older files). ifNotExists keeps this a no-op there, and creates
    // the same tables on PostgreSQL (issue 14), where the stores move in phase 2.
    async up(db: AnyDb) {
      await db.schema.createTable('conversations').ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await addId(db, db.schema.createTable('messages').ifNotExists())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('user', 'assistant')`))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('topic', 'text')
        .addColumn('card_id', 'text')
        .addColumn('sources', 'text')
        .addColumn('actors', 'text')
        .addColumn('confidence', floatType(db))
        .addColumn('answered', 'integer')
        .addColumn('mode', 'text')
        .addColumn('query', 'text')
        .addColumn('place', 'text')
        .addColumn('client_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('messages_conversation').ifNotExists().on('messages').columns(['conversation_id', 'id']).execute();
      // A retried ask (the same client message id) is stored once.
      await db.schema.createIndex('messages_client_id').ifNotExists().unique().on('messages')
        .columns(['conversation_id', 'client_id']).where(sql.ref('client_id'), 'is not', null).execute();
      await addId(db, db.schema.createTable('feedback').ifNotExists())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
        .addColumn('helpful', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await addId(db, db.schema.createTable('handovers').ifNotExists())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('contact', 'text')
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
