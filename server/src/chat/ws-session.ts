import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { ReplyBus } from '../admin/reply-bus';
import type { ConversationStore } from '../conversations/conversation-store';
import type { ConversationTokens } from '../conversations/conversation-token';
import { AppError, toAppError, zodMessage } from '../errors';
import { enforceOrigin } from '../tenants/origin-policy';
import { createAnswerFrames } from './answer-frames';
import type { AskBudget, BudgetDecision } from './ask-budget';
import { checkConversationAccess, publicResponse } from './chat-access';
import type { ChatService } from './create-chat-service';
import { askFrameSchema, subscribeFrameSchema, type ServerFrame } from './protocol';
import type { TrackedSocket, WsSessions } from './ws-sessions';

export interface WsLimits {
  /** Frames waiting on one socket (the one being answered included); more are refused at once. */
  queueSize: number;
  /** Above this many unsent bytes the socket is no longer read until the client catches up. */
  maxBufferBytes: number;
}

export interface ChatSocketOptions {
  chat: ChatService;
  store: ConversationStore;
  tokens: ConversationTokens;
  replyBus: ReplyBus;
  /** Clerk replies the widget missed (served on subscribe). */
  repliesFor: (conversationId: string, after: number) => Promise<{ id: number; handoverId: number; text: string; language: string; at: string }[]>;
  budget: AskBudget;
  sessions: WsSessions;
  limits: WsLimits;
}

interface Job {
  crisis: boolean;
  data: unknown;
  json: boolean;
  admitted: Promise<BudgetDecision>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One chat WebSocket: asks answered in order, live clerk replies, and the limits of issue 13. */
export function openChatSession(socket: WebSocket, request: FastifyRequest, opts: ChatSocketOptions): void {
  const { chat, store, tokens, sessions, limits } = opts;
  const ip = request.ip ?? 'unknown';
  const queue: Job[] = [];
  let running = false;
  // The ask being answered; with the queue it is what the bound counts.
  let answering = false;
  let closed = false;
  let shuttingDown = false;
  // Each frame gets its own id under the upgrade request's (X-Request-Id, issue 13), in its log lines.
  let frames = 0;
  const writable: (() => void)[] = [];

  const overLimit = () => socket.bufferedAmount > limits.maxBufferBytes;
  const release = () => {
    for (const wake of writable.splice(0)) wake();
  };
  // Called as each frame leaves the process: once the client has caught up, read it again (finding 1: 160 MB).
  const afterWrite = () => {
    if (entry.pausedSince === null || overLimit()) return;
    entry.pausedSince = null;
    socket.resume();
    release();
  };
  const send = (frame: ServerFrame) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(frame), afterWrite);
    if (entry.pausedSince === null && overLimit()) {
      entry.pausedSince = Date.now();
      socket.pause();
    }
  };
  const whenWritable = () => (entry.pausedSince === null ? Promise.resolve() : new Promise<void>((resolve) => writable.push(resolve)));
  const fail = (error: unknown, log = request.log) => {
    const e = toAppError(error);
    if (e.statusCode >= 500) log.error({ err: error }, 'websocket ask failed');
    send({ type: 'error', code: e.code, message: e.message });
  };

  const entry: TrackedSocket = {
    socket,
    ip,
    lastSeen: Date.now(),
    pausedSince: null,
    shutdown() {
      // Queued asks were never answered nor recorded, so dropping them loses nothing acknowledged.
      shuttingDown = true;
      queue.length = 0;
      release();
      if (!running) socket.close(1001, 'server shutting down');
    },
  };
  if (!sessions.admit(entry)) {
    send({ type: 'error', code: 'rate_limited', message: 'Too many open connections from this address. Please close another chat window and try again.' });
    socket.close(sessions.closing ? 1001 : 1008, sessions.closing ? 'server shutting down' : 'too many connections');
    return;
  }

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
    closed = true;
    queue.length = 0;
    release();
    for (const off of subscriptions.values()) off();
    subscriptions.clear();
  });

  const answer = async (job: Job) => {
    const log = request.log.child({ askId: `${request.id}:${++frames}` });
    if (!(await job.admitted).ok) return fail(new AppError('rate_limited'));
    if (!job.json) return fail(new AppError('invalid_request', 'Frames must be JSON.'));
    const data = job.data;
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
      enforceOrigin(request, chat.resolveTenant(parsed.data.tenant));
      const { type: _type, conversationToken, ...ask } = parsed.data;
      const access = await checkConversationAccess(ask, conversationToken ?? null, store, tokens);
      // LLM answers stream as they are written and checked (issue 13); see answer-frames.ts.
      const answer = createAnswerFrames(send, (id) => (access.isNew || access.replay ? tokens.issue(id) : undefined));
      const result = await chat.ask(ask, { onDelta: answer.onDelta });
      follow(result.conversationId);
      answer.done(publicResponse(result));
      log.info({ mode: result.trace.mode, answered: result.answered }, 'websocket ask answered');
    } catch (error) {
      fail(error, log);
    }
  };

  // Questions on one socket are answered in the order they were asked (crisis messages go first).
  const pump = async () => {
    running = true;
    try {
      while (queue.length && !closed) {
        await whenWritable();
        const job = queue.shift();
        if (!job || closed) break;
        answering = true;
        await answer(job).finally(() => {
          answering = false;
        });
        // Let other sockets, REST calls and /health run between two answers (finding 1: /health took 5 s).
        await nextTurn();
      }
    } finally {
      running = false;
      if (shuttingDown && !closed) socket.close(1001, 'server shutting down');
    }
  };

  socket.on('message', (raw) => {
    entry.lastSeen = Date.now();
    if (shuttingDown) return;
    let data: unknown;
    let json = true;
    try {
      data = JSON.parse(raw.toString());
    } catch {
      json = false;
    }
    // A person in danger is never refused by any limit (issue 8): no budget, no queue bound, and first in line.
    const crisis = chat.isCrisis((data as { message?: unknown } | null)?.message);
    if (!crisis && queue.length + (answering ? 1 : 0) >= limits.queueSize) return fail(new AppError('rate_limited'));
    const admitted: Promise<BudgetDecision> = crisis
      ? Promise.resolve({ ok: true })
      : opts.budget.take(ip).catch((err) => {
          // A broken budget store must not silence the assistant: serve, and say so in the log.
          request.log.warn({ err }, 'ask budget unavailable');
          return { ok: true } as const;
        });
    const job: Job = { crisis, data, json, admitted };
    const at = crisis ? queue.findIndex((j) => !j.crisis) : -1;
    if (at === -1) queue.push(job);
    else queue.splice(at, 0, job);
    if (!running) void pump();
  });
}
