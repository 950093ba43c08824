import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { createActorSelector } from './actors/select-actors';
import { createComposer } from './answer/create-composer';
import { createLlmComposer } from './answer/llm-composer';
import { chatRoutes } from './chat/chat-routes';
import { createChatService } from './chat/create-chat-service';
import { resolveConfig, type AppConfig, type ConfigInput } from './config';
import { createConversationStore } from './conversations/conversation-store';
import { feedbackRoutes } from './conversations/feedback-routes';
import { AppError, errorBody, errorHandler } from './errors';
import type { KnowledgeBase } from './knowledge/knowledge-types';
import { createLanguageDetector } from './language/detect-language';
import { LanguageLexicon } from './language/language-lexicon';
import chatModelPlugin from './plugins/chat-model';
import dbPlugin from './plugins/db';
import knowledgePlugin from './plugins/knowledge';
import promptsPlugin from './plugins/prompts';
import searchIndexPlugin from './plugins/search-index';
import { createRetriever } from './retrieval/create-retriever';
import { GlossaryMatcher } from './retrieval/glossary-matcher';
import { TermStats } from './retrieval/term-stats';
import { tenantRoutes } from './tenants/tenant-routes';
import { widgetRoutes } from './demo/widget-routes';

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
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)));

  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      allowList: (request) => !request.url.startsWith('/api/'),
      errorResponseBuilder: () => new AppError('rate_limited'),
    });
  }
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(dbPlugin, { file: config.dataDir === ':memory:' ? ':memory:' : path.join(config.dataDir, 'welcome-desk.db') });
  await app.register(knowledgePlugin, { dir: config.knowledgeDir, knowledge: options.knowledge });
  await app.register(searchIndexPlugin, config);
  await app.register(chatModelPlugin, { ...config, model: options.chatModel });
  await app.register(promptsPlugin, { dir: config.promptsDir, required: ['answer'] });

  const kb = app.knowledge;
  const store = createConversationStore(app.db);
  const retriever = createRetriever({
    cards: kb.cards, lexical: app.searchIndex.lexical, vectors: app.searchIndex.vectors, embeddings: app.embeddings,
    glossary: new GlossaryMatcher(kb.glossary, kb.cards), stats: new TermStats(kb.cards),
  });
  const composer = createComposer({
    actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])),
  });
  const llm = app.chatModel
    ? createLlmComposer({ model: app.chatModel, prompt: app.prompts.answer, timeoutMs: config.llmTimeoutMs, log: (msg, err) => app.log.warn({ err }, msg) })
    : null;
  const chat = createChatService({
    retriever, composer, llm, detectLanguage: createLanguageDetector(new LanguageLexicon(kb)), tenants: app.tenants, store,
    defaultTenant: config.defaultTenant, minConfidence: config.minConfidence,
  });
  if (!app.tenants.resolve(config.defaultTenant)) throw new Error(`DEFAULT_TENANT "${config.defaultTenant}" is not a known municipality.`);

  app.decorate('chat', chat);
  app.get('/health', async () => ({ status: 'ok', cards: kb.cards.length, tenants: kb.tenants.length, knowledge: kb.hash, llm: !!app.chatModel }));
  await app.register(chatRoutes, { chat });
  await app.register(tenantRoutes);
  await app.register(feedbackRoutes, { store, defaultTenant: config.defaultTenant });
  await app.register(widgetRoutes, { widgetDir: config.widgetDir });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    chat: ReturnType<typeof createChatService>;
  }
}
