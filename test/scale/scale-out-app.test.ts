import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';
import { createTestSchema, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/services';
import { buildTestApp } from '../helpers/test-app';
import { loadConfig, type ConfigInput } from '../../server/src/config';

// Two apps built in one process stand for two instances behind one address (issue 14).

let apps: FastifyInstance[] = [];
let afterEachDrop: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
  for (const drop of afterEachDrop) await drop();
  afterEachDrop = [];
});

async function twoInstances(config: ConfigInput): Promise<[FastifyInstance, FastifyInstance]> {
  const knowledge = fixtureKnowledge();
  const [a, b] = await Promise.all([buildTestApp(config, { knowledge }), buildTestApp(config, { knowledge })]);
  apps.push(a, b);
  return [a, b];
}

// A visitor address of its own per test, so that counters left in a shared Redis by another run never count.
const visitor = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const ask = (app: FastifyInstance, remoteAddress: string) => app.inject({ method: 'GET', url: '/api/tenants/genk', remoteAddress });

describe('scale-out settings', () => {
  it('take a postgres:// DATABASE_URL and a redis:// REDIS_URL, and refuse other schemes', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/welcome', REDIS_URL: 'rediss://cache:6380' });
    expect([config.databaseUrl, config.redisUrl]).toEqual(['postgres://u:p@db:5432/welcome', 'rediss://cache:6380']);
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:p@db/welcome' })).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/);
  });
});

describe('rate limits across instances', () => {
  it.skipIf(!TEST_REDIS_URL)('with REDIS_URL, one visitor\'s limit is counted once over both instances', async () => {
    const [a, b] = await twoInstances({ rateLimitPerMinute: 3, redisUrl: TEST_REDIS_URL });
    const ip = visitor();
    const codes = [await ask(a, ip), await ask(b, ip), await ask(a, ip)].map((r) => r.statusCode);
    expect(codes).toEqual([200, 200, 200]);
    const over = await ask(b, ip);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    // Another visitor is not affected.
    expect((await ask(b, visitor())).statusCode).toBe(200);
  });

  it('without Redis, each instance keeps its own count (documented in docs/scale-out.md)', async () => {
    const [a, b] = await twoInstances({ rateLimitPerMinute: 2 });
    const ip = visitor();
    expect([await ask(a, ip), await ask(a, ip), await ask(b, ip), await ask(b, ip)].map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await ask(a, ip)).statusCode).toBe(429);
  });
});

describe('the notification channel of the app', () => {
  it('is in-process in the embedded mode', async () => {
    const a = await buildTestApp({}, { knowledge: fixtureKnowledge() });
    apps.push(a);
    expect(a.notify.kind).toBe('memory');
    expect(a.redis).toBeNull();
  });

  const shared = [
    { kind: 'postgres', config: { databaseUrl: TEST_DATABASE_URL }, enabled: !!TEST_DATABASE_URL },
    { kind: 'redis', config: { databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL }, enabled: !!TEST_REDIS_URL && !!TEST_DATABASE_URL },
  ];
  for (const { kind, config, enabled } of shared) it.skipIf(!enabled)(`goes through ${kind} between two instances`, async () => {
    // With DATABASE_URL the apps keep their tables in PostgreSQL: a schema of this test's own, dropped after.
    const schema = await createTestSchema();
    const [a, b] = await twoInstances({ ...config, databaseUrl: schema.url });
    afterEachDrop.push(schema.drop);
    expect([a.notify.kind, b.notify.kind]).toEqual([kind, kind]);
    // A topic of its own: other test files may use the same database or Redis at the same time.
    const topic = `test-${randomInt(1e9)}`;
    let resolve!: (payload: unknown) => void;
    const received = new Promise((r) => (resolve = r));
    await a.notify.subscribe(topic, resolve);
    await b.notify.publish(topic, { replyId: 42 });
    expect(await received).toEqual({ replyId: 42 });
  });
});
