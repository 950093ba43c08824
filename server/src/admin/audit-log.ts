import type { Db } from '../db/database';

export interface AuditEntry {
  id: number;
  userId: number | null;
  tenant: string | null;
  action: string;
  target: string | null;
  detail: unknown;
  createdAt: string;
}

/** Every change a clerk or maintainer makes (issue 12), newest first. */
export function createAuditLog(db: Db) {
  return {
    async record(e: { userId: number | null; tenant: string | null; action: string; target?: string | null; detail?: unknown }): Promise<void> {
      await db.insertInto('audit_log').values({
        user_id: e.userId, tenant: e.tenant, action: e.action, target: e.target ?? null,
        detail: e.detail === undefined ? null : JSON.stringify(e.detail), created_at: new Date().toISOString(),
      }).execute();
    },
    /** A clerk sees their municipalities' entries and their own actions without a municipality (sign-in, sign-out). */
    async list(tenants: string[] | 'all', limit = 200, ownUserId: number | null = null): Promise<AuditEntry[]> {
      let q = db.selectFrom('audit_log').selectAll();
      if (tenants !== 'all') {
        const scoped = tenants.length ? tenants : [''];
        q = ownUserId === null
          ? q.where('tenant', 'in', scoped)
          : q.where((eb) => eb.or([eb('tenant', 'in', scoped), eb.and([eb('tenant', 'is', null), eb('user_id', '=', ownUserId)])]));
      }
      const rows = await q.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, tenant: r.tenant, action: r.action, target: r.target, detail: r.detail ? JSON.parse(r.detail) : null, createdAt: r.created_at }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
