import type { Composer } from '../answer/create-composer';
import type { LlmComposer } from '../answer/llm-composer';
import type { ConversationStore } from '../conversations/conversation-store';
import type { QuestionModel } from '../question-model/question-model';
import type { LanguageDetector } from '../language/detect-language';
import type { Retriever } from '../retrieval/create-retriever';
import type { CrisisResponder } from '../safety/crisis-answer';
import type { CrisisDetector } from '../safety/crisis-detector';
import type { TenantRegistry } from '../tenants/tenant-registry';

/** The collaborators the turn steps use; plain factories, so the steps run without Fastify. */
export interface TurnDeps {
  retriever: Retriever;
  /** The trained question model and its learned fusion; without one, retrieval's own confidence decides. */
  questionModel: QuestionModel | null;
  composer: Composer;
  /** Each card's topic (follow-ups stay on the subject of the previous answer). */
  cardTopics: ReadonlyMap<string, string>;
  llm?: LlmComposer | null;
  detectLanguage: LanguageDetector;
  tenants: TenantRegistry;
  store: ConversationStore;
  crisis: { detector: CrisisDetector; responder: CrisisResponder };
  /** Handovers a clerk is answering (absent in the evals and the bench). */
  handovers?: { activeFor(conversationId: string): Promise<{ id: number } | null> } | null;
  /** Below this confidence the answer is an honest "I don't know" with a person to ask. */
  minConfidence: number;
}
