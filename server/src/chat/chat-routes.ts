import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { ReplyBus } from '../admin/reply-bus';
import type { ConversationStore } from '../conversations/conversation-store';
import { bearerToken, type ConversationTokens } from '../conversations/conversation-token';
import { AppError, toAppError, zodMessage } from '../errors';
import { enforceOrigin } from '../tenants/origin-policy';
import type { ChatResult, ChatService } from './create-chat-service';
import { askFrameSchema, chatRequestSchema, subscribeFrameSchema, type ChatRequest, type ChatResponse, type ServerFrame } from './protocol';

function publicResponse(result: ChatResult): ChatResponse {
  const { trace: _trace, ...response } = result;
  return response;
}

/** Paragraph-sized pieces: the widget shows the answer growing, and the pieces join back exactly. */
export function splitDeltas(answer: string): string[] {
  return answer.split(/(?<=\n\n)/).filter(Boolean);
}

export interface ChatRouteOptions {
  chat: ChatService;
  store: ConversationStore;
  tokens: ConversationTokens;
  replyBus: ReplyBus;
  /** Clerk replies the widget missed (served on subscribe). */
  repliesFor: (conversationId: string, after: number) => Promise<{ id: number; handoverId: number; text: string; language: string; at: string }[]>;
  asksPerMinute: number;
}

/**
 * Issue 12: asking in an existing conversation needs its token. The one exception is a question re-sent with
 * the same clientMessageId (its first answer, and so the token, may have been lost with the connection).
 * Returns whether the conversation is new, in which case the answer hands out the token.
 */
export function checkConversationAccess(ask: ChatRequest, token: string | null, store: ConversationStore, tokens: ConversationTokens): { isNew: boolean; replay: boolean } {
  if (!ask.conversationId) return { isNew: true, replay: false };
  const state = store.state(ask.conversationId);
  if (!state) return { isNew: true, replay: false };
  if (tokens.verify(ask.conversationId, token)) return { isNew: false, replay: false };
  if (ask.clientMessageId && store.answeredClientMessage(ask.conversationId, ask.clientMessageId) !== null) return { isNew: false, replay: true };
  throw new AppError('invalid_token');
}

export async function chatRoutes(app: FastifyInstance, opts: ChatRouteOptions) {
  const { chat, store, tokens } = opts;

  app.post('/api/chat', async (request: FastifyRequest, reply) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    enforceOrigin(request, reply, chat.resolveTenant(parsed.data.tenant));
    const access = checkConversationAccess(parsed.data, bearerToken(request.headers.authorization), store, tokens);
    const result = publicResponse(await chat.ask(parsed.data));
    return access.isNew || access.replay ? { ...result, conversationToken: tokens.issue(result.conversationId) } : result;
  });

  app.options('/api/*', async (request, reply) => {
    if (request.headers.origin) {
      reply.header('access-control-allow-origin', request.headers.origin);
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'content-type, authorization');
      reply.header('access-control-max-age', '600');
      reply.header('vary', 'Origin');
    }
    return reply.status(204).send();
  });

  app.get('/api/chat/ws', { websocket: true }, (socket: WebSocket, request) => {
    const send = (frame: ServerFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const fail = (error: unknown) => {
      const e = toAppError(error);
      if (e.statusCode >= 500) request.log.error({ err: error }, 'websocket ask failed');
      send({ type: 'error', code: e.code, message: e.message });
    };
    // Live clerk replies for the conversations this socket has shown it may read (issue 12).
    const subscriptions = new Map<string, () => void>();
    const follow = (conversationId: string) => {
      if (subscriptions.has(conversationId)) return;
      subscriptions.set(conversationId, opts.replyBus.subscribe(conversationId, (event) => {
        if (event.kind === 'reply' && event.reply) {
          const r = event.reply;
          send({ type: 'reply', id: r.id, handoverId: r.handoverId, text: r.text, language: r.language, at: r.at });
        } else if (event.kind === 'assigned' || event.kind === 'closed') {
          send({ type: 'handover', handoverId: event.handoverId, status: event.kind });
        }
      }));
    };
    socket.on('close', () => {
      for (const off of subscriptions.values()) off();
      subscriptions.clear();
    });

    // Questions on one socket are answered in the order they were asked.
    let queue = Promise.resolve();
    // The HTTP rate limit sees only the upgrade, so a socket gets the same budget per minute for its asks.
    const recent: number[] = [];
    socket.on('message', (raw) => {
      let data: unknown;
      let json = true;
      try {
        data = JSON.parse(raw.toString());
      } catch {
        json = false;
      }
      // A person in danger is never refused by the ask budget (issue 8).
      if (opts.asksPerMinute > 0 && !chat.isCrisis((data as { message?: unknown } | null)?.message)) {
        const now = Date.now();
        while (recent.length && now - recent[0] > 60_000) recent.shift();
        if (recent.length >= opts.asksPerMinute) return fail(new AppError('rate_limited'));
        recent.push(now);
      }
      queue = queue.then(async () => {
        if (!json) return fail(new AppError('invalid_request', 'Frames must be JSON.'));
        if ((data as { type?: unknown } | null)?.type === 'subscribe') {
          const sub = subscribeFrameSchema.safeParse(data);
          if (!sub.success) return fail(new AppError('invalid_request', zodMessage(sub.error)));
          if (!tokens.verify(sub.data.conversationId, sub.data.conversationToken)) return fail(new AppError('invalid_token'));
          follow(sub.data.conversationId);
          for (const r of await opts.repliesFor(sub.data.conversationId, sub.data.after)) send({ type: 'reply', ...r });
          return;
        }
        const parsed = askFrameSchema.safeParse(data);
        if (!parsed.success) return fail(new AppError('invalid_request', zodMessage(parsed.error)));
        try {
          enforceOrigin(request, null, chat.resolveTenant(parsed.data.tenant));
          const { type: _type, conversationToken, ...ask } = parsed.data;
          const access = checkConversationAccess(ask, conversationToken ?? null, store, tokens);
          const result = await chat.ask(ask);
          follow(result.conversationId);
          const token = access.isNew || access.replay ? tokens.issue(result.conversationId) : undefined;
          send({ type: 'start', conversationId: result.conversationId, language: result.language, ...(token ? { conversationToken: token } : {}) });
          for (const text of splitDeltas(result.answer)) send({ type: 'delta', text });
          send({ type: 'done', ...publicResponse(result), ...(token ? { conversationToken: token } : {}) });
        } catch (error) {
          fail(error);
        }
      });
    });
  });
}
