import type { ConversationState } from '../../server/src/conversations/conversation-store';
import type { Tenant } from '../../server/src/knowledge/knowledge-types';
import type { Card } from '../../server/src/knowledge/knowledge-types';
import type { Language } from '../../server/src/language/languages';
import { createTurnContext, type TurnContext } from '../../server/src/turn/turn-context';

// Small stand-ins for the turn steps' tests: each step is tested on its own, with only what it reads.
export const GENK: Tenant = {
  slug: 'genk', nis: '71016', name: 'Genk', names: { nl: 'Genk' }, region: 'flanders', province: 'limburg', lat: 50.96, lon: 5.5,
  demo: true, welcome: null, allowedOrigins: [], aliases: [],
};

export function context(message: string, opts: { state?: Partial<ConversationState> | null; tenant?: Tenant; lang?: Language } = {}): TurnContext {
  const state = opts.state === undefined || opts.state === null ? null : {
    id: 'c1', tenant: 'genk', language: 'en', lastQuestion: null, lastCardId: null, lastTopic: null, lastQuery: null, lastPlace: null, lastMode: null, ...opts.state,
  };
  const ctx = createTurnContext({ request: { message }, message, tenant: opts.tenant ?? GENK, conversationId: 'c1', state });
  if (opts.lang) ctx.language = { lang: opts.lang, detection: { language: opts.lang, source: 'script', unsupported: null }, hint: null, previous: null, note: null, searchLangs: [opts.lang] };
  return ctx;
}

export function card(id: string, topic = 'health', extra: Partial<Card> = {}): Card {
  return {
    id, topic: topic as Card['topic'], regions: ['all'], municipalities: [], concepts: [], weight: 1, actors: [], complete: false,
    reviewed: '2026-12-01', sources: [{ title: 'src', url: 'https://example.org/' }], translations: { en: { status: 'source', by: null, on: null } }, dir: `/cards/${topic}/${id}`,
    texts: { en: { lang: 'en', title: id, questions: [], summary: `About ${id}.`, steps: ['Step one.'], closing: [], body: `About ${id}.` } },
    ...extra,
  };
}
