import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app';
import { listen, rawRequest } from './raw-http';

// Issue 13, finding 6: errors raised before a route runs come back as {error:{code,message}} and never echo
// what the client sent. Node's HTTP parser errors (431, malformed requests) never reach inject(), so these
// tests talk raw HTTP to a listening app.

let app: FastifyInstance;
let port: number;
const MARK = 'ECHOMARK';

beforeAll(async () => {
  app = await buildTestApp();
  port = await listen(app);
});
afterAll(async () => app.close());

const get = (target: string, extra = '') => rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`);

function expectCatalogued(res: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(res.body).not.toContain(MARK);
}

describe('errors before routing', () => {
  it('answers an unknown address with not_found, without repeating the method or the URL', async () => {
    const res = await get(`/no-such-page-${MARK}?q=${MARK}`);
    expectCatalogued(res, 404, 'not_found');
    expect(res.body).not.toContain('GET');
    const api = await app.inject({ method: 'DELETE', url: `/api/${MARK}` });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(api.body).not.toContain(MARK);
  });

  it('answers a URL that cannot be decoded with bad_url (400)', async () => {
    expectCatalogued(await get(`/demo/${MARK}%`), 400, 'bad_url');
    expectCatalogued(await get(`/${MARK}/%zz`), 400, 'bad_url');
  });

  it('answers a path parameter over the length limit with uri_too_long (414)', async () => {
    expectCatalogued(await get(`/demo/${MARK}${'x'.repeat(300)}`), 414, 'uri_too_long');
  });

  it('answers a request line beyond Node\'s header limit with uri_too_long (414)', async () => {
    expectCatalogued(await get(`/api/${MARK}${'a'.repeat(20_000)}`), 414, 'uri_too_long');
  });

  it('answers oversized headers with headers_too_large (431)', async () => {
    expectCatalogued(await get('/health', `X-Big: ${MARK}${'b'.repeat(20_000)}\r\n`), 431, 'headers_too_large');
  });

  it('answers a request Node cannot parse with bad_request (400)', async () => {
    expectCatalogued(await rawRequest(port, `${MARK} / HTTP/1.1\r\nHost: x\r\n\r\n`), 400, 'bad_request');
    expectCatalogued(await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\nContent-Length: ${MARK}\r\n\r\n`), 400, 'bad_request');
  });

  it('keeps serving after those errors', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).status).toBe('ok');
  });
});
