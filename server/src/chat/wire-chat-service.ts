import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createActorSelector } from '../actors/select-actors';
import { createComposer } from '../answer/create-composer';
import { createLlmComposer } from '../answer/llm-composer';
import type { AppConfig } from '../config';
import { createConversationStore } from '../conversations/conversation-store';
import type { Db } from '../db/database';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { createLanguageDetector } from '../language/detect-language';
import { LanguageLexicon } from '../language/language-lexicon';
import type { LanguageIdentifier } from '../language/lid';
import { tokenize } from '../retrieval/text-normalize';
import type { PromptTemplate } from '../plugins/prompts';
import { TermStats } from '../retrieval/term-stats';
import { createCardRetriever } from '../retrieval/card-retriever';
import type { SearchIndex } from '../retrieval/search-index';
import type { QuestionModel } from '../question-model/question-model';
import type { CrisisSafety } from '../safety/crisis-safety';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { knownNumbers } from '../turn/steps/guard';
import type { TurnDeps } from '../turn/turn-deps';
import { createChatService, type ChatServiceDeps } from './create-chat-service';

export interface ChatWiring {
  knowledge: KnowledgeBase;
  searchIndex: SearchIndex;
  embeddings: EmbeddingsInterface;
  tenants: TenantRegistry;
  /** Kysely over SQLite or PostgreSQL (issue 14), migrated to the latest schema. */
  db: Db;
  chatModel: BaseChatModel | null;
  answerPrompt: PromptTemplate | null;
  /** The trained question model; null when the knowledge has no training data (the retrieval confidence decides). */
  questionModel?: QuestionModel | null;
  /** The crisis detector and responder (they may load a trained classifier, so they are built async). */
  crisis: CrisisSafety;
  /** fastText lid.176, to recognise languages we do not answer in. */
  languageId?: LanguageIdentifier | null;
  config: Pick<AppConfig, 'defaultTenant' | 'minConfidence' | 'llmTimeoutMs' | 'retrievalCacheSize'> & Partial<Pick<AppConfig, 'llmFirstTokenMs'>>;
  /** Handovers a clerk is answering: the assistant stays quiet in those conversations (issue 12). */
  handovers?: TurnDeps['handovers'];
  warn?: (msg: string, err?: unknown) => void;
  /** Every finished turn (metrics). */
  onAnswer?: ChatServiceDeps['onAnswer'];
}

/** Every one-word municipality name, folded: a place name is not evidence of a language. */
export function placeNames(kb: KnowledgeBase): Set<string> {
  const names = new Set<string>();
  for (const t of kb.tenants) for (const n of [...Object.values(t.names), ...t.aliases]) {
    const tokens = tokenize(n ?? '');
    if (tokens.length === 1 && tokens[0].length >= 3) names.add(tokens[0]);
  }
  return names;
}

/** Plain wiring of the domain factories, shared by the Fastify app, the eval runner and the bench. */
export function wireChatService(w: ChatWiring) {
  const kb = w.knowledge;
  const store = createConversationStore(w.db);
  // One word-rarity table for retrieval and for picking the part of a card that answers the question.
  const stats = new TermStats(kb.cards);
  const retriever = createCardRetriever(kb, w.searchIndex, w.embeddings, w.config.retrievalCacheSize, stats);
  const composer = createComposer({
    actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])),
    wordWeight: (token) => stats.idf(token),
  });
  const llm = w.chatModel && w.answerPrompt
    ? createLlmComposer({ model: w.chatModel, prompt: w.answerPrompt, timeoutMs: w.config.llmTimeoutMs, firstTokenMs: w.config.llmFirstTokenMs, log: w.warn })
    : null;
  const crisis = w.crisis;
  const cardTexts = kb.cards.flatMap((c) => Object.values(c.texts).map((t) => t!.body));
  const languageDetector = createLanguageDetector(new LanguageLexicon(kb), { lid: w.languageId, placeNames: placeNames(kb) });
  const chat = createChatService({
    retriever, composer, cardTopics: new Map(kb.cards.map((c) => [c.id, c.topic])), llm, handovers: w.handovers ?? null, questionModel: w.questionModel ?? null, detectLanguage: languageDetector, tenants: w.tenants, store, crisis,
    defaultTenant: w.config.defaultTenant, minConfidence: w.config.minConfidence, onAnswer: w.onAnswer,
    knownNumbers: knownNumbers(kb.actors.flatMap((a) => (a.phone ? [a.phone] : [])), cardTexts),
  });
  /** The language of a clerk's free-text reply (issue 12), with the same detector as the questions. */
  const detectLanguage = (text: string): string => languageDetector({ text }).language;
  return { chat, store, retriever, composer, crisis, detectLanguage };
}
