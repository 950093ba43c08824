import { createMemoryChannel, type NotifyChannel } from './notify-channel';
import { createPostgresChannel } from './postgres-channel';
import { createRedisChannel } from './redis-channel';

export interface NotifyChannelOptions {
  databaseUrl?: string;
  redisUrl?: string;
  prefix?: string;
  onError?: (err: unknown) => void;
}

/**
 * Picks the channel for the deployment (issue 14): Redis pub/sub when REDIS_URL is set, else PostgreSQL's
 * LISTEN/NOTIFY when DATABASE_URL is set, else in-process (one instance, the embedded default).
 */
export async function createNotifyChannel(options: NotifyChannelOptions): Promise<NotifyChannel> {
  const { prefix, onError } = options;
  if (options.redisUrl) return createRedisChannel({ url: options.redisUrl, prefix, onError });
  if (options.databaseUrl) return createPostgresChannel({ connectionString: options.databaseUrl, prefix, onError });
  return createMemoryChannel({ onError });
}
