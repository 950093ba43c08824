import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../errors';
import { createReadinessCheck } from './readiness';

const checkStatus = z.enum(['ok', 'failed']);
const checksSchema = z.object({ db: checkStatus, index: checkStatus });
const errorSchema = z.object({ code: z.string(), message: z.string() });

/** Liveness (/health: the process answers) and readiness (/health/ready: it can answer questions). */
export async function healthRoutes(app: FastifyInstance) {
  const kb = app.knowledge;
  const readiness = createReadinessCheck({
    // The database the stores use: SQLite, or PostgreSQL when DATABASE_URL is set (issue 14).
    pingDb: () => sql`select 1`.execute(app.database.db),
    indexDocuments: () => (kb.cards.length > 0 && app.searchIndex.vectors.size > 0 ? app.searchIndex.lexical.documentCount() : 0),
  });

  app.get('/health', {
    schema: {
      summary: 'Liveness: the process is up',
      tags: ['operations'],
      response: {
        200: z.object({ status: z.literal('ok'), cards: z.number(), tenants: z.number(), knowledge: z.string(), llm: z.boolean() }),
      },
    },
  }, async () => ({ status: 'ok', cards: kb.cards.length, tenants: kb.tenants.length, knowledge: kb.hash, llm: !!app.chatModel }));

  app.get('/health/ready', {
    schema: {
      summary: 'Readiness: the database answers and the search index is loaded',
      tags: ['operations'],
      response: {
        200: z.object({ status: z.literal('ready'), checks: checksSchema }),
        503: z.object({ error: errorSchema, checks: checksSchema }),
      },
    },
  }, async (request, reply) => {
    const { ready, checks } = await readiness();
    if (ready) return { status: 'ready', checks };
    const failing = Object.entries(checks).filter(([, s]) => s === 'failed').map(([name]) => name);
    request.log.warn({ checks }, 'not ready');
    return reply.status(503).send({ ...errorBody('not_ready', `Not ready: ${failing.join(' and ')} failed.`), checks });
  });
}
