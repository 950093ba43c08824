import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError, toAppError, zodMessage } from '../errors';
import { enforceOrigin } from '../tenants/origin-policy';
import type { ChatResult, ChatService } from './create-chat-service';
import { askFrameSchema, chatRequestSchema, type ChatResponse, type ServerFrame } from './protocol';

function publicResponse(result: ChatResult): ChatResponse {
  const { trace: _trace, ...response } = result;
  return response;
}

/** Paragraph-sized pieces: the widget shows the answer growing, and the pieces join back exactly. */
export function splitDeltas(answer: string): string[] {
  return answer.split(/(?<=\n\n)/).filter(Boolean);
}

export async function chatRoutes(app: FastifyInstance, opts: { chat: ChatService; asksPerMinute: number }) {
  const { chat } = opts;

  app.post('/api/chat', async (request, reply) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_request', zodMessage(parsed.error));
    enforceOrigin(request, reply, chat.resolveTenant(parsed.data.tenant));
    return publicResponse(await chat.ask(parsed.data));
  });

  app.options('/api/*', async (request, reply) => {
    if (request.headers.origin) {
      reply.header('access-control-allow-origin', request.headers.origin);
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'content-type');
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
        const parsed = askFrameSchema.safeParse(data);
        if (!parsed.success) return fail(new AppError('invalid_request', zodMessage(parsed.error)));
        try {
          enforceOrigin(request, null, chat.resolveTenant(parsed.data.tenant));
          const { type: _type, ...ask } = parsed.data;
          const result = await chat.ask(ask);
          send({ type: 'start', conversationId: result.conversationId, language: result.language });
          for (const text of splitDeltas(result.answer)) send({ type: 'delta', text });
          send({ type: 'done', ...publicResponse(result) });
        } catch (error) {
          fail(error);
        }
      });
    });
  });
}
