import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors';
import { isSupportedLanguage, type Language } from '../language/languages';
import type { AdminDeps } from './admin-deps';
import { requireTenant, requireUser, tenantsOf } from './auth-plugin';
import { cannedValuesSchema, renderCanned } from './clerk-replies';
import type { HandoverSummary } from './handover-store';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({ status: z.enum(['open', 'assigned', 'closed', 'all']).default('open'), tenant: z.string().optional() }).strict();
const replyBody = z.union([
  z.object({ text: z.string().trim().min(1).max(4000), language: z.string().optional() }).strict(),
  z.object({ cannedId: z.string().min(1), values: cannedValuesSchema.default({}) }).strict(),
]);


/** The handover inbox (issue 12): a clerk sees only their municipalities' requests. */
export async function handoverRoutes(app: FastifyInstance, deps: AdminDeps & { detectLanguage: (text: string) => string }) {
  /** The handover if this principal may see it; another municipality's request is "not found". */
  async function visible(request: FastifyRequest): Promise<HandoverSummary> {
    const { id } = idParam.parse(request.params);
    const h = await deps.handovers.get(id);
    if (!h) throw new AppError('not_found', 'No such handover.');
    try {
      requireTenant(request, h.tenant);
    } catch {
      throw new AppError('not_found', 'No such handover.');
    }
    return h;
  }

  // Route schemas feed the OpenAPI document only (plugins/openapi.ts); the handlers parse their input themselves.
  app.get('/api/admin/handovers', { schema: { summary: 'The handover inbox', querystring: listQuery } }, async (request) => {
    const q = listQuery.parse(request.query);
    let tenants = tenantsOf(request);
    if (q.tenant) {
      requireTenant(request, q.tenant);
      tenants = [q.tenant];
    }
    return { handovers: await deps.handovers.list(tenants, q.status) };
  });

  app.get('/api/admin/handovers/:id', { schema: { summary: 'A handover and its transcript', params: idParam } }, async (request) => {
    const h = await visible(request);
    return { handover: h, transcript: await deps.handovers.transcript(h.conversationId) };
  });

  app.post('/api/admin/handovers/:id/assign', { schema: { summary: 'Take a handover', params: idParam } }, async (request) => {
    const user = requireUser(request);
    const h = await visible(request);
    if (h.status === 'closed') throw new AppError('conflict', 'This request is closed.');
    await deps.handovers.assign(h.id, user.id);
    // Stored first, then announced to every instance (issue 14): the socket may be on another one.
    await deps.replyBus.publish({ kind: 'assigned', conversationId: h.conversationId, handoverId: h.id });
    await deps.audit.record({ userId: user.id, tenant: h.tenant, action: 'handover-assign', target: String(h.id) });
    return { handover: await deps.handovers.get(h.id) };
  });

  app.post('/api/admin/handovers/:id/replies', { schema: { summary: 'Reply to the newcomer (free text or a canned reply)', params: idParam, body: replyBody } }, async (request, reply) => {
    const p = request.principal;
    const authorId = p?.kind === 'user' ? p.user.id : null;
    const h = await visible(request);
    if (h.status === 'closed') throw new AppError('conflict', 'This request is closed; the newcomer can ask again.');
    const body = replyBody.parse(request.body);
    const target: Language = isSupportedLanguage(h.language) ? h.language : 'en';
    let text: string;
    let language: string;
    let cannedId: string | null = null;
    if ('cannedId' in body) {
      // The newcomer reads the canned reply in their own language, whatever the clerk's language is.
      text = renderCanned(deps.clerkReplies, body.cannedId, target, body.values);
      language = target;
      cannedId = body.cannedId;
    } else {
      text = body.text;
      // Free text goes as written; its language is shown to the clerk (and to the widget).
      language = body.language && /^[a-z]{2}$/.test(body.language) ? body.language : deps.detectLanguage(body.text);
    }
    const saved = await deps.handovers.addReply(h, { text, language, authorId, cannedId });
    await deps.replyBus.publish({ kind: 'reply', conversationId: h.conversationId, handoverId: h.id, reply: saved });
    await deps.audit.record({ userId: authorId, tenant: h.tenant, action: 'handover-reply', target: String(h.id), detail: { replyId: saved.id, cannedId, language } });
    return reply.status(201).send({ reply: saved });
  });

  app.post('/api/admin/handovers/:id/close', { schema: { summary: 'Close a handover', params: idParam } }, async (request) => {
    const p = request.principal;
    const userId = p?.kind === 'user' ? p.user.id : null;
    const h = await visible(request);
    if (h.status !== 'closed') {
      await deps.handovers.close(h.id, userId);
      await deps.replyBus.publish({ kind: 'closed', conversationId: h.conversationId, handoverId: h.id });
      await deps.audit.record({ userId, tenant: h.tenant, action: 'handover-close', target: String(h.id) });
    }
    return { handover: await deps.handovers.get(h.id) };
  });

  /** The canned replies, with each one's title in the console languages and its text in all 15. */
  app.get('/api/admin/canned', async (request) => {
    tenantsOf(request);
    return { documents: deps.clerkReplies.documents, replies: deps.clerkReplies.replies };
  });
}
