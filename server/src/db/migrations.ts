import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Migrations of the clerk's side, run at start by Kysely's migrator (kysely_migration table). Names sort in
// order; a migration is never edited once released — add the next one.
const MIGRATIONS: Record<string, Migration> = {
  '2026-12-06-001-clerk-side': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('users').ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
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
      await db.schema.createTable('handover_replies').ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
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
      await db.schema.createTable('audit_log').ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
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
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
