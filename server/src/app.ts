import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { chatRoutes } from './chat/chat-routes';
import type { ChatService } from './chat/create-chat-service';
import { wireChatService } from './chat/wire-chat-service';
import { resolveConfig, type AppConfig, type ConfigInput } from './config';
import { feedbackRoutes } from './conversations/feedback-routes';
import { AppError, errorBody, errorHandler } from './errors';
import type { KnowledgeBase } from './knowledge/knowledge-types';
import chatModelPlugin from './plugins/chat-model';
import dbPlugin from './plugins/db';
import knowledgePlugin from './plugins/knowledge';
import modelsPlugin from './plugins/models';
import promptsPlugin from './plugins/prompts';
import searchIndexPlugin from './plugins/search-index';
import { tenantRoutes } from './tenants/tenant-routes';
import { widgetRoutes } from './demo/widget-routes';
import { registerAdmin } from './admin/register-admin';
import { createHandoverStore } from './admin/handover-store';
import { createReplyBus } from './admin/reply-bus';
import { createConversationTokens } from './conversations/conversation-token';
import { replyRoutes } from './conversations/reply-routes';
import { migrateToLatest, sqliteDb } from './db/database';
import { deriveKey, loadAppSecret } from './security/app-secret';

export interface BuildOptions {
  /** Pre-loaded knowledge (tests share one load across apps). */
  knowledge?: KnowledgeBase;
  /** A chat model instance (tests pass LangChain's fake models). */
  chatModel?: BaseChatModel;
}

/** Builds the whole app without listening (ARCHITECTURE.md, convention 1). */
export async function buildApp(input: ConfigInput | AppConfig = {}, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = resolveConfig(input);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 64 * 1024,
    // Training the question model at boot (when the knowledge changed) takes up to a minute.
    pluginTimeout: 180_000,
    // Fastify takes the same shapes (true, a hop count, proxy addresses); typed loosely to keep the HTTP/1 overload.
    trustProxy: config.trustProxy as boolean,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)));

  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(dbPlugin, { file: config.dataDir === ':memory:' ? ':memory:' : path.join(config.dataDir, 'welcome-desk.db') });
  await app.register(knowledgePlugin, { dir: config.knowledgeDir, knowledge: options.knowledge });
  await app.register(searchIndexPlugin, config);
  await app.register(modelsPlugin, config);
  await app.register(chatModelPlugin, { ...config, model: options.chatModel });
  await app.register(promptsPlugin, { dir: config.promptsDir, required: ['answer'] });

  const kb = app.knowledge;
  // The clerk's side (issue 12) keeps its tables in the same database, through Kysely and its migrator.
  const db = sqliteDb(app.db);
  const secret = loadAppSecret(config.appSecret, config.dataDir);
  const tokens = createConversationTokens(deriveKey(secret, 'conversation-token'));
  const replyBus = createReplyBus();
  const handovers = createHandoverStore(db);
  const { chat, store, crisis, composer, detectLanguage } = wireChatService({
    knowledge: kb, searchIndex: app.searchIndex, embeddings: app.embeddings, tenants: app.tenants, db: app.db, handovers,
    chatModel: app.chatModel, answerPrompt: app.prompts.answer, questionModel: app.questionModel, languageId: app.languageId, crisis: app.crisisSafety, config, warn: (msg, err) => app.log.warn({ err }, msg),
  });
  await migrateToLatest(db);
  if (!app.tenants.resolve(config.defaultTenant)) throw new Error(`DEFAULT_TENANT "${config.defaultTenant}" is not a known municipality.`);

  app.decorate('chat', chat);
  // Registered even when RATE_LIMIT_PER_MINUTE is 0 (then not global), so that sign-in keeps its own limit.
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute || 1000,
    timeWindow: '1 minute',
    // After body parsing, so that a person in danger is never refused (issue 8).
    hook: 'preHandler',
    allowList: (request) => !request.url.startsWith('/api/') || chat.isCrisis((request.body as { message?: unknown } | undefined)?.message),
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  app.get('/health', async () => ({ status: 'ok', cards: kb.cards.length, tenants: kb.tenants.length, knowledge: kb.hash, llm: !!app.chatModel }));
  await app.register(chatRoutes, { chat, store, tokens, replyBus, repliesFor: async (id, after) => (await handovers.repliesFor(id, after)).map(({ conversationId: _c, ...r }) => r), asksPerMinute: config.rateLimitPerMinute });
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
  }
}
