import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatResult } from '../../server/src/chat/create-chat-service';
import type { ServerFrame } from '../../server/src/chat/protocol';
import type { ConfigInput } from '../../server/src/config';
import { buildTestApp } from '../helpers/test-app';
import { ask, connect, listen, track, until, type Client } from './ws-helpers';

// Issue 13, finding 1: one address flooded and stalled the server over WebSockets.
const CRISIS = 'my friend collapsed and is not breathing';
const isEnd = (f: ServerFrame) => f.type === 'done' || f.type === 'error';

let app: FastifyInstance | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await app?.close();
  app = undefined;
});

async function start(config: ConfigInput = {}, options = {}) {
  app = await buildTestApp(config, options);
  await app.ready();
  return app;
}

/** Makes chat.ask wait until released, so the queue can be filled deterministically. */
function gateAsks(target: FastifyInstance) {
  const real = target.chat.ask.bind(target.chat);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const spy = vi.spyOn(target.chat, 'ask').mockImplementation(async (...args) => {
    await gate;
    return real(...args);
  });
  return { spy, open };
}

describe('one ask budget per address', () => {
  it('is shared by POST /api/chat and every socket of that address; a crisis still goes through', async () => {
    const base = await listen(await start({ rateLimitPerMinute: 4 }));
    const a = await connect(base.ws);
    const b = await connect(base.ws);
    clients.push(a, b);
    const rest = () => fetch(`${base.http}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'hello', tenant: 'genk' }) });

    let end = a.next(isEnd);
    a.ws.send(ask('How do I register at the town hall?'));
    expect((await end).at(-1)).toMatchObject({ type: 'done' });
    end = b.next(isEnd);
    b.ws.send(ask('How do I register at the town hall?'));
    expect((await end).at(-1)).toMatchObject({ type: 'done' });
    expect((await rest()).status).toBe(200);
    expect((await rest()).status).toBe(200);

    // The budget of 4 is spent, whichever way the next question comes.
    const refused = await rest();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    end = a.next(isEnd);
    a.ws.send(ask('hello'));
    expect((await end).at(-1)).toMatchObject({ type: 'error', code: 'rate_limited' });
    const c = await connect(base.ws);
    clients.push(c);
    end = c.next(isEnd);
    c.ws.send(ask('hello'));
    expect((await end).at(-1)).toMatchObject({ type: 'error', code: 'rate_limited' });

    end = b.next(isEnd);
    b.ws.send(ask(CRISIS));
    expect((await end).at(-1)).toMatchObject({ type: 'done', crisis: { category: 'medical' } });
  });
});

describe('sockets per address', () => {
  it('refuses the socket beyond WS_MAX_SOCKETS_PER_IP with rate_limited and close code 1008', async () => {
    const base = await listen(await start({ wsMaxSocketsPerIp: 2 }));
    const first = await connect(base.ws);
    clients.push(first, await connect(base.ws));
    const extra = await connect(base.ws);
    clients.push(extra);
    expect((await extra.closed).code).toBe(1008);
    expect(extra.got).toEqual([expect.objectContaining({ type: 'error', code: 'rate_limited' })]);
    expect(app!.wsSessions.count()).toBe(2);

    // A freed place can be taken again.
    first.ws.close();
    await first.closed;
    await until(() => app!.wsSessions.count() === 1);
    const again = await connect(base.ws);
    clients.push(again);
    const end = again.next(isEnd);
    again.ws.send(ask('hello'));
    expect((await end).at(-1)).toMatchObject({ type: 'done' });
  });
});

describe('a bounded queue per socket', () => {
  it('refuses asks beyond WS_QUEUE_SIZE at once, lets a crisis jump the line, and answers the rest in order', async () => {
    const target = await start({ wsQueueSize: 3 });
    const { spy, open } = gateAsks(target);
    const ws = await target.injectWS('/api/chat/ws');
    const client = track(ws);
    clients.push(client);

    for (let i = 0; i < 8; i++) ws.send(ask(`How do I register at the town hall? ${i}`));
    // Nothing can be answered while the gate is shut, so exactly 3 wait and 5 are refused.
    await until(() => client.got.length === 5);
    expect(client.got.every((f) => f.type === 'error' && f.code === 'rate_limited')).toBe(true);

    // A person in danger is never refused, not even by a full queue.
    ws.send(ask(CRISIS));
    const dones = client.next(() => client.got.filter((f) => f.type === 'done').length === 4);
    open();
    await dones;
    const answered = client.got.filter((f): f is Extract<ServerFrame, { type: 'done' }> => f.type === 'done');
    expect(answered.map((d) => !!d.crisis)).toEqual([false, true, false, false]);
    expect(spy).toHaveBeenCalledTimes(4);
    expect(client.got.filter((f) => f.type === 'error')).toHaveLength(5);
  });

  it('yields to the event loop between two queued asks', async () => {
    const target = await start();
    const sample = await target.chat.ask({ message: 'How do I register at the town hall?', tenant: 'genk' });
    const order: string[] = [];
    vi.spyOn(target.chat, 'ask').mockImplementation(async () => {
      // Scheduled at the first ask: without a yield the queued asks all run before it (finding 1: /health took 5 s).
      if (order.length === 0) setImmediate(() => order.push('other work'));
      order.push('ask');
      return { ...sample } as ChatResult;
    });
    const ws = await target.injectWS('/api/chat/ws');
    const client = track(ws);
    clients.push(client);
    const dones = client.next(() => client.got.filter((f) => f.type === 'done').length === 3);
    for (let i = 0; i < 3; i++) ws.send(ask(`question ${i}`));
    await dones;
    expect(order.indexOf('other work')).toBeGreaterThan(0);
    expect(order.indexOf('other work')).toBeLessThan(order.lastIndexOf('ask'));
  });
});

describe('backpressure', () => {
  it('stops reading a socket whose client does not read, so its send buffer stays bounded, and resumes after', async () => {
    const limit = 64 * 1024;
    const target = await start({ wsMaxBufferBytes: limit });
    const ws = await target.injectWS('/api/chat/ws');
    const client = track(ws);
    clients.push(client);
    const server = [...target.websocketServer.clients][0];
    // The client stops reading its side (finding 1: the server buffered 160 MB for such a client).
    const clientSide = (ws as unknown as { _socket: PassThrough })._socket;
    clientSide.pause();

    const flood = 3000;
    for (let i = 0; i < flood; i++) ws.send(ask(`How do I register at the town hall? ${i}`));
    await until(() => server.isPaused);
    // Whatever was already on its way is handled, then nothing more is read or written.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    const buffered = server.bufferedAmount;
    expect(buffered).toBeGreaterThan(limit);
    // 3000 refusals alone would be about 300 KB; the overshoot is at most the frames of the ask being answered.
    expect(buffered).toBeLessThan(limit + 32 * 1024);

    const all = client.next(() => client.got.filter(isEnd).length === flood, 120_000);
    clientSide.resume();
    await all;
    expect(server.isPaused).toBe(false);
    const end = client.next(isEnd);
    ws.send(ask('hello'));
    expect((await end).at(-1)).toMatchObject({ type: 'done' });
  }, 150_000);
});

describe('heartbeat', () => {
  it('cuts a socket that answers no ping, and keeps one that does', async () => {
    const base = await listen(await start({ wsIdleSeconds: 0.3 }));
    const silent = await connect(base.ws, { autoPong: false });
    const alive = await connect(base.ws);
    clients.push(silent, alive);
    expect((await silent.closed).code).toBe(1006);
    // By then the live one has answered at least two pings.
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    const end = alive.next(isEnd);
    alive.ws.send(ask('hello'));
    expect((await end).at(-1)).toMatchObject({ type: 'done' });
  });
});

describe('client protocol errors', () => {
  it('logs an oversized frame at warn, without a stack trace, and closes with 1009', async () => {
    const lines: { level: number; msg?: string; err?: unknown; stack?: unknown }[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    const target = await start({ logLevel: 'info' }, { logStream });
    const ws = await target.injectWS('/api/chat/ws');
    const client = track(ws);
    clients.push(client);
    ws.send(JSON.stringify({ type: 'ask', message: 'x'.repeat(70 * 1024) }));
    expect((await client.closed).code).toBe(1009);
    await until(() => lines.some((l) => l.level === 40 && /protocol error/.test(l.msg ?? '')));
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"|\bat .*\(.*:\d+:\d+\)/);
  });
});
