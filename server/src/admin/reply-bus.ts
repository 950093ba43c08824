import { EventEmitter } from 'node:events';
import type { NotifyChannel } from '../scale/notify-channel';

export interface ClerkReply {
  id: number;
  handoverId: number;
  conversationId: string;
  text: string;
  language: string;
  at: string;
}

export interface HandoverEvent {
  kind: 'reply' | 'closed' | 'assigned';
  conversationId: string;
  handoverId: number;
  reply?: ClerkReply;
}

/** What goes over the channel: ids only (docs/scale-out.md); the receiver reads the reply from the database. */
export interface ReplyNudge {
  kind: HandoverEvent['kind'];
  conversationId: string;
  handoverId: number;
  replyId?: number;
}

export const REPLIES_TOPIC = 'replies';

export interface ReplyBusDeps {
  notify: NotifyChannel;
  /** Replies of a conversation after a reply id, from the database (HandoverStore.repliesFor). */
  repliesFor: (conversationId: string, afterId: number) => Promise<ClerkReply[]>;
  warn?: (msg: string, err?: unknown) => void;
}

/**
 * Delivers a clerk's reply to the widget sockets of its conversation, on whichever instance they are
 * connected (issue 14). The route stores the reply first, then publishes its ids on the notification channel
 * (in-process, Redis or PostgreSQL); every instance hears it and, for the conversations its sockets follow,
 * reads the reply from the database and hands it to them. Nothing depends on delivery: every reply is in the
 * database first, and the widget fetches what it missed (subscribe with `after`, GET …/replies).
 */
export function createReplyBus(deps: ReplyBusDeps) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  // The highest reply id handed to this instance's sockets, per followed conversation: after a lost channel
  // connection, what came later is read again (the widget drops ids it has shown already).
  const lastReplyId = new Map<string, number>();
  // One nudge at a time, so that two replies in a row reach the sockets in order despite the reads in between.
  let queue: Promise<void> = Promise.resolve();
  let unsubscribe: (() => Promise<void>) | null = null;
  let offReconnect: (() => void) | null = null;

  const deliverReplies = async (conversationId: string, afterId: number, handoverId?: number) => {
    const replies = await deps.repliesFor(conversationId, afterId);
    for (const reply of replies) {
      if (!emitter.listenerCount(conversationId)) return;
      if (reply.id <= (lastReplyId.get(conversationId) ?? 0)) continue;
      lastReplyId.set(conversationId, reply.id);
      emitter.emit(conversationId, { kind: 'reply', conversationId, handoverId: handoverId ?? reply.handoverId, reply } satisfies HandoverEvent);
    }
  };

  const receive = async (nudge: ReplyNudge) => {
    if (!emitter.listenerCount(nudge.conversationId)) return;
    if (nudge.kind === 'reply') {
      if (typeof nudge.replyId !== 'number') return;
      // Only this reply (and any before it this instance has not passed on): the read is by id, so cheap.
      await deliverReplies(nudge.conversationId, Math.min(nudge.replyId - 1, lastReplyId.get(nudge.conversationId) ?? nudge.replyId - 1));
    } else {
      emitter.emit(nudge.conversationId, { kind: nudge.kind, conversationId: nudge.conversationId, handoverId: nudge.handoverId } satisfies HandoverEvent);
    }
  };

  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((err) => deps.warn?.('handover reply delivery failed', err));
    return queue;
  };

  const isNudge = (p: unknown): p is ReplyNudge => {
    const n = p as Partial<ReplyNudge> | null;
    return !!n && typeof n.conversationId === 'string' && typeof n.handoverId === 'number' && ['reply', 'closed', 'assigned'].includes(n.kind as string);
  };

  return {
    /** Subscribes this instance to the channel; resolves once nudges from any instance reach it. */
    async start(): Promise<void> {
      unsubscribe = await deps.notify.subscribe(REPLIES_TOPIC, (payload) => {
        if (isNudge(payload)) void enqueue(() => receive(payload));
      });
      // Nudges sent while the channel was down are lost; read what came since for the conversations followed here.
      offReconnect = deps.notify.onReconnect(() => {
        for (const conversationId of emitter.eventNames() as string[]) {
          void enqueue(() => deliverReplies(conversationId, lastReplyId.get(conversationId) ?? 0));
        }
      });
    },
    async stop(): Promise<void> {
      offReconnect?.();
      await unsubscribe?.().catch(() => {});
      await queue;
    },
    /** Announces a change to every instance; call it after the row is committed. Never throws: the reply is stored. */
    async publish(event: HandoverEvent): Promise<void> {
      const nudge: ReplyNudge = { kind: event.kind, conversationId: event.conversationId, handoverId: event.handoverId, ...(event.reply ? { replyId: event.reply.id } : {}) };
      await deps.notify.publish(REPLIES_TOPIC, nudge).catch((err) => deps.warn?.('could not announce a handover event', err));
    },
    subscribe(conversationId: string, listener: (event: HandoverEvent) => void): () => void {
      emitter.on(conversationId, listener);
      return () => {
        emitter.off(conversationId, listener);
        if (!emitter.listenerCount(conversationId)) lastReplyId.delete(conversationId);
      };
    },
    listeners(conversationId: string): number {
      return emitter.listenerCount(conversationId);
    },
  };
}

export type ReplyBus = ReturnType<typeof createReplyBus>;
