import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryChannel, MAX_PAYLOAD_BYTES, type NotifyChannel } from '../../server/src/scale/notify-channel';
import { createPostgresChannel } from '../../server/src/scale/postgres-channel';
import { createRedisChannel } from '../../server/src/scale/redis-channel';
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from '../helpers/services';

// Two channel instances stand for two servers: what one publishes, the other receives (issue 14).
interface Engine {
  name: string;
  enabled: boolean;
  /** Makes a pair of connected channels and a way to cut the second one's listening connection. */
  pair(): Promise<{ a: NotifyChannel; b: NotifyChannel; cutB(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'memory',
    enabled: true,
    async pair() {
      const emitter = new EventEmitter();
      return { a: createMemoryChannel({ emitter }), b: createMemoryChannel({ emitter }), cutB: async () => {} };
    },
  },
  {
    name: 'postgres',
    enabled: !!TEST_DATABASE_URL,
    async pair() {
      const prefix = `${uniqueName('t')}.`;
      const nameB = uniqueName('listen');
      const [a, b] = await Promise.all([
        createPostgresChannel({ connectionString: TEST_DATABASE_URL!, prefix, reconnectDelayMs: 20 }),
        createPostgresChannel({ connectionString: TEST_DATABASE_URL!, prefix, reconnectDelayMs: 20, applicationName: nameB }),
      ]);
      return {
        a, b,
        // Ends b's listening session from the server side, as a database restart or a network cut would.
        async cutB() {
          const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await admin.connect();
          const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1', [nameB]);
          await admin.end();
          expect(rows).toEqual([{ done: true }]);
        },
      };
    },
  },
  {
    name: 'redis',
    enabled: !!TEST_REDIS_URL,
    async pair() {
      const prefix = `${uniqueName('t')}.`;
      const nameB = uniqueName('sub');
      const [a, b] = await Promise.all([
        createRedisChannel({ url: TEST_REDIS_URL!, prefix }),
        createRedisChannel({ url: TEST_REDIS_URL!, prefix, connectionName: nameB }),
      ]);
      return {
        a, b,
        async cutB() {
          const admin = new Redis(TEST_REDIS_URL!);
          const list = (await admin.call('CLIENT', 'LIST')) as string;
          const id = list.split('\n').find((line) => line.includes(` name=${nameB} `))?.match(/^id=(\d+)/)?.[1];
          expect(id).toBeDefined();
          await admin.call('CLIENT', 'KILL', 'ID', id!);
          await admin.quit();
        },
      };
    },
  },
];

/** Collects what a topic receives; next() resolves with the next message, already arrived or not. */
async function inbox(channel: NotifyChannel, topic: string) {
  const received: unknown[] = [];
  const waiting: ((p: unknown) => void)[] = [];
  let read = 0;
  const unsubscribe = await channel.subscribe(topic, (payload) => {
    received.push(payload);
    waiting.shift()?.(payload);
  });
  return {
    received,
    unsubscribe,
    next(): Promise<unknown> {
      const index = read++;
      return index < received.length ? Promise.resolve(received[index]) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

describe.each(engines)('notification channel: $name', (engine) => {
  let open: NotifyChannel[] = [];
  afterEach(async () => {
    await Promise.all(open.map((c) => c.close()));
    open = [];
  });
  const pair = async () => {
    const p = await engine.pair();
    open.push(p.a, p.b);
    return p;
  };

  it.skipIf(!engine.enabled)('delivers what one instance publishes to every instance, the publisher included', async () => {
    const { a, b } = await pair();
    const onA = await inbox(a, 'handover-reply');
    const onB = await inbox(b, 'handover-reply');
    await b.publish('handover-reply', { conversationId: 'c-1', replyId: 7 });
    expect(await onA.next()).toEqual({ conversationId: 'c-1', replyId: 7 });
    expect(await onB.next()).toEqual({ conversationId: 'c-1', replyId: 7 });
  });

  it.skipIf(!engine.enabled)('keeps topics apart and order within a topic, and stops after unsubscribe', async () => {
    const { a, b } = await pair();
    const replies = await inbox(a, 'handover-reply');
    const actors = await inbox(a, 'actor-edit');
    await b.publish('actor-edit', { id: 'org-1' });
    await b.publish('actor-edit', { id: 'org-2' });
    expect(await actors.next()).toEqual({ id: 'org-1' });
    expect(await actors.next()).toEqual({ id: 'org-2' });
    await actors.unsubscribe();
    await b.publish('actor-edit', { id: 'org-3' });
    // Published after org-3 on the same connection, so it arrives after org-3 would have.
    await b.publish('handover-reply', { replyId: 1 });
    expect(await replies.next()).toEqual({ replyId: 1 });
    expect(actors.received).toEqual([{ id: 'org-1' }, { id: 'org-2' }]);
    expect(replies.received).toEqual([{ replyId: 1 }]);
  });

  it.skipIf(!engine.enabled)('refuses payloads too large for NOTIFY and malformed topics, on every engine', async () => {
    const { a } = await pair();
    await expect(a.publish('big', { text: 'x'.repeat(MAX_PAYLOAD_BYTES) })).rejects.toThrow(/ids/);
    await expect(a.publish('Not A Topic', {})).rejects.toThrow(/topic/);
  });

  it.skipIf(!engine.enabled || engine.name === 'memory')('listens again after its connection is cut, then reports the reconnection', async () => {
    const { a, b, cutB } = await pair();
    const onB = await inbox(b, 'handover-reply');
    const reconnected = new Promise<void>((resolve) => b.onReconnect(resolve));
    await cutB();
    await reconnected;
    await a.publish('handover-reply', { replyId: 2 });
    expect(await onB.next()).toEqual({ replyId: 2 });
  });
});
