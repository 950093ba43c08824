import type { FastifyInstance } from 'fastify';
import { CANNED, fill } from '../answer/canned-messages';
import type { HandoverResponse } from '../chat/protocol';
import { feedbackRequestSchema, handoverRequestSchema } from '../chat/protocol';
import { errorResponses, feedbackResponseSchema, handoverResponseSchema } from '../chat/response-schemas';
import { AppError, zodMessage } from '../errors';
import { isSupportedLanguage, type Language } from '../language/languages';
import { enforceOrigin } from '../tenants/origin-policy';
import type { ConversationStore } from './conversation-store';
import { bearerToken, type ConversationTokens } from './conversation-token';

export async function feedbackRoutes(app: FastifyInstance, opts: { store: ConversationStore; tokens: ConversationTokens; defaultTenant: string; emergencyLine: (lang: Language) => string }) {
  // The schemas feed the OpenAPI document (plugins/openapi.ts); the handlers parse the body themselves.
  app.post('/api/feedback', {
    schema: { summary: 'Rate an answer', tags: ['conversations'], body: feedbackRequestSchema, response: { 201: feedbackResponseSchema, ...errorResponses(400, 403, 404) } },
  }, async (request, reply) => {
    const parsed = feedbackRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    const { conversationId, messageId, helpful, comment } = parsed.data;
    const state = await opts.store.state(conversationId);
    enforceOrigin(request, state ? app.tenants.resolve(state.tenant) : null);
    const id = await opts.store.recordFeedback(conversationId, messageId, helpful, comment);
    if (id === null) throw new AppError('not_found', 'No such answer in this conversation.');
    return reply.status(201).send({ id });
  });

  app.post('/api/handover', {
    schema: {
      summary: 'Ask for a person (a clerk of the municipality)', tags: ['conversations'], body: handoverRequestSchema,
      security: [{ conversationToken: [] }], response: { 201: handoverResponseSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const parsed = handoverRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    // Only the conversation's own widget (it holds the token) can hand it over, and only to its own
    // municipality: no handover for a conversation that never existed (issues 12 and 13).
    if (!opts.tokens.verify(parsed.data.conversationId, bearerToken(request.headers.authorization))) throw new AppError('invalid_token');
    const state = await opts.store.state(parsed.data.conversationId);
    if (!state) throw new AppError('not_found', 'No such conversation.');
    const tenant = app.tenants.resolve(parsed.data.tenant ?? state.tenant);
    if (!tenant) throw new AppError('unknown_tenant');
    if (tenant.slug !== state.tenant) throw new AppError('forbidden', 'This conversation belongs to another municipality.');
    enforceOrigin(request, tenant);
    const lang = isSupportedLanguage(parsed.data.language) ? parsed.data.language : 'en';
    const id = await opts.store.recordHandover(parsed.data.conversationId, tenant.slug, lang, parsed.data.contact ?? null, parsed.data.note ?? null);
    const where = tenant.welcome?.name ?? tenant.name;
    // The confirmation always ends with the emergency line (issue 8): a person waiting may be in danger.
    const message = `${fill(CANNED[lang].handoverRecorded, { name: where })}\n\n${opts.emergencyLine(lang)}`;
    const body: HandoverResponse = { id, language: lang, message };
    return reply.status(201).send(body);
  });
}
