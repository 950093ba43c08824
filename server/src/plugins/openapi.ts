import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifySchemaCompiler } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import pkg from '../../../package.json' with { type: 'json' };

type Transform = typeof jsonSchemaTransform;

// Only the HTTP API is documented: the demo pages, the widget script and the console page are not an API.
const DOCUMENTED = /^\/(api\/|health|metrics)/;

/** Hides what is not API (and the WebSocket upgrade, described in prose), converts zod schemas to JSON Schema. */
const transform: Transform = (input) => {
  if (!DOCUMENTED.test(input.url) || input.url === '/api/chat/ws') return { schema: { ...input.schema, hide: true }, url: input.url };
  // The console's routes share one tag and one way in, said once here rather than on each route.
  if (input.url.startsWith('/api/admin/')) input = { ...input, schema: { tags: ['admin'], security: [{ session: [] }, { apiKey: [] }], ...input.schema } };
  return jsonSchemaTransform(input);
};

/**
 * Route schemas are zod schemas that feed the OpenAPI document only. The handlers parse their input with the
 * same schema objects (safeParse), which keeps the documented error messages and their order of checks (a
 * message over 2000 characters is a 413 `message_too_long`, not a 400), so the docs cannot drift from the code.
 * A route that wants Fastify to validate can set `validatorCompiler` from fastify-type-provider-zod; its errors
 * still come out as `invalid_request` (errors.ts reads `error.validation`).
 */
const documentationOnlyValidator: FastifySchemaCompiler<unknown> = () => (value) => ({ value });
const documentationOnlySerializer = () => (data: unknown) => JSON.stringify(data);

const WEBSOCKET_PROSE = [
  'Welcome Desk answers newcomers\' questions about living in Belgium, for the municipality that embeds it.',
  '',
  'Every error has the shape `{"error": {"code", "message"}}`. Cross-origin calls are accepted only from the',
  'origins a municipality allows. The WebSocket protocol (`GET /api/chat/ws`: `ask` and `subscribe` frames in,',
  '`start`, `delta`, `done`, `reply`, `handover` and `error` frames out) and the rules behind each field are',
  'described in docs/api.md in the repository; this page is generated from the zod schemas the routes parse with.',
].join('\n');

/** OpenAPI 3 from the routes' zod schemas (fastify-type-provider-zod + @fastify/swagger), UI at /docs (issue 13). */
export default fp<{ publicUrl?: string }>(
  async (app, opts) => {
    app.setValidatorCompiler(documentationOnlyValidator);
    app.setSerializerCompiler(documentationOnlySerializer);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Welcome Desk API', version: pkg.version, description: WEBSOCKET_PROSE },
        tags: [
          { name: 'chat', description: 'Questions and answers (REST; the WebSocket is described in docs/api.md)' },
          { name: 'conversations', description: 'Feedback, handover to a person, clerk replies' },
          { name: 'tenants', description: 'Municipalities' },
          { name: 'admin', description: 'The clerks\' console (session cookie + CSRF token, or an API key)' },
          { name: 'operations', description: 'Health, readiness and metrics' },
        ],
        components: {
          securitySchemes: {
            conversationToken: { type: 'http', scheme: 'bearer', description: 'The `conversationToken` of the conversation\'s first answer.' },
            session: { type: 'apiKey', in: 'cookie', name: 'wd_session', description: 'The console\'s session (POST /api/admin/session); writes also need the X-CSRF-Token header.' },
            apiKey: { type: 'http', scheme: 'bearer', description: 'A maintainer\'s API key (npm run users:api-key).' },
          },
        },
      },
      transform,
    });
    const https = opts.publicUrl?.startsWith('https:') ?? false;
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      // No call to the public validator service (the default path makes no network call).
      uiConfig: { validatorUrl: null },
      staticCSP: true,
      // Swagger UI sets a few inline style attributes; on plain http (a laptop) upgrading requests breaks the page.
      transformStaticCSP: (header) => {
        let csp = header.replace(/ validator\.swagger\.io/, '') + " style-src-attr 'unsafe-inline';";
        if (!https) csp = csp.replace(/\s*upgrade-insecure-requests;?/, '');
        return csp;
      },
    });
  },
  { name: 'openapi' },
);
