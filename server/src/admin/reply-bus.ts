import { EventEmitter } from 'node:events';

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

/**
 * Delivers a clerk's reply to the widget sockets of its conversation. This one works inside one process;
 * with several instances a shared channel (PostgreSQL LISTEN/NOTIFY) feeds `publish` on every instance.
 * Nothing depends on delivery: every reply is in the database first, and the widget fetches what it missed.
 */
export function createReplyBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(event: HandoverEvent): void {
      emitter.emit(event.conversationId, event);
    },
    subscribe(conversationId: string, listener: (event: HandoverEvent) => void): () => void {
      emitter.on(conversationId, listener);
      return () => emitter.off(conversationId, listener);
    },
    listeners(conversationId: string): number {
      return emitter.listenerCount(conversationId);
    },
  };
}

export type ReplyBus = ReturnType<typeof createReplyBus>;
