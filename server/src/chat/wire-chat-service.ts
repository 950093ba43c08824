import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type Database from 'better-sqlite3';
import { createActorSelector } from '../actors/select-actors';
import { createComposer } from '../answer/create-composer';
import { createLlmComposer } from '../answer/llm-composer';
import type { AppConfig } from '../config';
import { createConversationStore } from '../conversations/conversation-store';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { createLanguageDetector } from '../language/detect-language';
import { LanguageLexicon } from '../language/language-lexicon';
import type { PromptTemplate } from '../plugins/prompts';
import { createRetriever } from '../retrieval/create-retriever';
import { GlossaryMatcher } from '../retrieval/glossary-matcher';
import type { SearchIndex } from '../retrieval/search-index';
import { TermStats } from '../retrieval/term-stats';
import { createCrisisResponder } from '../safety/crisis-answer';
import { createCrisisMatcher } from '../safety/crisis-matcher';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { knownNumbers } from '../turn/steps/guard';
import { createChatService } from './create-chat-service';

export interface ChatWiring {
  knowledge: KnowledgeBase;
  searchIndex: SearchIndex;
  embeddings: EmbeddingsInterface;
  tenants: TenantRegistry;
  db: Database.Database;
  chatModel: BaseChatModel | null;
  answerPrompt: PromptTemplate | null;
  config: Pick<AppConfig, 'defaultTenant' | 'minConfidence' | 'llmTimeoutMs' | 'retrievalCacheSize'>;
  warn?: (msg: string, err?: unknown) => void;
}

/** Plain wiring of the domain factories, shared by the Fastify app, the eval runner and the bench. */
export function wireChatService(w: ChatWiring) {
  const kb = w.knowledge;
  const store = createConversationStore(w.db);
  const retriever = createRetriever({
    cards: kb.cards, lexical: w.searchIndex.lexical, vectors: w.searchIndex.vectors, embeddings: w.embeddings,
    glossary: new GlossaryMatcher(kb.glossary, kb.cards), stats: new TermStats(kb.cards),
    cacheSize: w.config.retrievalCacheSize,
  });
  const composer = createComposer({
    actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])),
  });
  const llm = w.chatModel && w.answerPrompt
    ? createLlmComposer({ model: w.chatModel, prompt: w.answerPrompt, timeoutMs: w.config.llmTimeoutMs, log: w.warn })
    : null;
  if (!kb.crisis.routing) throw new Error('knowledge/crisis/routing.yaml is missing');
  const crisis = {
    matcher: createCrisisMatcher(kb.crisis.vocabularies),
    responder: createCrisisResponder({ routing: kb.crisis.routing, answers: kb.crisis.answers, actors: kb.actors }),
  };
  const cardTexts = kb.cards.flatMap((c) => Object.values(c.texts).map((t) => t!.body));
  const chat = createChatService({
    retriever, composer, llm, detectLanguage: createLanguageDetector(new LanguageLexicon(kb)), tenants: w.tenants, store, crisis,
    defaultTenant: w.config.defaultTenant, minConfidence: w.config.minConfidence,
    knownNumbers: knownNumbers(kb.actors.flatMap((a) => (a.phone ? [a.phone] : [])), cardTexts),
  });
  return { chat, store, retriever, composer, crisis };
}
