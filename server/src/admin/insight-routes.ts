import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, zodMessage } from '../errors';
import type { AdminDeps } from './admin-deps';
import { requireTenant, tenantsOf } from './auth-plugin';
import type { InsightStore } from './insight-store';

const handledBody = z.object({ messageIds: z.array(z.number().int().positive()).min(1).max(3000) }).strict();
const scopeQuery = z.object({ tenant: z.string().optional(), days: z.coerce.number().int().min(1).max(730).optional() }).strict();

function scope(request: FastifyRequest): { tenants: string[] | 'all'; days: number | undefined } {
  const q = scopeQuery.safeParse(request.query);
  if (!q.success) throw new AppError('invalid_request', zodMessage(q.error));
  let tenants = tenantsOf(request);
  if (q.data.tenant) {
    requireTenant(request, q.data.tenant);
    tenants = [q.data.tenant];
  }
  return { tenants, days: q.data.days };
}

/** Unanswered questions, feedback and figures (issue 12). */
export async function insightRoutes(app: FastifyInstance, deps: AdminDeps & { insights: InsightStore }) {
  // Route schemas feed the OpenAPI document only (plugins/openapi.ts); the handlers parse their input themselves.
  app.get('/api/admin/questions/unanswered', { schema: { summary: 'Unanswered questions, grouped', querystring: scopeQuery } }, async (request) => {
    const { tenants, days } = scope(request);
    const groups = await deps.insights.unanswered(tenants, days);
    return { groups };
  });

  app.post('/api/admin/questions/handled', { schema: { summary: 'Mark unanswered questions as handled', body: handledBody } }, async (request) => {
    const body = handledBody.safeParse(request.body);
    if (!body.success) throw new AppError('invalid_request', zodMessage(body.error));
    const p = request.principal;
    const marked = await deps.insights.markHandled(body.data.messageIds, tenantsOf(request), p?.kind === 'user' ? p.user.id : null);
    await deps.audit.record({ userId: p?.kind === 'user' ? p.user.id : null, tenant: null, action: 'questions-handled', detail: { messageIds: marked } });
    return { handled: marked };
  });

  /**
   * The unanswered questions as eval cases (evals/datasets JSONL), one per line: from a gap to new content to
   * a regression test. They expect "no answer" until a maintainer writes the card and fills in `cards`.
   */
  app.get('/api/admin/questions/unanswered/export', { schema: { summary: 'Unanswered questions as eval cases (JSONL)', querystring: scopeQuery } }, async (request, reply) => {
    const { tenants, days } = scope(request);
    const rows = await deps.insights.unansweredRows(tenants, days ?? 90);
    const today = new Date().toISOString().slice(0, 10);
    const lines = rows.filter((r) => !r.answered && r.language && /^[a-z]{2}$/.test(r.language)).map((r) => JSON.stringify({
      id: `gap-${r.tenant}-${r.messageId}`, tenant: r.tenant, question: r.text.slice(0, 2000), lang: r.language,
      expect: { topics: [], cards: [], answered: false, actors: [], language: r.language },
      tags: ['not-covered'], note: `exported from the console on ${today}; when a card answers it, set answered, topics and cards`,
    }));
    return reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', `attachment; filename="unanswered-${today}.jsonl"`).send(lines.join('\n') + (lines.length ? '\n' : ''));
  });

  app.get('/api/admin/feedback', { schema: { summary: 'Feedback on answers', querystring: scopeQuery } }, async (request) => {
    const { tenants, days } = scope(request);
    return { feedback: await deps.insights.feedback(tenants, days) };
  });

  app.get('/api/admin/stats', { schema: { summary: 'Figures', querystring: scopeQuery } }, async (request) => {
    const { tenants, days } = scope(request);
    return deps.insights.stats(tenants, days);
  });
}
