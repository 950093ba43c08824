import type { Composer } from '../answer/create-composer';
import type { LlmComposer } from '../answer/llm-composer';
import type { ConversationStore } from '../conversations/conversation-store';
import type { LanguageDetector } from '../language/detect-language';
import type { Retriever } from '../retrieval/create-retriever';
import type { CrisisResponder } from '../safety/crisis-answer';
import type { CrisisMatcher } from '../safety/crisis-matcher';
import type { TenantRegistry } from '../tenants/tenant-registry';

/** The collaborators the turn steps use; plain factories, so the steps run without Fastify. */
export interface TurnDeps {
  retriever: Retriever;
  composer: Composer;
  llm?: LlmComposer | null;
  detectLanguage: LanguageDetector;
  tenants: TenantRegistry;
  store: ConversationStore;
  crisis: { matcher: CrisisMatcher; responder: CrisisResponder };
  /** Below this confidence the answer is an honest "I don't know" with a person to ask. */
  minConfidence: number;
}
