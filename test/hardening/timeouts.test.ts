import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../server/src/config';
import { buildTestApp } from '../helpers/test-app';
import { listen } from './ws-helpers';

// Issue 13, finding 2: a request whose body never finished was held forever.
let app: FastifyInstance | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await app?.close();
  app = undefined;
});

async function rawClient(config: ConfigInput) {
  app = await buildTestApp(config);
  const { port } = await listen(app);
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, closed, received: () => received };
}

const HEAD = 'POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';

describe('HTTP timeouts', () => {
  it('sets the configured deadlines on the server (defaults shown)', async () => {
    app = await buildTestApp();
    expect(app.server.requestTimeout).toBe(15_000);
    expect(app.server.timeout).toBe(30_000);
    expect(app.server.keepAliveTimeout).toBe(5_000);
    expect(app.server.headersTimeout).toBeLessThanOrEqual(15_000);
  });

  it('answers 408 and closes a request whose body never finishes, even if it trickles (REQUEST_TIMEOUT_MS)', async () => {
    // The idle timeout is long here: only the whole-request deadline can end this.
    const client = await rawClient({ requestTimeoutMs: 500, connectionTimeoutMs: 60_000 });
    client.socket.write(HEAD + '{"message"');
    let sent = 10;
    const trickle = setInterval(() => {
      if (sent < 99 && !client.socket.destroyed) {
        client.socket.write(' ');
        sent++;
      }
    }, 100);
    try {
      await client.closed;
    } finally {
      clearInterval(trickle);
    }
    expect(sent).toBeLessThan(99);
    const response = client.received();
    if (response) expect(response).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection that goes silent in the middle of a request (CONNECTION_TIMEOUT_MS)', async () => {
    const client = await rawClient({ requestTimeoutMs: 60_000, connectionTimeoutMs: 300 });
    client.socket.write(HEAD + '{"message"');
    await client.closed;
    expect(client.received()).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes an idle kept-alive connection after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const client = await rawClient({ keepAliveTimeoutMs: 200 });
    client.socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(client.received()).toMatch(/keep-alive/i);
  });
});
