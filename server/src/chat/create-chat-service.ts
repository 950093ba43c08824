import crypto from 'node:crypto';
import { actorLevel, placeOf } from '../actors/select-actors';
import { CANNED, UNSUPPORTED_NOTE } from '../answer/canned-messages';
import type { Composer } from '../answer/create-composer';
import type { LlmComposer } from '../answer/llm-composer';
import { smallTalk } from '../answer/small-talk';
import type { ConversationState, ConversationStore } from '../conversations/conversation-store';
import { withoutPersonalData } from '../conversations/redact';
import { AppError } from '../errors';
import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor, Region } from '../knowledge/schemas';
import type { LanguageDetector } from '../language/detect-language';
import { answerFallbackLanguage, isSupportedLanguage, type Language } from '../language/languages';
import type { RetrievalResult, Retriever } from '../retrieval/create-retriever';
import type { TenantRegistry } from '../tenants/tenant-registry';
import { asksAboutAnotherCountry } from '../tenants/foreign-places';
import { isFollowUp, retrieveForTurn } from './retrieve-for-turn';
import { tokenize } from '../retrieval/text-normalize';
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
  return message.replace(place, ' ').replace(/\s+/g, ' ').trim();
}

type Answer = Omit<ChatResponse, 'conversationId' | 'messageId'>;

/** One turn's outcome before it is stored. */
interface Turn {
  result: Answer;
  trace: ChatTrace;
  lang: Language;
  /** The retrieval query behind an answer (follow-ups build on it). */
  query: string | null;
  /** "region" or "region|slug" when the answer is about a place the person named. */
  placeKey: string | null;
}

const menu = (lang: Language, region: Region): Turn => ({
  result: { language: lang, answer: CANNED[lang].greeting, answered: true, topic: null, sources: [], actors: [], handover: { offered: false } },
  trace: { cardIds: [], confidence: 1, region, mode: 'small-talk' },
  lang, query: null, placeKey: null,
});

