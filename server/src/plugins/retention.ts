import fp from 'fastify-plugin';
import type { Db } from '../db/database';
import { createRetention, type RetentionResult } from '../privacy/retention';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the retention job now (it also runs at start and every few hours). */
    runRetention: () => Promise<RetentionResult>;
  }
}

/** How often the job runs: often enough that nothing outlives its limit by much, rarely enough to cost nothing. */
const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * The retention job (issue 13): deletes conversations and audit entries past their limit, once when the app is
 * built (after the migrations, so every table exists) and then every six hours, on SQLite or PostgreSQL. The
 * timer never keeps the process alive and is cleared when the app closes.
 */
export default fp<{ db: Db; days: number; auditDays: number }>(
  async (app, opts) => {
    const retention = createRetention(opts.db, { days: opts.days, auditDays: opts.auditDays });
    const run = async () => {
      const result = await retention.run();
      const deleted = Object.values(result).reduce((a, b) => a + b, 0);
      if (deleted > 0) app.log.info({ retention: result, days: opts.days, auditDays: opts.auditDays }, 'retention: deleted old data');
      return result;
    };
    app.decorate('runRetention', run);
    await run();
    const timer = setInterval(() => {
      run().catch((err) => app.log.error({ err }, 'retention job failed'));
    }, EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'retention', dependencies: ['db'] },
);
