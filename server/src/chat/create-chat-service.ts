import crypto from 'node:crypto';
import { AppError } from '../errors';
import type { Tenant } from '../knowledge/knowledge-types';
import type { Region } from '../knowledge/schemas';
import type { RetrievalResult } from '../retrieval/create-retriever';
import { runTurn, type TurnStep } from '../turn/run-turn';
import { compose } from '../turn/steps/compose';
import { guard } from '../turn/steps/guard';
import { record } from '../turn/steps/record';
import { retrieve } from '../turn/steps/retrieve';
import { route } from '../turn/steps/route';
import { understandCrisis } from '../turn/steps/understand-crisis';
import { understandFollowUp } from '../turn/steps/understand-follow-up';
import { understandIntent } from '../turn/steps/understand-intent';
import { understandLanguage } from '../turn/steps/understand-language';
import { understandPlace } from '../turn/steps/understand-place';
import { createTurnContext, type TraceEntry, type TurnMode } from '../turn/turn-context';
import type { TurnDeps } from '../turn/turn-deps';
import { MAX_MESSAGE_LENGTH, type ChatRequest, type ChatResponse } from './protocol';

export interface ChatServiceDeps extends TurnDeps {
  defaultTenant: string;
  /** Digits of every number the knowledge holds (the guard checks LLM answers against them). */
  knownNumbers: ReadonlySet<string>;
  /** Told about every finished turn (the app counts answers for /metrics); keeps this module free of Fastify. */
  onAnswer?: (result: ChatResult) => void;
}

/** What the service knows beyond the response, for evals and logs. */
export interface ChatTrace {
  cardIds: string[];
  confidence: number;
  region: Region;
  mode: TurnMode;
  /** The crisis categories found, most urgent first (empty when none). */
  crisis: string[];
  /** The ranked candidates with their signals, for evals and tuning. */
  results?: RetrievalResult['results'];
  /** Each step's decision, in order. */
  steps: TraceEntry[];
}

export type ChatResult = ChatResponse & { trace: ChatTrace };

export interface AskOptions {
  /**
   * Checked pieces of an LLM answer while it is written (issue 13). They are provisional: the result's
   * `answer` is what counts, and it may differ when a later check falls back to the extractive answer.
   */
  onDelta?: (text: string, turn: { conversationId: string; language: string }) => void;
}

type Deps = ChatServiceDeps;

// The turn, step by step (docs/architecture.md): understand → route → retrieve → compose → guard → record.
const STEPS: TurnStep<Deps>[] = [
  understandLanguage, understandCrisis, understandPlace, understandFollowUp, understandIntent,
  route, retrieve, compose, guard, record,
];

export function createChatService(deps: ChatServiceDeps) {
  function resolveTenant(key: string | undefined): Tenant {
    const tenant = deps.tenants.resolve(key ?? deps.defaultTenant);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${key}".`);
    return tenant;
  }

  async function ask(request: ChatRequest, options: AskOptions = {}): Promise<ChatResult> {
    const message = request.message.trim();
    if (!message) throw new AppError('invalid_request', 'message must not be empty.');
    if (message.length > MAX_MESSAGE_LENGTH) throw new AppError('message_too_long');
    const tenant = resolveTenant(request.tenant);
    const conversationId = request.conversationId ?? crypto.randomUUID();
    // A new conversation has no state to read (one query less on the cold path).
    const state = request.conversationId ? await deps.store.state(conversationId) : null;
    const active = state && deps.handovers ? await deps.handovers.activeFor(conversationId) : null;
    const { onDelta } = options;
    const ctx = createTurnContext({
      request, message, tenant, conversationId, state, human: active ? { handoverId: active.id } : null,
      onDelta: onDelta && ((text, language) => onDelta(text, { conversationId, language })),
    });
    await runTurn(ctx, STEPS, deps);
    const results = ctx.retrieval?.results;
    const trace: ChatTrace = {
      cardIds: results?.map((r) => r.card.id) ?? [], confidence: ctx.confidence, region: ctx.place?.region ?? tenant.region,
      mode: ctx.mode ?? 'unknown', crisis: ctx.crisis?.categories ?? [], results, steps: ctx.trace,
    };
    const result: ChatResult = { conversationId, messageId: ctx.messageId!, ...ctx.answer!, trace };
    deps.onAnswer?.(result);
    return result;
  }

  /** Cheap check used before rate limits: a person in danger is never refused (issue 8). */
  function isCrisis(message: unknown): boolean {
    return typeof message === 'string' && message.length <= MAX_MESSAGE_LENGTH && deps.crisis.detector.detect(message) !== null;
  }

  return { ask, resolveTenant, isCrisis };
}

export type ChatService = ReturnType<typeof createChatService>;
