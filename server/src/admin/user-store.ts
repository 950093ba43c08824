import crypto from 'node:crypto';
import type { Db } from '../db/database';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

export type Role = 'clerk' | 'maintainer';

export interface User {
  id: number;
  email: string;
  role: Role;
  /** Municipality slugs a clerk works for; a maintainer works for all. */
  tenants: string[];
}

export interface ApiKeyPrincipal {
  keyId: string;
  tenant: string;
}

const now = () => new Date().toISOString();
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Clerk and maintainer accounts, and per-municipality API keys for automation (issue 12). */
export function createUserStore(db: Db) {
  async function tenantsOf(userId: number): Promise<string[]> {
    const rows = await db.selectFrom('user_tenants').select('tenant').where('user_id', '=', userId).orderBy('tenant').execute();
    return rows.map((r) => r.tenant);
  }

  return {
    async create(input: { email: string; password: string; role: Role; tenants: string[] }): Promise<User> {
      const email = input.email.trim().toLowerCase();
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('users').values({ email, password_hash: passwordHash, role: input.role, created_at: now(), disabled: 0 }).returning('id').executeTakeFirstOrThrow();
        for (const tenant of new Set(input.tenants)) await trx.insertInto('user_tenants').values({ user_id: id, tenant }).execute();
        return { id, email, role: input.role, tenants: [...new Set(input.tenants)].sort() };
      });
    },

    async exists(email: string): Promise<boolean> {
      return !!(await db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst());
    },

    /** The user for these credentials, or null; takes as long for an unknown e-mail as for a wrong password. */
    async authenticate(email: string, password: string): Promise<User | null> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!row || row.disabled) {
        await verifyPassword(password, await decoyHash());
        return null;
      }
      if (!(await verifyPassword(password, row.password_hash))) return null;
      return { id: row.id, email: row.email, role: row.role, tenants: await tenantsOf(row.id) };
    },

    async get(id: number): Promise<User | null> {
      const row = await db.selectFrom('users').select(['id', 'email', 'role', 'disabled']).where('id', '=', id).executeTakeFirst();
      if (!row || row.disabled) return null;
      return { id: row.id, email: row.email, role: row.role, tenants: await tenantsOf(row.id) };
    },

    async setPassword(email: string, password: string): Promise<boolean> {
      const result = await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** A new API key for one municipality; the secret is shown once and only its hash is kept. */
    async createApiKey(tenant: string, label: string | null, createdBy: number | null): Promise<{ id: string; key: string }> {
      const id = crypto.randomBytes(6).toString('hex');
      const secret = crypto.randomBytes(24).toString('base64url');
      await db.insertInto('api_keys').values({ id, tenant, secret_hash: sha256(secret), label, created_by: createdBy, created_at: now(), revoked_at: null }).execute();
      return { id, key: `wdk_${id}_${secret}` };
    },

    async verifyApiKey(key: string): Promise<ApiKeyPrincipal | null> {
      const m = /^wdk_([0-9a-f]{12})_([A-Za-z0-9_-]{20,64})$/.exec(key);
      if (!m) return null;
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', m[1]).executeTakeFirst();
      if (!row || row.revoked_at) return null;
      const a = Buffer.from(row.secret_hash, 'hex');
      const b = Buffer.from(sha256(m[2]), 'hex');
      return a.length === b.length && crypto.timingSafeEqual(a, b) ? { keyId: row.id, tenant: row.tenant } : null;
    },

    async revokeApiKey(id: string, tenant: string): Promise<boolean> {
      const result = await db.updateTable('api_keys').set({ revoked_at: now() }).where('id', '=', id).where('tenant', '=', tenant).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listApiKeys(tenants: string[] | 'all') {
      let q = db.selectFrom('api_keys').select(['id', 'tenant', 'label', 'created_at', 'revoked_at']);
      if (tenants !== 'all') q = q.where('tenant', 'in', tenants.length ? tenants : ['']);
      return q.orderBy('created_at', 'desc').execute();
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;

/** Can this user act for this municipality? */
export function canActFor(user: Pick<User, 'role' | 'tenants'>, tenant: string): boolean {
  return user.role === 'maintainer' || user.tenants.includes(tenant);
}
