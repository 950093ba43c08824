import path from 'node:path';
import Database from 'better-sqlite3';
import { wireChatService } from './chat/wire-chat-service';
import { prepareSqliteConversationTables } from './conversations/conversation-store';
import { migrateToLatest, sqliteDb } from './db/database';
import { resolveConfig, type ConfigInput } from './config';
import { loadKnowledgeStrict } from './knowledge/load-knowledge';
import { loadPrompts } from './plugins/prompts';
import { createChatModel } from './plugins/chat-model';
import { createEmbeddings, embeddingsKey } from './retrieval/create-embeddings';
import { ensureSearchIndex, indexFingerprint } from './retrieval/search-index';
import { createTenantRegistry, uninflectedWords } from './tenants/tenant-registry';
import { createCardRetriever } from './retrieval/card-retriever';
import { loadLid176 } from './language/lid';
import { createCrisisSafety } from './safety/crisis-safety';
import { ensureQuestionModel, modelFingerprint } from './question-model/ensure-question-model';

/**
 * The whole answering pipeline without Fastify, for `npm run eval` and the bench. It builds the index
 * when it is missing or stale, like the server does at boot. Conversations go to an in-memory database.
 */
export async function createPipeline(input: ConfigInput & { onProgress?: (stage: string, done: number, total: number) => void } = {}) {
  const config = resolveConfig(input);
  const knowledge = loadKnowledgeStrict(config.knowledgeDir);
  const embeddings = await createEmbeddings(config);
  const searchIndex = await ensureSearchIndex(knowledge, config.dataDir, embeddings, indexFingerprint(knowledge, embeddingsKey(config)));
  const connection = new Database(':memory:');
  prepareSqliteConversationTables(connection);
  const db = sqliteDb(connection);
  await migrateToLatest(db);
  const chatModel = await createChatModel(config);
  const prompts = loadPrompts(path.resolve(config.promptsDir));
  const tenants = createTenantRegistry(knowledge.tenants, uninflectedWords(knowledge));
  const fingerprint = indexFingerprint(knowledge, embeddingsKey(config));
  const questionModel = config.questionModel === 'off' ? null : await ensureQuestionModel({
    kb: knowledge, knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, retriever: createCardRetriever(knowledge, searchIndex, embeddings, 0),
    fingerprint: modelFingerprint(knowledge, fingerprint), onProgress: input.onProgress,
  });
  const wired = wireChatService({ knowledge, searchIndex, embeddings, tenants, db, chatModel, answerPrompt: prompts.answer ?? null, questionModel, languageId: await loadLid176(), crisis: await createCrisisSafety(knowledge, config.dataDir), config });
  return {
    ...wired, knowledge, tenants, config,
    close() {
      searchIndex.close();
      connection.close();
    },
  };
}
