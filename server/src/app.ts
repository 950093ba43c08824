import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { createAskBudget } from './chat/ask-budget';
import { chatRoutes } from './chat/chat-routes';
import { websocketErrorHandler } from './chat/ws-errors';
import { createWsSessions, type WsSessions } from './chat/ws-sessions';
import type { ChatService } from './chat/create-chat-service';
import { wireChatService } from './chat/wire-chat-service';
import { resolveConfig, type AppConfig, type ConfigInput } from './config';
import { feedbackRoutes } from './conversations/feedback-routes';
import { AppError, errorHandler } from './errors';
import type { KnowledgeBase } from './knowledge/knowledge-types';
import chatModelPlugin from './plugins/chat-model';
import dbPlugin from './plugins/db';
import retentionPlugin from './plugins/retention';
import knowledgePlugin from './plugins/knowledge';
import modelsPlugin from './plugins/models';
import promptsPlugin from './plugins/prompts';
import notifyPlugin from './plugins/notify';
import redisPlugin from './plugins/redis';
import searchIndexPlugin from './plugins/search-index';
import metricsPlugin from './plugins/metrics';
import openApiPlugin from './plugins/openapi';
import { healthRoutes } from './observability/health-routes';
import requestIdPlugin, { requestIdFor } from './observability/request-id';
import { tenantRoutes } from './tenants/tenant-routes';
import { widgetRoutes } from './demo/widget-routes';
import compress from '@fastify/compress';
import corsPlugin from './http/cors';
import { clientErrorHandler, frameworkErrors, notFoundHandler } from './http/edge-errors';
import securityHeaders from './http/security-headers';
import { createOriginPolicy } from './tenants/origin-policy';
import { registerAdmin } from './admin/register-admin';
import { createHandoverStore } from './admin/handover-store';
import { createReplyBus } from './admin/reply-bus';
import { createConversationTokens } from './conversations/conversation-token';
import { replyRoutes } from './conversations/reply-routes';
import { migrateToLatest } from './db/database';
import { createDb, type DbHandle } from './db/create-db';
import { prepareSqliteConversationTables } from './conversations/conversation-store';
import { deriveKey, loadAppSecret } from './security/app-secret';
import { removeStaleStaging } from './ops/clean-staging';

export interface BuildOptions {
  /** Pre-loaded knowledge (tests share one load across apps). */
  knowledge?: KnowledgeBase;
  /** A chat model instance (tests pass LangChain's fake models). */
  chatModel?: BaseChatModel;
  /** Where log lines go instead of stdout (tests read them); ignores LOG_PRETTY. */
  logStream?: DestinationStream;
}

function loggerOptions(config: AppConfig, stream?: DestinationStream): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent' && !stream) return false;
  if (stream) return { level: config.logLevel === 'silent' ? 'info' : config.logLevel, stream };
  // pino-pretty runs in a worker thread (a pino transport), so pretty printing costs the event loop nothing.
  if (config.logPretty) return { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } };
  return { level: config.logLevel };
}

