import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserStore } from '../../server/src/admin/user-store';
import { buildTestApp } from '../helpers/test-app';
import { addUser, PASSWORD, signIn } from './admin-helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ signInPerMinute: 5 });
  await addUser(app, 'clerk@genk.be', 'clerk', ['genk']);
});
afterAll(async () => app?.close());

describe('signing in to the console', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and tells who is signed in', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: 'Clerk@Genk.be', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: 'clerk@genk.be', role: 'clerk', tenants: ['genk'] });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^wd_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: cookie.split(';')[0] } });
    expect(me.json().user.email).toBe('clerk@genk.be');
  });

  it('marks the cookie Secure when the public address is https', async () => {
    const secure = await buildTestApp({ publicUrl: 'https://welcome.example.be', trustProxy: true });
    try {
      await addUser(secure, 'c@x.be', 'clerk', ['genk']);
      // Behind the TLS-terminating proxy (TRUST_PROXY): the request reaches us as http with X-Forwarded-Proto.
      const r = await secure.inject({ method: 'POST', url: '/api/admin/session', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'c@x.be', password: PASSWORD } });
      expect(r.statusCode).toBe(200);
      expect(String(r.headers['set-cookie'])).toMatch(/; Secure/i);
      expect(String(r.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password or an unknown e-mail the same way, without a stack trace', async () => {
    for (const payload of [{ email: 'clerk@genk.be', password: 'nope' }, { email: 'nobody@genk.be', password: PASSWORD }]) {
      const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload, remoteAddress: '10.1.1.1' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    }
  });

  it('limits sign-in attempts per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: 'clerk@genk.be', password: 'wrong' }, remoteAddress: '10.9.9.9' })).statusCode);
    }
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('signs out: the session no longer works', async () => {
    const clerk = await signIn(app, 'clerk@genk.be');
    expect((await clerk.call('GET', '/api/admin/session')).statusCode).toBe(200);
    expect((await clerk.call('DELETE', '/api/admin/session')).statusCode).toBe(204);
    expect((await clerk.call('GET', '/api/admin/session')).statusCode).toBe(401);
  });

  it('needs a signed-in user for every admin route', async () => {
    for (const url of ['/api/admin/handovers', '/api/admin/actors?tenant=genk', '/api/admin/questions/unanswered', '/api/admin/stats', '/api/admin/feedback', '/api/admin/audit', '/api/admin/settings?tenant=genk']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthorized');
    }
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing call that carries the cookie but neither the same origin nor the token', async () => {
    const clerk = await signIn(app, 'clerk@genk.be');
    const forged = await app.inject({ method: 'PUT', url: '/api/admin/settings?tenant=genk', headers: { cookie: clerk.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'allowedOrigins=https://evil.example' });
    expect([400, 403, 415]).toContain(forged.statusCode);
    expect((await clerk.call('GET', '/api/admin/settings?tenant=genk')).json().allowedOrigins).not.toContain('https://evil.example');
    const crossSite = await app.inject({ method: 'PUT', url: '/api/admin/settings?tenant=genk', headers: { cookie: clerk.cookie, host: 'localhost', origin: 'https://evil.example', 'content-type': 'application/json' }, payload: { allowedOrigins: ['https://evil.example'] } });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('csrf_failed');
    // An Origin that merely equals the Host header is not ours without PUBLIC_URL (DNS rebinding), loopback aside.
    const rebound = await app.inject({ method: 'PUT', url: '/api/admin/settings?tenant=genk', headers: { cookie: clerk.cookie, host: 'attacker.example', origin: 'http://attacker.example', 'content-type': 'application/json' }, payload: { allowedOrigins: ['https://evil.example'] } });
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json().error.code).toBe('csrf_failed');
  });

  it('accepts the console\'s own JSON calls, and form posts with the token', async () => {
    const clerk = await signIn(app, 'clerk@genk.be');
    expect((await clerk.call('PUT', '/api/admin/settings?tenant=genk', { allowedOrigins: ['https://www.genk.be'] })).statusCode).toBe(200);
    const withToken = await app.inject({ method: 'PUT', url: '/api/admin/settings?tenant=genk', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' }, payload: { allowedOrigins: ['https://www.genk.be', 'https://genk.example'] } });
    expect(withToken.statusCode).toBe(200);
    const badToken = await app.inject({ method: 'PUT', url: '/api/admin/settings?tenant=genk', headers: { cookie: clerk.cookie, 'x-csrf-token': 'forged', 'content-type': 'application/json' }, payload: { allowedOrigins: [] } });
    expect(badToken.statusCode).toBe(403);
  });
});

describe('API keys', () => {
  it('act for their one municipality only, without cookies or CSRF tokens', async () => {
    const { key } = await createUserStore(app.database.db).createApiKey('genk', 'test', null);
    const auth = { authorization: `Bearer ${key}` };
    expect((await app.inject({ method: 'GET', url: '/api/admin/actors?tenant=genk', headers: auth })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/admin/actors?tenant=liege', headers: auth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/admin/actors?tenant=genk', headers: { authorization: `${auth.authorization}x` } })).statusCode).toBe(401);
    const row = app.db.prepare('SELECT secret_hash FROM api_keys').get() as { secret_hash: string };
    expect(key).not.toContain(row.secret_hash);
  });
});
