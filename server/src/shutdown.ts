import type { FastifyInstance } from 'fastify';

export interface ShutdownOutcome {
  /** True when the deadline passed and the remaining connections were cut. */
  forced: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Graceful close with a deadline (issue 13, finding 2: SIGTERM hung until the last client left, after a whole
 * WebSocket backlog). `app.close()` at once stops routing (new requests get 503, new sockets 1001); requests in
 * flight finish; each chat socket drops its queued asks (never answered, never recorded), finishes the one it is
 * answering and closes with 1001 (going away). Whatever is still open when the deadline passes is cut.
 */
export async function closeWithDeadline(app: FastifyInstance, deadlineMs: number): Promise<ShutdownOutcome> {
  let finished = false;
  const closed = app.close().then(() => {
    finished = true;
  });
  await Promise.race([closed, sleep(deadlineMs)]);
  if (finished) return { forced: false };

  app.log.warn({ deadlineMs }, 'shutdown deadline reached: cutting the connections still open');
  app.wsSessions.terminateAll();
  for (const client of app.websocketServer?.clients ?? []) client.terminate();
  // A connection may still arrive until the listener closes, so keep cutting until Fastify has closed (2 s at most).
  for (let i = 0; i < 40 && !finished; i++) {
    app.server.closeAllConnections();
    await Promise.race([closed, sleep(50)]);
  }
  return { forced: true };
}
