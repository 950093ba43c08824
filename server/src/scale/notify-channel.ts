import { EventEmitter } from 'node:events';

/**
 * Tells every instance that something changed (issue 14): a handover reply was written, an organisation was
 * edited. Payloads are small JSON (ids); the receiver reads the row from the database. So a message is only a
 * nudge: nothing is lost when no one listens, or while a connection is down (the data waits in the database,
 * and onReconnect tells the receivers to catch up).
 *
 * Delivery: every subscriber of the topic on every instance, the publishing one included, at most once.
 */
export interface NotifyChannel {
  readonly kind: 'memory' | 'postgres' | 'redis';
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is live: a publish after that reaches the handler. Returns unsubscribe. */
  subscribe(topic: string, handler: NotifyHandler): Promise<() => Promise<void>>;
  /** Called after a lost connection is back, once its subscriptions are live again. Returns a remover. */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

export type NotifyHandler = (payload: unknown) => void;

/** PostgreSQL's NOTIFY takes payloads under 8000 bytes; every engine enforces it, so code moves between them. */
export const MAX_PAYLOAD_BYTES = 7900;
const TOPIC = /^[a-z0-9][a-z0-9._-]{0,39}$/;
/** Channel names on the server are prefix + topic; PostgreSQL identifiers stop at 63 bytes. */
const PREFIX = /^[a-z0-9._-]{0,20}$/;
export const DEFAULT_PREFIX = 'welcome-desk.';

export function checkTopic(topic: string): string {
  if (!TOPIC.test(topic)) throw new Error(`Invalid notification topic "${topic}" (a-z, 0-9, . _ -; at most 40 characters).`);
  return topic;
}

export function checkPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new Error(`Invalid notification prefix "${prefix}" (a-z, 0-9, . _ -; at most 20 characters).`);
  return prefix;
}

export function encodePayload(payload: unknown): string {
  const text = JSON.stringify(payload ?? null);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new Error(`Notification payload of ${Buffer.byteLength(text)} bytes: send ids and read the rows, not the rows.`);
  }
  return text;
}

/** The handlers of one channel instance, by topic; a failing handler never stops the others. */
export class TopicHandlers {
  private readonly byTopic = new Map<string, Set<NotifyHandler>>();
  private readonly reconnectHandlers = new Set<() => void>();

  constructor(private readonly onError: (err: unknown) => void) {}

  /** Adds a handler; true when it is the topic's first (the caller then subscribes on the server). */
  add(topic: string, handler: NotifyHandler): boolean {
    const set = this.byTopic.get(topic);
    if (set) {
      set.add(handler);
      return false;
    }
    this.byTopic.set(topic, new Set([handler]));
    return true;
  }

  /** Removes a handler; true when the topic has none left (the caller then unsubscribes on the server). */
  remove(topic: string, handler: NotifyHandler): boolean {
    const set = this.byTopic.get(topic);
    if (!set?.delete(handler) || set.size > 0) return false;
    this.byTopic.delete(topic);
    return true;
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }

  dispatch(topic: string, text: string): void {
    const set = this.byTopic.get(topic);
    if (!set) return;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (err) {
      this.onError(err);
      return;
    }
    for (const handler of [...set]) {
      try {
        handler(payload);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  reconnected(): void {
    for (const handler of [...this.reconnectHandlers]) {
      try {
        handler();
      } catch (err) {
        this.onError(err);
      }
    }
  }
}

export interface MemoryChannelOptions {
  /** Channels made over one emitter see each other's messages (two apps in one test process). */
  emitter?: EventEmitter;
  onError?: (err: unknown) => void;
}

/**
 * The embedded default: one process, no server. Delivery is asynchronous and payloads go through JSON, as with
 * PostgreSQL and Redis, so that code written against it behaves the same when scaled out.
 */
export function createMemoryChannel(options: MemoryChannelOptions = {}): NotifyChannel {
  const emitter = options.emitter ?? new EventEmitter();
  emitter.setMaxListeners(0);
  const handlers = new TopicHandlers(options.onError ?? (() => {}));
  const listeners = new Map<string, (text: string) => void>();
  let closed = false;
  return {
    kind: 'memory',
    async publish(topic, payload) {
      checkTopic(topic);
      const text = encodePayload(payload);
      if (closed) throw new Error('The notification channel is closed.');
      setImmediate(() => emitter.emit(topic, text));
    },
    async subscribe(topic, handler) {
      checkTopic(topic);
      if (handlers.add(topic, handler)) {
        const listener = (text: string) => handlers.dispatch(topic, text);
        listeners.set(topic, listener);
        emitter.on(topic, listener);
      }
      return async () => {
        if (!handlers.remove(topic, handler)) return;
        emitter.off(topic, listeners.get(topic)!);
        listeners.delete(topic);
      };
    },
    onReconnect: (handler) => handlers.onReconnect(handler),
    async close() {
      closed = true;
      for (const [topic, listener] of listeners) emitter.off(topic, listener);
      listeners.clear();
    },
  };
}
