import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { ServerFrame } from '../../server/src/chat/protocol';

/** Listens on a free port and returns the base URLs (some limits need real sockets and real addresses). */
export async function listen(app: FastifyInstance): Promise<{ http: string; ws: string; port: number }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}/api/chat/ws`, port };
}

/** A client socket that records every frame and how it closed. */
export interface Client {
  ws: WebSocket;
  got: ServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the frames received from now on until `until` matches one. */
  next(until: (f: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame[]>;
}

export function track(ws: WebSocket): Client {
  const got: ServerFrame[] = [];
  const waiters: { from: number; until: (f: ServerFrame) => boolean; resolve: (f: ServerFrame[]) => void }[] = [];
  ws.on('message', (raw) => {
    got.push(JSON.parse(raw.toString()) as ServerFrame);
    for (const w of [...waiters]) {
      if (w.until(got.at(-1)!)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(got.slice(w.from));
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return {
    ws,
    got,
    closed,
    next(until, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(got.slice(-5))}`)), timeoutMs);
        waiters.push({ from: got.length, until, resolve: (f) => (clearTimeout(timer), resolve(f)) });
      });
    },
  };
}

/** Opens a real client socket and waits until it is open (or closed straight away). */
export async function connect(url: string, options: WebSocket.ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(url, options);
  const client = track(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

/** Waits for a condition by polling (the outcome is asserted, never the time it took). */
export async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const ask = (message: string, extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'ask', message, tenant: 'genk', ...extra });