export function createChatService(deps: ChatServiceDeps) {
  function resolveTenant(key: string | undefined): Tenant {
    const tenant = deps.tenants.resolve(key ?? deps.defaultTenant);
    if (!tenant) throw new AppError('unknown_tenant', `Unknown municipality "${key}".`);
    return tenant;
  }

  async function answerQuestion(message: string, tenant: Tenant, lang: Language, state: ConversationState | null, searchLangs: Language[] = [lang]): Promise<Turn> {
    // A place named now wins; a short follow-up keeps the place of the previous answer.
    const named = deps.tenants.findPlace(message);
    const carried = !named && isFollowUp(message, state) && state?.lastPlace ? deps.tenants.placeFromKey(state.lastPlace) : null;
    const mention = named ?? carried;
    // "Brussels" said by someone in Schaerbeek means the region, not the City of Brussels' own services.
    const placeTenant = mention?.tenant && mention.tenant.slug !== tenant.slug && !(mention.tenant.slug === 'brussels' && tenant.region === 'brussels') ? mention.tenant : null;
    const region: Region = mention ? mention.region : tenant.region;
    const effectiveTenant = placeTenant ?? (region === tenant.region ? tenant : null);
    const placeKey = mention ? (placeTenant ? `${region}|${placeTenant.slug}` : region !== tenant.region ? region : null) : null;

    // The place steers the region filter; left in the wording it would pull towards cards that merely
    // name that city ("and in Brussels?" is not about Brussels' integration office). Personal numbers go too.
    const wording = withoutPersonalData(named ? withoutPlace(message, named.text) : message);
    // Only a place name (or only a phone number), with nothing before it to follow up: say what we can do.
    if (!tokenize(wording).length && !state?.lastQuery) return menu(lang, region);

    let best: Awaited<ReturnType<typeof retrieveForTurn>> | null = null;
    for (const searchLang of searchLangs) {
      const found = await retrieveForTurn({
        retriever: deps.retriever, message: wording || message, lang: searchLang, region, municipality: effectiveTenant?.slug ?? null, state, minConfidence: deps.minConfidence,
      });
      if (!best || found.retrieval.confidence > best.retrieval.confidence) best = found;
    }
    const { retrieval, query } = best!;
    // Procedures of another country are out of scope even when the words match a Belgian card, and a
    // request to see someone's file (or a subject we do not cover) is for a person, never for card text.
    const declined = retrieval.concepts.some((c) => c.intent === 'decline');
    const confidence = declined ? 0 : asksAboutAnotherCountry(message) ? retrieval.confidence * 0.5 : retrieval.confidence;
    const trace: ChatTrace = { cardIds: retrieval.results.map((r) => r.card.id), confidence, region, mode: 'unknown', results: retrieval.results };
    const top = retrieval.results[0];
    if (!top || confidence < deps.minConfidence) {
      const unknown = deps.composer.unknown(lang, tenant);
      const result: Answer = {
        language: lang, answer: unknown.text, answered: false, topic: null, sources: [],
        actors: unknown.actors.map((a) => toActorRef(a, tenant, lang)), handover: { offered: true },
      };
      return { result, trace, lang, query: null, placeKey };
    }

    const place = placeOf(effectiveTenant, region);
    const namedPlace = mention && (placeTenant || region !== tenant.region) ? mention.text : null;
    const composed = deps.composer.compose({
      card: top.card, lang, place, placeName: effectiveTenant?.name ?? null, namedPlace, question: message, concepts: retrieval.concepts,
    });
    let answer = composed.text;
    trace.mode = 'extractive';
    if (deps.llm) {
      const generated = await deps.llm.generate({ question: message, language: composed.language, card: top.card, extractive: composed.text, actors: composed.actors });
      if (generated) {
        answer = generated;
        trace.mode = 'llm';
      }
    }
    const actors = composed.actors.filter((a) => actorLevel(a, place) !== null);
    const result: Answer = {
      language: composed.language, answer, answered: true, topic: top.card.topic as Topic, sources: composed.sources,
      actors: actors.map((a) => toActorRef(a, effectiveTenant, composed.language)), handover: { offered: false },
    };
    return { result, trace, lang: composed.language, query, placeKey };
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
      lang = answerFallbackLanguage(tenant.region);
      const note = UNSUPPORTED_NOTE[detection.unsupported];
      if (note) prefix = `${note[lang as 'en' | 'fr']}\n\n`;
    }

    let turn: Turn;
    const talk = smallTalk(message);
    if (talk) {
      const replyLang = talk.langs.includes(lang) || !talk.langs.length || previous ? lang : talk.langs.includes(hint as Language) ? (hint as Language) : talk.langs[0];
      turn = menu(replyLang, tenant.region);
      turn.result.answer = CANNED[replyLang][talk.kind];
    } else {
      // A language we do not answer in is still searched: its words are closest to these languages' cards.
      const searchLangs: Language[] = detection.unsupported ? [...new Set<Language>([lang, 'es', 'fr', 'en', 'ro'])] : [lang];
      turn = await answerQuestion(message, tenant, lang, state, searchLangs);
    }
    const { result, trace } = turn;
    if (prefix) result.answer = prefix + result.answer;

    // A question re-sent after a dropped connection gets its answer again, but is stored only once.
    const already = request.clientMessageId ? deps.store.answeredClientMessage(conversationId, request.clientMessageId) : null;
    if (already !== null) return { conversationId, messageId: already, ...result, trace };
    const messageId = deps.store.recordExchange({
      conversationId, tenant: tenant.slug, question: message, answer: result.answer, language: turn.lang, topic: result.topic,
      cardId: trace.cardIds[0] && result.answered && trace.mode !== 'small-talk' ? trace.cardIds[0] : null,
      sources: result.sources, actors: result.actors.map((a) => a.id), confidence: trace.confidence, answered: result.answered, mode: trace.mode,
      query: result.answered ? turn.query : null, place: turn.placeKey, clientMessageId: request.clientMessageId ?? null,
    });
    return { conversationId, messageId, ...result, trace };
  }

  return { ask, resolveTenant };
}

export type ChatService = ReturnType<typeof createChatService>;
