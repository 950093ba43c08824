import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app';

// Issue 13, finding 9: behind a reverse proxy every request comes from the proxy's address. With TRUST_PROXY
// the visitor's address is read from X-Forwarded-For, so each visitor gets a rate-limit bucket of their own.

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Both visitors reach the app through the same proxy (inject's remote address is 127.0.0.1).
const visit = (a: FastifyInstance, visitor: string) =>
  a.inject({ method: 'GET', url: '/api/tenants/genk', headers: { 'x-forwarded-for': visitor } });

async function statuses(a: FastifyInstance): Promise<{ first: number[]; second: number[] }> {
  const first = [await visit(a, '198.51.100.7'), await visit(a, '198.51.100.7')].map((r) => r.statusCode);
  const second = [await visit(a, '203.0.113.9'), await visit(a, '203.0.113.9')].map((r) => r.statusCode);
  return { first, second };
}

describe('trustProxy and rate limits', () => {
  it('with TRUST_PROXY=1, two visitors with different X-Forwarded-For get separate buckets', async () => {
    app = await buildTestApp({ rateLimitPerMinute: 2, trustProxy: '1' });
    expect(await statuses(app)).toEqual({ first: [200, 200], second: [200, 200] });
    const over = await visit(app, '198.51.100.7');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
  });

  it('without it, they share the proxy\'s bucket', async () => {
    app = await buildTestApp({ rateLimitPerMinute: 2 });
    expect(await statuses(app)).toEqual({ first: [200, 200], second: [429, 429] });
  });
});
