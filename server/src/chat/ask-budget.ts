import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type BudgetDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * How many questions one client address may ask per minute, shared by POST /api/chat and all of that
 * address's WebSockets (issue 13, finding 1: a per-socket budget was multiplied by opening more sockets).
 * Asynchronous on purpose: with several instances (issue 14) the same interface can sit on Redis
 * (rate-limiter-flexible's RateLimiterRedis takes the same options).
 */
export interface AskBudget {
  take(key: string): Promise<BudgetDecision>;
}

/** `perMinute` 0 means no budget (load tests). In memory: one instance only. */
export function createAskBudget({ perMinute }: { perMinute: number }): AskBudget {
  if (perMinute <= 0) return { take: async () => ({ ok: true }) };
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'ask' });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterMs: error.msBeforeNext };
        throw error;
      }
    },
  };
}
