import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HandoverStore } from '../admin/handover-store';
import type { RepliesResponse } from '../chat/protocol';
import { conversationIdSchema } from '../chat/protocol';
import { errorResponses, repliesResponseSchema } from '../chat/response-schemas';
import { AppError, zodMessage } from '../errors';
import { enforceOrigin } from '../tenants/origin-policy';
import type { ConversationStore } from './conversation-store';
import { bearerToken, type ConversationTokens } from './conversation-token';

const paramsSchema = z.object({ id: conversationIdSchema });
const querySchema = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** The widget fetches clerk replies it missed (issue 12): on its next visit, or when its socket was down. */
export async function replyRoutes(app: FastifyInstance, opts: { store: ConversationStore; tokens: ConversationTokens; handovers: HandoverStore }) {
  app.get('/api/conversations/:id/replies', {
    // For the OpenAPI document (plugins/openapi.ts); the handler parses params and query itself.
    schema: {
      summary: 'Clerk replies after reply id `after`', tags: ['conversations'], params: paramsSchema, querystring: querySchema,
      security: [{ conversationToken: [] }], response: { 200: repliesResponseSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const params = paramsSchema.safeParse(request.params);
    const query = querySchema.safeParse(request.query);
    if (!params.success) throw new AppError('invalid_request', zodMessage(params.error));
    if (!query.success) throw new AppError('invalid_request', zodMessage(query.error));
    const id = params.data.id;
    if (!opts.tokens.verify(id, bearerToken(request.headers.authorization))) throw new AppError('invalid_token');
    const state = await opts.store.state(id);
    if (!state) throw new AppError('not_found', 'No such conversation.');
    enforceOrigin(request, app.tenants.resolve(state.tenant));
    const latest = await opts.handovers.latestFor(id);
    const body: RepliesResponse = {
      replies: (await opts.handovers.repliesFor(id, query.data.after)).map(({ conversationId: _c, ...r }) => r),
      handover: latest ? { id: latest.id, status: latest.status } : null,
    };
    reply.header('cache-control', 'no-store');
    return body;
  });
}
