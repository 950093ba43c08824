import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUserStore } from '../../server/src/admin/user-store';

export const PASSWORD = 'correct horse battery';

/** Adds a user straight into the app's database, SQLite or PostgreSQL (what `npm run users:add` does). */
export async function addUser(app: FastifyInstance, email: string, role: 'clerk' | 'maintainer', tenants: string[]) {
  return createUserStore(app.database.db).create({ email, password: PASSWORD, role, tenants });
}

export interface Clerk {
  cookie: string;
  csrf: string;
  /** A console call: JSON, with the session cookie and the same-origin Origin header the console sends. */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Clerk> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const csrf = res.json().csrfToken as string;
  return {
    cookie, csrf,
    call: (method, url, payload) => app.inject({
      method, url, headers: { cookie, host: 'localhost', origin: 'http://localhost', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    }),
  };
}

/** A newcomer's conversation: first question over REST, keeping the token as the widget does. */
export async function newcomerAsks(app: FastifyInstance, tenant: string, message: string) {
  const body = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message, tenant } })).json();
  return { conversationId: body.conversationId as string, token: body.conversationToken as string, body };
}

export async function handOver(app: FastifyInstance, conv: { conversationId: string; token: string }, tenant: string, language = 'en') {
  const res = await app.inject({ method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${conv.token}` }, payload: { conversationId: conv.conversationId, tenant, language, contact: '0470 12 34 56' } });
  if (res.statusCode !== 201) throw new Error(`handover failed: ${res.statusCode} ${res.body}`);
  return res.json().id as number;
}
