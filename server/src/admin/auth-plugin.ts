import cookie from '@fastify/cookie';
import Tokens from '@fastify/csrf';
import session from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { bearerToken } from '../conversations/conversation-token';
import { createSessionStore } from './session-store';
import { canActFor, type ApiKeyPrincipal, type User, type UserStore } from './user-store';

declare module 'fastify' {
  interface Session {
    userId?: number;
    /** The synchronizer-token secret of this session (CSRF). */
    csrfSecret?: string;
  }
  interface FastifyRequest {
    /** A signed-in clerk or maintainer, an API key for one municipality, or nobody. */
    principal: { kind: 'user'; user: User } | { kind: 'api-key'; key: ApiKeyPrincipal } | null;
  }
}

export interface AuthOptions {
  db: Db;
  users: UserStore;
  /** Derived from the app secret; signs the session cookie. */
  sessionSecret: string;
  sessionHours: number;
  /** The console's public origin (PUBLIC_URL); JSON calls from it need no CSRF token. */
  publicOrigin: string | null;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sign-in for the clerk's side (issue 12): sessions in an httpOnly, SameSite=Strict cookie (Secure behind
 * https), stored in the database; CSRF protection on every state-changing admin route; API keys per
 * municipality for automation.
 */
export default fp<AuthOptions>(async (app: FastifyInstance, opts) => {
  await app.register(cookie);
  await app.register(session, {
    secret: opts.sessionSecret,
    cookieName: 'wd_session',
    store: createSessionStore(opts.db),
    saveUninitialized: false,
    // Secure when the public address is https. (The plugin's 'auto' would also downgrade SameSite to Lax on
    // plain http; the console's cookie stays Strict everywhere.)
    cookie: { httpOnly: true, sameSite: 'strict', secure: opts.publicOrigin?.startsWith('https:') ?? false, path: '/', maxAge: opts.sessionHours * 3600 * 1000 },
  });

  app.decorateRequest('principal', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/admin')) return;
    const key = bearerToken(request.headers.authorization);
    if (key?.startsWith('wdk_')) {
      const principal = await opts.users.verifyApiKey(key);
      if (!principal) throw new AppError('unauthorized', 'This API key is not valid.');
      request.principal = { kind: 'api-key', key: principal };
      return; // no cookie, so no cross-site request can carry it: no CSRF check
    }
    const userId = request.session.get('userId');
    if (userId) {
      const user = await opts.users.get(userId);
      if (user) request.principal = { kind: 'user', user };
      else await request.session.destroy();
    }
    if (STATE_CHANGING.has(request.method) && request.principal?.kind === 'user' && !isSameOriginJson(request)) {
      const secret = request.session.get('csrfSecret');
      const token = (request.headers['x-csrf-token'] as string | undefined) ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
      if (!secret || typeof token !== 'string' || !CSRF_TOKENS.verify(secret, token)) throw new AppError('csrf_failed');
    }
  });
});

const CSRF_TOKENS = new Tokens({});

/** A CSRF token for the console's form posts (the secret is created with the session). */
export function csrfTokenFor(request: FastifyRequest): string {
  let secret = request.session.get('csrfSecret');
  if (!secret) {
    secret = CSRF_TOKENS.secretSync();
    request.session.set('csrfSecret', secret);
  }
  return CSRF_TOKENS.create(secret);
}

/**
 * A JSON call (or a call without a body) from the console's own origin: a browser never sends such a
 * request cross-site without a CORS preflight, which this server does not grant to other sites.
 */
export function isSameOriginJson(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || !!request.headers['transfer-encoding'];
  if (!origin || (hasBody && !(request.headers['content-type'] ?? '').startsWith('application/json'))) return false;
  // "Ours" as the origin policy says (issue 13): PUBLIC_URL, or a loopback page when it is not set; an Origin
  // that merely equals the Host header (DNS rebinding) is not enough.
  return request.server.originPolicy.isOwn(origin, request.headers.host);
}

/** The signed-in user, or 401. API keys are refused where a person must act. */
export function requireUser(request: FastifyRequest): User {
  if (request.principal?.kind === 'user') return request.principal.user;
  throw new AppError('unauthorized');
}

/** The municipalities this principal may see: a maintainer sees all. */
export function tenantsOf(request: FastifyRequest): string[] | 'all' {
  const p = request.principal;
  if (!p) throw new AppError('unauthorized');
  if (p.kind === 'api-key') return [p.key.tenant];
  return p.user.role === 'maintainer' ? 'all' : p.user.tenants;
}

/** 403 unless the principal acts for this municipality. */
export function requireTenant(request: FastifyRequest, tenant: string): void {
  const p = request.principal;
  if (!p) throw new AppError('unauthorized');
  const ok = p.kind === 'api-key' ? p.key.tenant === tenant : canActFor(p.user, tenant);
  if (!ok) throw new AppError('forbidden');
}
