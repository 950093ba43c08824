import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { checkPrefix, checkTopic, DEFAULT_PREFIX, encodePayload, TopicHandlers, type NotifyChannel } from './notify-channel';

export interface RedisChannelOptions {
  url: string;
  /** Namespaces the channels when several deployments share one Redis. */
  prefix?: string;
  onError?: (err: unknown) => void;
  /** The listening connection's name in CLIENT LIST (an operator's, or a test's, way to find it). */
  connectionName?: string;
}

/**
 * Redis pub/sub (issue 14), used instead of LISTEN/NOTIFY when REDIS_URL is set. A subscribed connection can
 * do nothing else, so there are two: one publishes, one listens. ioredis reconnects by itself; subscriptions
 * are renewed here rather than by its autoResubscribe, so that onReconnect runs only once they are live.
 */
export async function createRedisChannel(options: RedisChannelOptions): Promise<NotifyChannel> {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  const onError = options.onError ?? (() => {});
  const handlers = new TopicHandlers(onError);
  // The name lets an operator (and the tests) find the listening connection in CLIENT LIST.
  const connectionName = options.connectionName ?? `welcome-desk-sub-${randomBytes(4).toString('hex')}`;
  const publisher = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(options.url, { lazyConnect: true, autoResubscribe: false, connectionName });
  publisher.on('error', onError);
  subscriber.on('error', onError);

  const channelOf = (topic: string) => prefix + topic;
  subscriber.on('message', (channel: string, text: string) => {
    if (channel.startsWith(prefix)) handlers.dispatch(channel.slice(prefix.length), text);
  });

  let readyOnce = false;
  subscriber.on('ready', () => {
    if (!readyOnce) {
      readyOnce = true;
      return;
    }
    const topics = handlers.topics();
    const renewed = topics.length ? subscriber.subscribe(...topics.map(channelOf)) : Promise.resolve();
    renewed.then(() => handlers.reconnected(), onError);
  });

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (err) {
    publisher.disconnect();
    subscriber.disconnect();
    throw err;
  }

  return {
    kind: 'redis',
    async publish(topic, payload) {
      checkTopic(topic);
      await publisher.publish(channelOf(topic), encodePayload(payload));
    },
    async subscribe(topic, handler) {
      checkTopic(topic);
      if (handlers.add(topic, handler)) await subscriber.subscribe(channelOf(topic));
      return async () => {
        if (handlers.remove(topic, handler)) await subscriber.unsubscribe(channelOf(topic)).catch(onError);
      };
    },
    onReconnect: (handler) => handlers.onReconnect(handler),
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
