import { Redis } from 'ioredis';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Redis (REDIS_URL) for rate-limit counters; null in the embedded mode. */
    redis: Redis | null;
  }
}

/**
 * Redis for scale-out (issue 14). Connected at start so that a wrong REDIS_URL fails the boot rather than the
 * first request. One retry per command and a short connect timeout: the rate limiter skips Redis when it is
 * down (skipOnError), and must not hold requests meanwhile.
 */
export default fp<{ url?: string }>(
  async (app, opts) => {
    if (!opts.url) {
      app.decorate('redis', null);
      return;
    }
    const redis = new Redis(opts.url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    redis.on('error', (err) => app.log.warn({ err }, 'Redis connection error'));
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      throw new Error(`REDIS_URL: cannot connect (${(err as Error).message})`);
    }
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: 'redis' },
);
