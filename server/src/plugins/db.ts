import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
  }
}

/** The conversation database (questions, answers, feedback, handovers). `:memory:` for tests. */
export default fp<{ file: string }>(
  async (app, opts) => {
    if (opts.file !== ':memory:') fs.mkdirSync(path.dirname(opts.file), { recursive: true });
    const db = new Database(opts.file);
    db.pragma('journal_mode = WAL');
    // NORMAL keeps every committed answer across a process crash and only risks the last ones on power loss.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      db.close();
    });
  },
  { name: 'db' },
);
