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
    async list(tenants: string[] | 'all', limit = 200): Promise<AuditEntry[]> {
      let q = db.selectFrom('audit_log').selectAll();
      if (tenants !== 'all') q = q.where('tenant', 'in', tenants.length ? tenants : ['']);
      const rows = await q.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, userId: r.user_id, tenant: r.tenant, action: r.action, target: r.target, detail: r.detail ? JSON.parse(r.detail) : null, createdAt: r.created_at }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
