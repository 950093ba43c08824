import pg from 'pg';
import { checkPrefix, checkTopic, DEFAULT_PREFIX, encodePayload, TopicHandlers, type NotifyChannel } from './notify-channel';

export interface PostgresChannelOptions {
  connectionString: string;
  /** Namespaces the channels when several deployments share one database. */
  prefix?: string;
  onError?: (err: unknown) => void;
  /** Wait before the first reconnection attempt; doubles up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** The listening session's application_name in pg_stat_activity (an operator's, or a test's, way to find it). */
  applicationName?: string;
}

/**
 * LISTEN/NOTIFY (issue 14): a NOTIFY is delivered to every session listening on the channel when its
 * transaction commits, so a nudge sent after writing a row never arrives before the row can be read.
 * One dedicated client listens (LISTEN holds its connection, so it cannot come from a pool); when it is lost,
 * it reconnects with backoff, listens again and then calls the onReconnect handlers.
 */
export async function createPostgresChannel(options: PostgresChannelOptions): Promise<NotifyChannel> {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  const onError = options.onError ?? (() => {});
  const minDelay = options.reconnectDelayMs ?? 200;
  const maxDelay = options.maxReconnectDelayMs ?? 5000;
  const handlers = new TopicHandlers(onError);
  // Publishing goes through its own small pool: a NOTIFY outside a transaction commits at once.
  const publisher = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  publisher.on('error', onError);

  let listener: pg.Client | null = null;
  let listened = new Set<string>();
  let closing = false;
  let retry: NodeJS.Timeout | undefined;

  const channelOf = (topic: string) => prefix + topic;

  async function listen(client: pg.Client, topics: string[]): Promise<void> {
    for (const topic of topics) {
      if (listened.has(topic)) continue;
      listened.add(topic);
      await client.query(`LISTEN ${client.escapeIdentifier(channelOf(topic))}`);
    }
  }

  async function connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      application_name: options.applicationName ?? 'welcome-desk-listen',
    });
    client.on('notification', (msg) => {
      if (msg.channel.startsWith(prefix)) handlers.dispatch(msg.channel.slice(prefix.length), msg.payload ?? 'null');
    });
    let lostOnce = false;
    const lost = (err?: unknown) => {
      if (lostOnce) return;
      lostOnce = true;
      if (err) onError(err);
      if (listener === client) listener = null;
      client.end().catch(() => {});
      if (!closing) scheduleReconnect(minDelay);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    listened = new Set();
    listener = client;
    // Topics subscribed while this runs are picked up by the loop (listen skips the ones already done).
    while (handlers.topics().some((t) => !listened.has(t))) await listen(client, handlers.topics());
  }

  function scheduleReconnect(delay: number): void {
    clearTimeout(retry);
    retry = setTimeout(() => {
      connect().then(
        () => handlers.reconnected(),
        (err) => {
          onError(err);
          if (!closing) scheduleReconnect(Math.min(delay * 2, maxDelay));
        },
      );
    }, delay);
    retry.unref();
  }

  await connect();

  return {
    kind: 'postgres',
    async publish(topic, payload) {
      checkTopic(topic);
      await publisher.query('SELECT pg_notify($1, $2)', [channelOf(topic), encodePayload(payload)]);
    },
    async subscribe(topic, handler) {
      checkTopic(topic);
      handlers.add(topic, handler);
      // While disconnected, the reconnection listens to every topic before it reports back.
      const client = listener;
      if (client) {
        try {
          await listen(client, [topic]);
        } catch (err) {
          // A connection lost meanwhile is not the caller's failure: the reconnection listens to the topic.
          if (listener === client) throw err;
        }
      }
      return async () => {
        if (!handlers.remove(topic, handler) || !listener) return;
        listened.delete(topic);
        await listener.query(`UNLISTEN ${listener.escapeIdentifier(channelOf(topic))}`).catch(onError);
      };
    },
    onReconnect: (handler) => handlers.onReconnect(handler),
    async close() {
      closing = true;
      clearTimeout(retry);
      const client = listener;
      listener = null;
      await Promise.allSettled([client?.end(), publisher.end()]);
    },
  };
}
