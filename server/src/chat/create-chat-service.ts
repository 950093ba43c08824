import crypto from 'node:crypto';
import { actorLevel, placeOf } from '../actors/select-actors';
import { CANNED, UNSUPPORTED_NOTE, fill } from '../answer/canned-messages';
import type { Composer } from '../answer/create-composer';
import type { LlmComposer } from '../answer/llm-composer';
import { smallTalk } from '../answer/small-talk';
import type { ConversationStore } from '../conversations/conversation-store';
import { withoutPersonalData } from '../conversations/redact';
import { AppError } from '../errors';
import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor, Region } from '../knowledge/schemas';
import type { LanguageDetector } from '../language/detect-language';
import { LANGUAGE_NAMES, isSupportedLanguage, type Language } from '../language/languages';
import type { RetrievalResult, Retriever } from '../retrieval/create-retriever';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { asksAboutAnotherCountry } from '../tenants/foreign-places';
import { isFollowUp, retrieveForTurn } from './retrieve-for-turn';
import { MAX_MESSAGE_LENGTH, type ActorRef, type ChatRequest, type ChatResponse, type Topic } from './protocol';

export interface ChatServiceDeps {
  retriever: Retriever;
  composer: Composer;
  llm?: LlmComposer | null;
  detectLanguage: LanguageDetector;
  tenants: TenantRegistry;
  store: ConversationStore;
  defaultTenant: string;
  minConfidence: number;
}

/** What the service knows beyond the response, for evals and logs. */
export interface ChatTrace {
  cardIds: string[];
  confidence: number;
  region: Region;
  mode: 'extractive' | 'llm' | 'small-talk' | 'unknown';
  /** The ranked candidates with their signals, for evals and tuning. */
  results?: RetrievalResult['results'];
}

export type ChatResult = ChatResponse & { trace: ChatTrace };

function toActorRef(actor: Actor, tenant: Tenant | null, lang: Language): ActorRef {
  const local = actor.municipalities.length ? (tenant && actor.municipalities.includes(tenant.slug) ? tenant.slug : actor.municipalities[0]) : null;
  return {
    id: actor.id, name: actor.names[lang] ?? actor.name, region: actor.region, municipality: local,
    address: actor.address, phone: actor.phone, email: actor.email, website: actor.website, languages: actor.languages,
  };
}

function withoutPlace(message: string, place: string): string {
  const stripped = message.replace(place, ' ').replace(/\s+/g, ' ').trim();
  return stripped || message;
}

