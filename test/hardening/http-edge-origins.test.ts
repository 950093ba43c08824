import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, signIn } from '../admin/admin-helpers';
import { buildTestApp } from '../helpers/test-app';

// Issue 13, finding 8: CORS from the municipalities' allow-lists (never `null`, never the console's routes),
// the same-origin shortcut only for PUBLIC_URL (or loopback without it), development origins out of the
// production overrides, and municipalities without an override embeddable by config and from the console.
// The fixture's genk allows https://www.genk.be; hasselt has no override.

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const preflight = (a: FastifyInstance, origin: string, url = '/api/chat') =>
  a.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
const ask = (a: FastifyInstance, tenant: string, headers: Record<string, string>) =>
  a.inject({ method: 'POST', url: '/api/chat', headers, payload: { message: 'hello', tenant } });

describe('CORS preflight', () => {
  it('allows an origin some municipality allows, with the methods and headers the widget uses', async () => {
    app = await buildTestApp();
    const res = await preflight(app, 'https://www.genk.be');
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://www.genk.be');
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/authorization/);
    expect(String(res.headers.vary)).toMatch(/origin/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('does not echo an unknown origin or `null`', async () => {
    app = await buildTestApp();
    for (const origin of ['https://evil.example', 'null', 'file://', 'https://www.genk.be.evil.example']) {
      const res = await preflight(app, origin);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(res.statusCode, origin).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('gives the console\'s routes no CORS at all, even for an allowed origin', async () => {
    app = await buildTestApp();
    const res = await preflight(app, 'https://www.genk.be', '/api/admin/settings?tenant=genk');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await app.inject({ method: 'GET', url: '/api/admin/me', headers: { origin: 'https://www.genk.be' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the real request through only for its own municipality', async () => {
    app = await buildTestApp({ rateLimitPerMinute: 0 });
    const ok = await ask(app, 'genk', { origin: 'https://www.genk.be' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://www.genk.be');
    const other = await ask(app, 'hasselt', { origin: 'https://www.genk.be' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden_origin');
  });
});

describe('the same-origin shortcut', () => {
  it('without PUBLIC_URL, holds for loopback hosts only (no DNS rebinding)', async () => {
    app = await buildTestApp();
    expect((await ask(app, 'hasselt', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).statusCode).toBe(200);
    expect((await ask(app, 'hasselt', { host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode).toBe(200);
    expect((await ask(app, 'hasselt', { host: '[::1]:3000', origin: 'http://[::1]:3000' })).statusCode).toBe(200);
    const rebound = await ask(app, 'hasselt', { host: 'attacker.example:3000', origin: 'http://attacker.example:3000' });
    expect(rebound.statusCode).toBe(403);
    expect((await ask(app, 'hasselt', { host: '127.0.0.1:3000', origin: 'http://localhost:3000' })).statusCode).toBe(403);
  });

  it('with PUBLIC_URL, holds for that origin only, whatever the Host says', async () => {
    app = await buildTestApp({ publicUrl: 'https://welcome.example.be' });
    expect((await ask(app, 'hasselt', { host: 'welcome.example.be', origin: 'https://welcome.example.be' })).statusCode).toBe(200);
    expect((await ask(app, 'hasselt', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).statusCode).toBe(403);
    expect((await ask(app, 'hasselt', { host: 'other.example', origin: 'https://other.example' })).statusCode).toBe(403);
  });
});

describe('configured origins', () => {
  it('keeps development origins out of the production overrides', () => {
    const dir = path.resolve(__dirname, '../../knowledge/tenants/overrides');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const origins: string[] = parse(fs.readFileSync(path.join(dir, f), 'utf8'))?.allowedOrigins ?? [];
      for (const o of origins) expect(o, f).not.toMatch(/^http:|\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/);
    }
  });

  it('DEV_ORIGINS lets a development page embed every municipality', async () => {
    app = await buildTestApp();
    expect((await ask(app, 'hasselt', { origin: 'http://localhost:8080' })).statusCode).toBe(403);
    await app.close();
    app = await buildTestApp({ devOrigins: 'http://localhost:8080' });
    expect((await ask(app, 'hasselt', { origin: 'http://localhost:8080' })).statusCode).toBe(200);
    expect((await preflight(app, 'http://localhost:8080')).headers['access-control-allow-origin']).toBe('http://localhost:8080');
  });

  it('TENANT_ORIGINS makes a municipality without an override embeddable, on its own sites only', async () => {
    app = await buildTestApp({ tenantOrigins: 'Hasselt=https://www.hasselt.be https://hasselt.be' });
    const ok = await ask(app, 'hasselt', { origin: 'https://hasselt.be' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://hasselt.be');
    expect((await preflight(app, 'https://www.hasselt.be')).headers['access-control-allow-origin']).toBe('https://www.hasselt.be');
    expect((await ask(app, 'genk', { origin: 'https://hasselt.be' })).statusCode).toBe(403);
  });

  it('refuses to start with TENANT_ORIGINS naming an unknown municipality', async () => {
    await expect(buildTestApp({ tenantOrigins: 'atlantis=https://atlantis.example' })).rejects.toThrow(/atlantis/);
  });

  it('an origin set in the console makes a municipality without an override embeddable at once', async () => {
    app = await buildTestApp();
    await addUser(app, 'clerk@hasselt.be', 'clerk', ['hasselt']);
    const clerk = await signIn(app, 'clerk@hasselt.be');
    expect((await ask(app, 'hasselt', { origin: 'https://www.hasselt.be' })).statusCode).toBe(403);
    expect((await preflight(app, 'https://www.hasselt.be')).headers['access-control-allow-origin']).toBeUndefined();
    const saved = await clerk.call('PUT', '/api/admin/settings?tenant=hasselt', { allowedOrigins: ['https://www.hasselt.be'] });
    expect(saved.statusCode).toBe(200);
    expect((await preflight(app, 'https://www.hasselt.be')).headers['access-control-allow-origin']).toBe('https://www.hasselt.be');
    const ok = await ask(app, 'hasselt', { origin: 'https://www.hasselt.be' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://www.hasselt.be');
    expect((await clerk.call('PUT', '/api/admin/settings?tenant=hasselt', { allowedOrigins: ['null'] })).statusCode).toBe(400);
  });
});
