import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { bearerToken } from '../conversations/conversation-token';
import { AppError, zodMessage } from '../errors';
import { enforceOrigin } from '../tenants/origin-policy';
import { checkConversationAccess, publicResponse } from './chat-access';
import { chatRequestSchema } from './protocol';
import { chatRequestDocSchema, chatResponseSchema, errorResponses } from './response-schemas';
import { openChatSession, type ChatSocketOptions } from './ws-session';

export { splitDeltas } from './answer-frames';
export { checkConversationAccess } from './chat-access';

/** The WebSocket's needs plus nothing: REST shares the ask budget (issue 13, finding 1). */
export type ChatRouteOptions = ChatSocketOptions;

export async function chatRoutes(app: FastifyInstance, opts: ChatRouteOptions) {
  const { chat, store, tokens, budget } = opts;

  app.post('/api/chat', {
    // For the OpenAPI document (plugins/openapi.ts); the handler parses the body itself.
    schema: {
      summary: 'Ask a question', tags: ['chat'], body: chatRequestDocSchema,
      description: 'A new conversation\'s first answer carries `conversationToken`; later asks in it send `Authorization: Bearer <conversationToken>`.',
      security: [{}, { conversationToken: [] }],
      response: { 200: chatResponseSchema, ...errorResponses(400, 401, 403, 404, 413, 429) },
    },
    // Counted in the per-address ask budget below, shared with that address's sockets, not by the global limit.
    config: { rateLimit: false },
    preHandler: async (request) => {
      // A person in danger is never refused by any limit (issue 8).
      if (chat.isCrisis((request.body as { message?: unknown } | undefined)?.message)) return;
      const decision = await budget.take(request.ip);
      if (!decision.ok) {
        throw Object.assign(new AppError('rate_limited'), { headers: { 'retry-after': String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))) } });
      }
    },
  }, async (request: FastifyRequest) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    enforceOrigin(request, chat.resolveTenant(parsed.data.tenant));
    const access = await checkConversationAccess(parsed.data, bearerToken(request.headers.authorization), store, tokens);
    const result = publicResponse(await chat.ask(parsed.data));
    return access.isNew || access.replay ? { ...result, conversationToken: tokens.issue(result.conversationId) } : result;
  });

  // CORS preflights are answered by @fastify/cors (server/src/http/cors.ts), from the municipalities' allow-lists.

  // Asks, subscriptions and the per-socket limits live in ws-session.ts; the registry in ws-sessions.ts.
  app.get('/api/chat/ws', { websocket: true }, (socket: WebSocket, request) => openChatSession(socket, request, opts));
}