export function createChatService(deps: ChatServiceDeps) {
  function resolveTenant(key: string | undefined): Tenant {
    const tenant = deps.tenants.resolve(key ?? deps.defaultTenant);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${key}".`);
    return tenant;
  }

  async function ask(request: ChatRequest): Promise<ChatResult> {
    const message = request.message.trim();
    if (!message) throw new AppError('invalid_request', 'message must not be empty.');
    if (message.length > MAX_MESSAGE_LENGTH) throw new AppError('message_too_long');
    const tenant = resolveTenant(request.tenant);
    const conversationId = request.conversationId ?? crypto.randomUUID();
    const state = deps.store.state(conversationId);
    const previous = state?.language && isSupportedLanguage(state.language) ? state.language : null;
    const hint = request.language?.slice(0, 2).toLowerCase() ?? null;
    const regionLanguage: Language = tenant.region === 'wallonia' ? 'fr' : tenant.region === 'german-speaking' ? 'de' : tenant.region === 'flanders' ? 'nl' : 'en';
    const detection = deps.detectLanguage({ text: message, hint, previous, fallback: hint && isSupportedLanguage(hint) ? hint : regionLanguage });
    let lang = detection.language;
    let prefix = '';
    if (detection.unsupported) {
      lang = tenant.region === 'wallonia' ? 'fr' : 'en';
      const note = UNSUPPORTED_NOTE[detection.unsupported];
      if (note) prefix = `${fill(note, { language: LANGUAGE_NAMES[lang] })}\n\n`;
    }

    let result: Omit<ChatResponse, 'conversationId' | 'messageId'>;
    let trace: ChatTrace;
    let query: string | null = null;
    let placeKey: string | null = null;
    const talk = smallTalk(message);
    if (talk) {
      const replyLang = talk.langs.includes(lang) || !talk.langs.length || previous ? lang : talk.langs.includes(hint as Language) ? (hint as Language) : talk.langs[0];
      lang = replyLang;
      result = { language: lang, answer: CANNED[lang][talk.kind], answered: true, topic: null, sources: [], actors: [], handover: { offered: false } };
      trace = { cardIds: [], confidence: 1, region: tenant.region, mode: 'small-talk' };
    } else {
      // A place named now wins; a short follow-up keeps the place of the previous answer.
      const named = deps.tenants.findPlace(message);
      const carried = !named && isFollowUp(message, state) && state?.lastPlace ? deps.tenants.placeFromKey(state.lastPlace) : null;
      const mention = named ?? carried;
      // "Brussels" said by someone in Schaerbeek means the region, not the City of Brussels' own services.
      const placeTenant = mention?.tenant && mention.tenant.slug !== tenant.slug && !(mention.tenant.slug === 'brussels' && tenant.region === 'brussels') ? mention.tenant : null;
      const region: Region = mention ? mention.region : tenant.region;
      const effectiveTenant = placeTenant ?? (region === tenant.region ? tenant : null);
      // The place steers the region filter; left in the wording it would pull towards cards that merely
      // name that city ("and in Brussels?" is not a question about Brussels' integration office).
      const wording = withoutPersonalData(named ? withoutPlace(message, named.text) : message) || message;
      const turn = await retrieveForTurn({
        retriever: deps.retriever, message: wording, lang, region, municipality: effectiveTenant?.slug ?? null, state, minConfidence: deps.minConfidence,
      });
      const { retrieval } = turn;
      query = turn.query;
      // Procedures of another country are out of scope even when the words match a Belgian card, and a
      // request to see someone's file is for a person, never for retrieved text.
      const declined = retrieval.concepts.some((c) => c.intent === 'decline');
      const confidence = declined ? 0 : asksAboutAnotherCountry(message) ? retrieval.confidence * 0.5 : retrieval.confidence;
      placeKey = mention ? (placeTenant ? `${region}|${placeTenant.slug}` : region !== tenant.region ? region : null) : null;
      const top = retrieval.results[0];
      if (!top || confidence < deps.minConfidence) {
        const unknown = deps.composer.unknown(lang, tenant);
        result = {
          language: lang, answer: unknown.text, answered: false, topic: null, sources: [],
          actors: unknown.actors.map((a) => toActorRef(a, tenant, lang)), handover: { offered: true },
        };
        trace = { cardIds: retrieval.results.map((r) => r.card.id), confidence, region, mode: 'unknown', results: retrieval.results };
      } else {
        const place = placeOf(effectiveTenant, region);
        const namedPlace = mention && (placeTenant || region !== tenant.region) ? mention.text : null;
        const composed = deps.composer.compose({
          card: top.card, lang, place, placeName: effectiveTenant?.name ?? null, namedPlace, question: message, concepts: retrieval.concepts,
        });
        let answer = composed.text;
        let mode: ChatTrace['mode'] = 'extractive';
        if (deps.llm) {
          const generated = await deps.llm.generate({ question: message, language: composed.language, card: top.card, extractive: composed.text, actors: composed.actors });
          if (generated) {
            answer = generated;
            mode = 'llm';
          }
        }
        const actors = composed.actors.filter((a) => actorLevel(a, place) !== null);
        result = {
          language: composed.language, answer, answered: true, topic: top.card.topic as Topic, sources: composed.sources,
          actors: actors.map((a) => toActorRef(a, effectiveTenant, composed.language)), handover: { offered: false },
        };
        lang = composed.language;
        trace = { cardIds: retrieval.results.map((r) => r.card.id), confidence, region, mode, results: retrieval.results };
      }
    }
    if (prefix) result.answer = prefix + result.answer;
    // A question re-sent after a dropped connection gets its answer again, but is stored only once.
    const already = request.clientMessageId ? deps.store.answeredClientMessage(conversationId, request.clientMessageId) : null;
    if (already !== null) return { conversationId, messageId: already, ...result, trace };
    const messageId = deps.store.recordExchange({
      conversationId, tenant: tenant.slug, question: message, answer: result.answer, language: lang, topic: result.topic,
      cardId: trace.cardIds[0] && result.answered && trace.mode !== 'small-talk' ? trace.cardIds[0] : null,
      sources: result.sources, actors: result.actors.map((a) => a.id), confidence: trace.confidence, answered: result.answered, mode: trace.mode,
      query: result.answered ? query : null, place: placeKey, clientMessageId: request.clientMessageId ?? null,
    });
    return { conversationId, messageId, ...result, trace };
  }

  return { ask, resolveTenant };
}

export type ChatService = ReturnType<typeof createChatService>;