/** Builds the whole app without listening (ARCHITECTURE.md, convention 1). */
export async function buildApp(input: ConfigInput | AppConfig = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = resolveConfig(input);
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    // X-Request-Id in and out (issue 13): a sane incoming id is kept, otherwise a UUID; every log line has it as reqId.
    requestIdHeader: false,
    genReqId: requestIdFor,
    bodyLimit: 64 * 1024,
    // Issue 13, finding 2: without these a request whose body never finishes is held forever.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // Training the models at boot (when the knowledge changed) takes minutes: the question model about 90 s, the
    // crisis classifier with its out-of-batch thresholds about 220 s alone on two cores, longer beside other work
    // (a CI run timed the plugin out at 180 s). The timeout guards against a plugin that never finishes, not
    // against a long job, which reports its progress in the log.
    pluginTimeout: 900_000,
    // Fastify takes the same shapes (true, a hop count, proxy addresses); typed loosely to keep the HTTP/1 overload.
    trustProxy: config.trustProxy as boolean,
    // Issue 13, finding 6: errors raised before routing (bad URL, 414, Node's 431/400) in the catalogue's shape.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setErrorHandler(errorHandler);
  // Node checks request deadlines on a timer (every 30 s by default, read at listen), which would let a short
  // REQUEST_TIMEOUT_MS run long; and the header deadline must not outlast the whole-request one.
  Object.assign(app.server, {
    headersTimeout: Math.min(app.server.headersTimeout, config.requestTimeoutMs),
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(config.requestTimeoutMs / 4))),
  });
  await app.register(requestIdPlugin);
  // Before any route: @fastify/swagger collects the routes as they are added.
  await app.register(openApiPlugin, { publicUrl: config.publicUrl });
  app.setNotFoundHandler(notFoundHandler);
  // Issue 13, finding 7: CSP, nosniff, Referrer-Policy on everything, no-store on /api (before any route).
  await app.register(securityHeaders, { publicUrl: config.publicUrl, inlineStylePages: [path.resolve(config.widgetDir, 'console', 'index.html')] });
  // Only the routes that opt in are compressed (widget.js); see server/src/demo/widget-routes.ts for why not the API.
  await app.register(compress, { global: false });

  // Before anything writes there: staging folders of a build that crashed (issue 13, finding 10).
  const leftovers = removeStaleStaging(config.dataDir);
  if (leftovers.length) app.log.warn({ removed: leftovers }, 'removed staging folders left by a crashed build');
  // Chat sockets: the cap per address, the heartbeat, and the drain that graceful shutdown waits for (issue 13).
  const wsSessions = createWsSessions({ maxPerIp: config.wsMaxSocketsPerIp, idleMs: config.wsIdleSeconds * 1000 });
  app.decorate('wsSessions', wsSessions);
  app.addHook('onClose', async () => wsSessions.stop());
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    errorHandler: websocketErrorHandler,
    // Instead of cutting every socket at once: each finishes the ask it is answering, then closes with 1001.
    preClose: (done) => void wsSessions.drain().then(() => done()),
  });
  await app.register(dbPlugin, { file: config.dataDir === ':memory:' ? ':memory:' : path.join(config.dataDir, 'welcome-desk.db') });
  await app.register(knowledgePlugin, { dir: config.knowledgeDir, knowledge: options.knowledge });
  await app.register(searchIndexPlugin, config);
  await app.register(modelsPlugin, config);
  await app.register(chatModelPlugin, { ...config, model: options.chatModel });
  await app.register(promptsPlugin, { dir: config.promptsDir, required: ['answer'] });
  // Scale-out (issue 14): shared rate-limit counters, and nudges between instances (used from phase 2 on).
  await app.register(redisPlugin, { url: config.redisUrl });
  await app.register(notifyPlugin, { databaseUrl: config.databaseUrl, redisUrl: config.redisUrl });

  const kb = app.knowledge;
  // Every store goes through Kysely: the SQLite file by default, PostgreSQL when DATABASE_URL is set, so that
  // several instances share conversations, handovers, clerks and edits (issue 14). Migrated before any use.
  const database = createDb({ databaseUrl: config.databaseUrl, sqlite: app.db });
  const db = database.db;
  // SQLite's connection belongs to the db plugin, which closes it; the PostgreSQL pool is ours to end.
  if (database.engine === 'postgres') app.addHook('onClose', async () => db.destroy());
  // Files made before the migrations knew the conversation tables keep their own upgrade path.
  if (database.engine === 'sqlite') prepareSqliteConversationTables(app.db);
  await migrateToLatest(db);
  app.decorate('database', database);
  const secret = loadAppSecret(config.appSecret, config.dataDir);
  const tokens = createConversationTokens(deriveKey(secret, 'conversation-token'));
  const handovers = createHandoverStore(db);
  // Clerk replies reach the widget's socket on whichever instance holds it (issue 14).
  const replyBus = createReplyBus({ notify: app.notify, repliesFor: (id, after) => handovers.repliesFor(id, after), warn: (msg, err) => app.log.warn({ err }, msg) });
  await replyBus.start();
  app.addHook('onClose', async () => replyBus.stop());
  await app.register(metricsPlugin, { token: config.metricsToken, handoverCounts: () => handovers.countByStatus() });
  const { chat, store, crisis, composer, detectLanguage } = wireChatService({
    knowledge: kb, searchIndex: app.searchIndex, embeddings: app.embeddings, tenants: app.tenants, db, handovers,
    chatModel: app.chatModel, answerPrompt: app.prompts.answer, questionModel: app.questionModel, languageId: app.languageId, crisis: app.crisisSafety, config, warn: (msg, err) => app.log.warn({ err }, msg),
    onAnswer: (result) => app.metrics.countAnswer(result),
  });
  // Retention (issue 13): after the migrations, so that every table it prunes exists.
  await app.register(retentionPlugin, { db, days: config.retentionDays, auditDays: config.auditRetentionDays });
  if (!app.tenants.resolve(config.defaultTenant)) throw new Error(`DEFAULT_TENANT "${config.defaultTenant}" is not a known municipality.`);

  app.decorate('chat', chat);
  // Which pages may embed which municipality (issue 13, finding 8); TENANT_ORIGINS keys may be any name or NIS code.
  const tenantOrigins: Record<string, string[]> = {};
  for (const [key, origins] of Object.entries(config.tenantOrigins)) {
    const tenant = app.tenants.resolve(key);
    if (!tenant) throw new Error(`TENANT_ORIGINS names "${key}", which is not a known municipality.`);
    tenantOrigins[tenant.slug] = [...(tenantOrigins[tenant.slug] ?? []), ...origins];
  }
  app.decorate('originPolicy', createOriginPolicy({ publicUrl: config.publicUrl, devOrigins: config.devOrigins, tenantOrigins, tenants: () => app.tenants.all }));
  await app.register(corsPlugin);
  // Registered even when RATE_LIMIT_PER_MINUTE is 0 (then not global), so that sign-in keeps its own limit.
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute || 1000,
    timeWindow: '1 minute',
    // After body parsing, so that a person in danger is never refused (issue 8).
    hook: 'preHandler',
    allowList: (request) => !request.url.startsWith('/api/') || chat.isCrisis((request.body as { message?: unknown } | undefined)?.message),
    errorResponseBuilder: () => new AppError('rate_limited'),
    // With REDIS_URL every instance counts in Redis, so a visitor's limit holds across instances (issue 14);
    // without it each instance counts alone. When Redis is down requests pass rather than fail.
    ...(app.redis ? { redis: app.redis, nameSpace: 'welcome-desk-rate-limit-', skipOnError: true } : {}),
  });
  await app.register(healthRoutes);
  await app.register(chatRoutes, { chat, store, tokens, replyBus, repliesFor: async (id, after) => (await handovers.repliesFor(id, after)).map(({ conversationId: _c, ...r }) => r), budget: createAskBudget({ perMinute: config.rateLimitPerMinute }),
    sessions: wsSessions, limits: { queueSize: config.wsQueueSize, maxBufferBytes: config.wsMaxBufferBytes },
  });
  await app.register(tenantRoutes);
  await app.register(feedbackRoutes, { store, tokens, defaultTenant: config.defaultTenant, emergencyLine: crisis.responder.emergencyLine });
  await app.register(replyRoutes, { store, tokens, handovers });
  await registerAdmin(app, {
    db, config, secret, handovers, replyBus, knowledge: kb, tenants: app.tenants,
    detectLanguage: (text) => detectLanguage(text),
    onActorsChanged: () => composer.refresh(),
  });
  await app.register(widgetRoutes, { widgetDir: config.widgetDir });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    chat: ChatService;
    wsSessions: WsSessions;
    /** The stores' database: Kysely over SQLite or PostgreSQL (issue 14). `db` stays the SQLite connection. */
    database: DbHandle;
  }
}
