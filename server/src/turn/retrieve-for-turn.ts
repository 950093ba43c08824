import type { ConversationState } from '../conversations/conversation-store';
import type { Region } from '../knowledge/schemas';
import type { Language } from '../language/languages';
import type { RetrievalResult, Retriever } from '../retrieval/create-retriever';
import { tokenize } from '../retrieval/text-normalize';
import { isFollowUp } from './steps/understand-follow-up';

export interface TurnRetrieval {
  retrieval: RetrievalResult;
  /** The wording that found the answer: the message, a sentence of it, or it joined to the last question. */
  query: string;
}

const LONG_MESSAGE_WORDS = 20;

/** Sentences of a long message worth retrieving on their own; questions first. */
function sentencesOf(message: string): string[] {
  const parts = message.split(/(?<=[.!?؟։።\n])\s+/).map((s) => s.trim()).filter((s) => tokenize(s).length >= 3);
  return parts.sort((a, b) => Number(/[?؟]/.test(b)) - Number(/[?؟]/.test(a))).slice(0, 5);
}

/**
 * How one turn is retrieved:
 * - a long story is also tried sentence by sentence, because the question is buried in it;
 * - a short follow-up ("and in Brussels?", "what does it cost?") is also tried joined to the previous
 *   question, and keeps that topic unless it clearly asks about something else.
 */
export async function retrieveForTurn(input: {
  retriever: Retriever;
  message: string;
  lang: Language;
  region: Region;
  municipality: string | null;
  state: ConversationState | null;
  minConfidence: number;
}): Promise<TurnRetrieval> {
  const run = (query: string) => input.retriever.retrieve({ query, lang: input.lang, region: input.region, municipality: input.municipality });
  let best: TurnRetrieval = { retrieval: await run(input.message), query: input.message };

  if (tokenize(input.message).length > LONG_MESSAGE_WORDS) {
    for (const sentence of sentencesOf(input.message)) {
      const retrieval = await run(sentence);
      // A sentence must beat the whole story clearly: a stray sentence matching well is not the question.
      if (retrieval.confidence > best.retrieval.confidence + 0.05) best = { retrieval, query: sentence };
    }
  }

  const state = input.state;
  if (state?.lastQuery && (isFollowUp(input.message, state) || best.retrieval.confidence < input.minConfidence)) {
    const query = `${state.lastQuery} ${input.message}`;
    const combined = await run(query);
    const single = best.retrieval;
    const singleTopic = single.results[0]?.card.topic ?? null;
    const combinedTopic = combined.results[0]?.card.topic ?? null;
    const weakSingle = single.confidence < input.minConfidence;
    const staysOnTopic = isFollowUp(input.message, state) && combinedTopic === state.lastTopic && singleTopic !== state.lastTopic && single.confidence < 0.6;
    const sameCard = combined.results[0]?.card.id === single.results[0]?.card.id && combined.confidence > single.confidence;
    if (combined.confidence >= input.minConfidence && (weakSingle || staysOnTopic || sameCard)) best = { retrieval: combined, query };
  }
  return best;
}
