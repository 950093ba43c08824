import type { Db } from '../db/database';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import type { TenantRegistry } from '../tenants/tenant-registry';
import type { AuditLog } from './audit-log';
import type { ClerkReplies } from './clerk-replies';
import type { HandoverStore } from './handover-store';
import type { ReplyBus } from './reply-bus';
import type { UserStore } from './user-store';
import type { LocalInfo } from './local-info';

/** What the admin routes share; built once in app.ts. */
export interface AdminDeps {
  db: Db;
  users: UserStore;
  audit: AuditLog;
  handovers: HandoverStore;
  replyBus: ReplyBus;
  clerkReplies: ClerkReplies;
  tenants: TenantRegistry;
  knowledge: KnowledgeBase;
  localInfo: LocalInfo;
  signInPerMinute: number;
}
