import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's or client's id is kept so one request can be followed across services, but only when it is
// short and plain: it goes into every log line and back out in a header (issue 13).
const SANE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Fastify's `genReqId`: the incoming X-Request-Id when sane, otherwise a fresh UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Echoes the id on every response (errors included: the hook runs first), so a report can quote it. */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-id' },
);
