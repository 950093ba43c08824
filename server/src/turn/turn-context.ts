import type { ConversationState } from '../conversations/conversation-store';
import type { Tenant } from '../knowledge/knowledge-types';
import type { Region } from '../knowledge/schemas';
import type { Detection } from '../language/detect-language';
import type { Language } from '../language/languages';
import type { RetrievalResult } from '../retrieval/create-retriever';
import type { CrisisAnswer } from '../safety/crisis-answer';
import type { CrisisVerdict } from '../safety/crisis-matcher';
import type { PlaceMention } from '../tenants/tenant-registry';
import type { Facet } from '../question-model/facet-model';
import type { ChatRequest, ChatResponse } from '../chat/protocol';

/** Why the turn ended the way it did; the evals and /metrics count these. */
export type TurnMode = 'crisis' | 'human' | 'small-talk' | 'menu' | 'decline' | 'unknown' | 'extractive' | 'llm';

/** What the person's words were judged to be about, before any card is looked up. */
export type Route = 'crisis' | 'human' | 'small-talk' | 'menu' | 'decline' | 'answer';

export interface PlaceUnderstanding {
  /** A place named in this message, or carried over from the last answer by a short follow-up. */
  mention: PlaceMention | null;
  named: boolean;
  region: Region;
  /** The municipality the answer is for (the named one, else the tenant when in the same region). */
  tenant: Tenant | null;
  /** "region" or "region|slug" when the answer is about a place the person named (stored for follow-ups). */
  key: string | null;
  /** The words to search with: the message without the place name and personal numbers. */
  wording: string;
}

export type Answer = Omit<ChatResponse, 'conversationId' | 'messageId'>;

export interface TraceEntry {
  step: string;
  decision: string;
}

/** One turn's shared state, filled in by the steps in order (govuk-chat's answer-composition context). */
export interface TurnContext {
  request: ChatRequest;
  message: string;
  tenant: Tenant;
  conversationId: string;
  state: ConversationState | null;
  /** A clerk is answering this conversation (issue 12): the assistant stays quiet, except in a crisis. */
  human: { handoverId: number } | null;

  language?: { lang: Language; detection: Detection; hint: string | null; previous: Language | null; note: string | null; searchLangs: Language[] };
  crisis: CrisisVerdict | null;
  place?: PlaceUnderstanding;
  followUp: boolean;
  /** What a follow-up asks about (cost, documents, another place…), when the facet model knows. */
  facet: { facet: Facet; p: number } | null;
  smallTalk: { kind: 'greeting' | 'thanks' | 'bye'; langs: Language[] } | null;

  route?: Route;
  retrieval?: RetrievalResult;
  /** The wording that found the answer; a follow-up builds on it. */
  query: string | null;
  confidence: number;
  crisisAnswer?: CrisisAnswer;

  answer?: Answer;
  /** The extractive answer, kept when an LLM rewrote it: the guard falls back to it. */
  extractive?: string;
  mode?: TurnMode;
  /** The language the answer was recorded in (a card without the asked translation falls back). */
  answerLanguage?: Language;
  messageId?: number;
  trace: TraceEntry[];
  /** Set by a step that has the final answer (crisis, small talk, decline): later answer steps are skipped. */
  ended: boolean;
  /** Pieces of an LLM answer as they are written and checked (WebSocket streaming); the final answer still decides. */
  onDelta?: (text: string, language: Language) => void;
}

export function createTurnContext(input: { request: ChatRequest; message: string; tenant: Tenant; conversationId: string; state: ConversationState | null; human?: { handoverId: number } | null; onDelta?: TurnContext['onDelta'] }): TurnContext {
  return { ...input, human: input.human ?? null, crisis: null, followUp: false, facet: null, smallTalk: null, query: null, confidence: 0, trace: [], ended: false };
}

export function note(ctx: TurnContext, step: string, decision: string): void {
  ctx.trace.push({ step, decision });
}
