import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Errors a client causes on its own socket: an oversized frame, a bad mask, invalid UTF-8 (ws codes WS_ERR_*),
 * or a connection it dropped. They are not our failures, so they are logged at warn and without a stack
 * (issue 13, finding 6: each one was logged at error with a full trace).
 */
export function isClientSocketError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('WS_ERR_') || ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code));
}

/** The `errorHandler` of @fastify/websocket. */
export function websocketErrorHandler(error: Error, socket: WebSocket, request: FastifyRequest): void {
  if (isClientSocketError(error)) {
    request.log.warn({ code: (error as { code?: string }).code, reason: error.message }, 'websocket closed after a client protocol error');
    // ws is already closing with the matching code (1009 too big, 1002 protocol, 1007 bad UTF-8): let that frame
    // out, then cut, instead of ws's 30 s wait for a close reply it no longer reads.
    if (socket.readyState === socket.OPEN) socket.terminate();
    else setTimeout(() => socket.terminate(), 1000).unref();
    return;
  }
  request.log.error({ err: error }, 'websocket failed');
  socket.terminate();
}
