import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../server/src/chat/protocol';
import { closeWithDeadline } from '../../server/src/shutdown';
import { buildTestApp } from '../helpers/test-app';
import { ask, connect, listen, until, type Client } from './ws-helpers';

// Issue 13, finding 2: SIGTERM hung until the last client left, after a whole WebSocket backlog.
let app: FastifyInstance | undefined;
const clients: Client[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const s of sockets.splice(0)) s.destroy();
  if (app && !app.server.listening) app = undefined;
  await app?.close();
  app = undefined;
});

describe('closeWithDeadline', () => {
  it('finishes the ask in flight, drops the queued ones and closes the socket with 1001', async () => {
    app = await buildTestApp();
    const base = await listen(app);
    const real = app.chat.ask.bind(app.chat);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const spy = vi.spyOn(app.chat, 'ask').mockImplementation(async (...args) => {
      await gate;
      return real(...args);
    });
    const client = await connect(base.ws);
    clients.push(client);
    for (let i = 0; i < 3; i++) client.ws.send(ask(`How do I register at the town hall? ${i}`));
    await until(() => spy.mock.calls.length === 1);

    const closing = closeWithDeadline(app, 20_000);
    await until(() => app!.wsSessions.closing);
    open();
    expect(await closing).toEqual({ forced: false });
    const { code } = await client.closed;
    expect(code).toBe(1001);
    // The answer in flight was delivered; the two queued asks were never answered, nor recorded (chat.ask records).
    expect(client.got.filter((f: ServerFrame) => f.type === 'done')).toHaveLength(1);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('cuts a silent WebSocket and a request whose body never ends once the deadline passes', async () => {
    // Long timeouts: only the shutdown deadline can end these two.
    app = await buildTestApp({ requestTimeoutMs: 120_000, connectionTimeoutMs: 120_000, wsIdleSeconds: 120 });
    const base = await listen(app);
    const silent = await connect(base.ws);
    clients.push(silent);
    // It stops reading: it will never answer the close frame.
    (silent.ws as unknown as { _socket: net.Socket })._socket.pause();

    const accepted = new Promise((resolve) => app!.server.once('connection', resolve));
    const hanging = net.connect(base.port, '127.0.0.1');
    sockets.push(hanging);
    hanging.resume();
    const hangingClosed = new Promise<void>((resolve) => hanging.on('close', () => resolve()));
    hanging.write('POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"message"');
    await accepted;
    await until(() => app!.wsSessions.count() === 1);

    expect(await closeWithDeadline(app, 300)).toEqual({ forced: true });
    await hangingClosed;
    expect(app.wsSessions.count()).toBe(0);
    expect(app.server.listening).toBe(false);
    // Reading again, the client sees its connection is gone.
    (silent.ws as unknown as { _socket: net.Socket })._socket.resume();
    await silent.closed;
  }, 20_000);

  it('closes at once when nothing is open', async () => {
    app = await buildTestApp();
    await listen(app);
    expect(await closeWithDeadline(app, 5_000)).toEqual({ forced: false });
  });
});
