import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../server/src/chat/protocol';
import { toAppError } from '../../server/src/errors';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';
import { buildTestApp } from '../helpers/test-app';

// Issue 13, build section 9: OpenAPI generated from the routes' zod schemas, with a UI at /docs.

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; maxLength?: number; minLength?: number; enum?: string[]; [k: string]: unknown };
type Doc = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, {
    tags?: string[];
    requestBody?: { content: Record<string, { schema: Schema }> };
    parameters?: { name: string; in: string; schema: Schema }[];
    responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  }>>;
};

let app: FastifyInstance;
let doc: Doc;
beforeAll(async () => {
  app = await buildTestApp({}, { knowledge: fixtureKnowledge() });
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
});
afterAll(async () => {
  await app.close();
});

describe('GET /docs/json', () => {
  it('is an OpenAPI 3 document about the API', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Welcome Desk API');
    expect(doc.info.description).toContain('docs/api.md');
  });

  it('documents POST /api/chat with the request body from the zod schema, message length included', () => {
    const body = doc.paths['/api/chat'].post.requestBody!.content['application/json'].schema;
    expect(body.type).toBe('object');
    expect(body.required).toContain('message');
    expect(body.properties!.message).toMatchObject({ type: 'string', minLength: 1, maxLength: MAX_MESSAGE_LENGTH });
    expect(Object.keys(body.properties!)).toEqual(expect.arrayContaining(['tenant', 'language', 'conversationId', 'clientMessageId']));
    expect(body.properties!.conversationId.pattern).toBeDefined();
  });

  it('documents the answer and the error shape of POST /api/chat', () => {
    const responses = doc.paths['/api/chat'].post.responses;
    const answer = responses['200'].content!['application/json'].schema;
    expect(answer.required).toEqual(expect.arrayContaining(['conversationId', 'messageId', 'answer', 'answered', 'topic', 'sources', 'actors']));
    expect(answer.properties!.topic.anyOf ?? answer.properties!.topic.enum).toBeDefined();
    const error = responses['413'].content!['application/json'].schema;
    expect(error.properties!.error.properties!.code.enum).toContain('message_too_long');
  });

  it('covers the public routes, health and the console, and leaves out pages and the docs themselves', () => {
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/chat', '/api/feedback', '/api/handover', '/api/conversations/{id}/replies', '/api/tenants/{slug}',
      '/health', '/health/ready', '/metrics', '/api/admin/handovers', '/api/admin/session',
    ]));
    for (const hidden of ['/', '/widget.js', '/admin', '/docs', '/docs/json', '/api/chat/ws']) expect(paths).not.toContain(hidden);
    expect(doc.paths['/api/feedback'].post.requestBody!.content['application/json'].schema.required).toEqual(['conversationId', 'messageId', 'helpful']);
    expect(doc.paths['/api/conversations/{id}/replies'].get.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:id', 'query:after']));
    expect(doc.paths['/api/admin/handovers'].get.tags).toEqual(['admin']);
    expect(doc.paths['/health/ready'].get.responses['503']).toBeDefined();
  });
});

describe('GET /docs', () => {
  it('serves the Swagger UI page', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
  });
});

describe('validation errors keep the catalogue shape', () => {
  it('the documentation-only schemas do not change what the routes answer', async () => {
    // The handler's own zod messages, as before the schemas were attached.
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 42 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_request', message: 'message: message must be a string' } });
    // Over 2000 characters stays a 413, although the document says maxLength.
    const long = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'a'.repeat(MAX_MESSAGE_LENGTH + 1) } });
    expect(long.statusCode).toBe(413);
    expect(long.json().error.code).toBe('message_too_long');
  });

  it('maps a Fastify schema validation error to invalid_request without echoing the value', () => {
    const error = Object.assign(new Error('body/message must be string'), {
      statusCode: 400, code: 'FST_ERR_VALIDATION', validationContext: 'body',
      validation: [{ instancePath: '/message', message: 'Invalid input: expected string, received number', params: { received: '<script>' } }],
    });
    const mapped = toAppError(error);
    expect(mapped.code).toBe('invalid_request');
    expect(mapped.message).toBe('message: Invalid input: expected string, received number');
    expect(mapped.message).not.toContain('<script>');
  });
});
