import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import type { Db } from '../db/database';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { deriveKey } from '../security/app-secret';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { actorSheetRoutes } from './actor-sheet-routes';
import { createActorEditsSync } from './actor-edits-sync';
import type { AdminDeps } from './admin-deps';
import { createAuditLog } from './audit-log';
import authPlugin from './auth-plugin';
import { loadClerkReplies } from './clerk-replies';
import { consoleRoutes } from './console-routes';
import type { HandoverStore } from './handover-store';
import { handoverRoutes } from './handover-routes';
import { createInsightStore } from './insight-store';
import { insightRoutes } from './insight-routes';
import { createLocalInfo } from './local-info';
import { localInfoRoutes } from './local-info-routes';
import type { ReplyBus } from './reply-bus';
import { sessionRoutes } from './session-routes';
import { createUserStore } from './user-store';

/** The clerk's side (issue 12): sign-in, the handover inbox, local information, questions and figures. */
export async function registerAdmin(app: FastifyInstance, input: {
  db: Db; config: AppConfig; secret: Buffer; handovers: HandoverStore; replyBus: ReplyBus; knowledge: KnowledgeBase; tenants: TenantRegistry;
  detectLanguage: (text: string) => string; onActorsChanged: () => void;
}): Promise<AdminDeps> {
  const users = createUserStore(input.db);
  // Edits made through any instance reach this one's composer and tenants (issue 14).
  const sync = createActorEditsSync({ notify: app.notify, reload: () => localInfo.load(), warn: (msg, err) => app.log.warn({ err }, msg) });
  const localInfo = createLocalInfo(input.db, input.knowledge, input.onActorsChanged, (tenant) => sync.announce(tenant));
  await localInfo.load();
  await sync.start();
  app.addHook('onClose', async () => sync.stop());
  const deps: AdminDeps = {
    db: input.db, users, audit: createAuditLog(input.db), handovers: input.handovers, replyBus: input.replyBus,
    clerkReplies: loadClerkReplies(input.config.knowledgeDir), tenants: input.tenants, knowledge: input.knowledge, localInfo,
    signInPerMinute: input.config.signInPerMinute,
  };
  await app.register(authPlugin, {
    db: input.db, users, sessionSecret: deriveKey(input.secret, 'session').toString('base64url'), sessionHours: input.config.sessionHours,
    publicOrigin: input.config.publicUrl ? new URL(input.config.publicUrl).origin : null,
  });
  await app.register(sessionRoutes, deps);
  await app.register(handoverRoutes, { ...deps, detectLanguage: input.detectLanguage });
  await app.register(localInfoRoutes, deps);
  await app.register(actorSheetRoutes, deps);
  await app.register(insightRoutes, { ...deps, insights: createInsightStore(input.db) });
  await app.register(consoleRoutes, { widgetDir: input.config.widgetDir });
  return deps;
}
