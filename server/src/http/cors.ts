import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

// Cross-origin calls to the public API (issue 13, finding 8), through @fastify/cors, which replaced a hand-written
// preflight that echoed any Origin back, `null` included.
// - Only /api/*, and never /api/admin/*: the console is same-origin only.
// - A preflight carries no body, so it cannot know the municipality: an origin passes if ANY municipality (or
//   DEV_ORIGINS, or our own origin) allows it. The real request is then checked against its own municipality
//   (enforceOrigin in server/src/tenants/origin-policy.ts), and answers 403 forbidden_origin otherwise.
// - No credentials: the widget authenticates a conversation with its bearer token, not with cookies.

const PUBLIC_API = /^\/api\/(?!admin(?:\/|\?|$))/;

export default fp(
  async (app) => {
    const allowed = (request: FastifyRequest) => {
      const origin = request.headers.origin;
      return !!origin && PUBLIC_API.test(request.url) && app.originPolicy.allowsAny(origin, request.headers.host);
    };
    await app.register(cors, {
      // Per request: `origin: false` turns CORS off (no headers; a preflight then falls through to a 404).
      delegator: (request, callback) => {
        callback(null, {
          origin: allowed(request),
          methods: ['GET', 'POST', 'OPTIONS'],
          allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
          exposedHeaders: ['x-request-id', 'retry-after'],
          maxAge: 600,
          // A preflight without Access-Control-Request-Method would get a text/plain 400; treat it as any other.
          strictPreflight: false,
        });
      },
    });
  },
  { name: 'cors', dependencies: ['knowledge'] },
);
