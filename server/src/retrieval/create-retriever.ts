import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Card } from '../knowledge/knowledge-types';
import type { Region } from '../knowledge/schemas';
import type { Language } from '../language/languages';
import type { ConceptMatch, GlossaryMatcher } from './glossary-matcher';
import type { LexicalIndex } from './lexical-index';
import type { TermStats } from './term-stats';
import { tokenize } from './text-normalize';
import type { VectorIndex } from './vector-index';

export interface RetrieveInput {
  query: string;
  lang: Language;
  region: Region;
  municipality?: string | null;
  limit?: number;
  /** Cards to score whatever their rank (the question model's candidates), so that fusion sees their signals. */
  include?: readonly string[];
}

export interface Signals {
  lexical: number;
  vector: number;
  coverage: number;
  concepts: number;
}

export interface RetrievedCard {
  card: Card;
  score: number;
  signals: Signals;
}

export interface RetrievalResult {
  results: RetrievedCard[];
  /** 0..1: how sure we are that the first card answers the question. */
  confidence: number;
  concepts: ConceptMatch[];
}

export interface Retriever {
  retrieve(input: RetrieveInput): Promise<RetrievalResult>;
  applicableCards(region: Region, municipality?: string | null): ReadonlySet<string>;
}

export interface RetrieverDeps {
  cards: Card[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
  embeddings: EmbeddingsInterface;
  glossary: GlossaryMatcher;
  stats: TermStats;
  /** Retrievals kept for repeated questions (quick-topic chips, common wordings); 0 turns it off. */
  cacheSize?: number;
}

const RRF_K = 60;
const clamp = (x: number) => Math.max(0, Math.min(1, x));
// Weights chosen on the eval gold sets (docs/evals.md): coverage, vector similarity, concepts.
const W = [0.4, 0.3, 0.3];

/**
 * How strongly a card's own content supports the question, 0..1: the IDF-weighted share of the question's
 * words found in the card, the best vector similarity, and glossary concepts (saturating).
 */
function evidenceOf(s: Signals): number {
  return clamp(W[0] * s.coverage + W[1] * clamp((s.vector - 0.1) / 0.6) + W[2] * (1 - Math.exp(-2 * s.concepts)));
}

/** Fuses BM25, ANN and glossary concepts over the cards valid where the person lives. */
export function createRetriever(deps: RetrieverDeps): Retriever {
  const byId = new Map(deps.cards.map((c) => [c.id, c]));
  const applicableCache = new Map<string, ReadonlySet<string>>();

  function applicableCards(region: Region, municipality?: string | null): ReadonlySet<string> {
    const key = `${region}|${municipality ?? ''}`;
    let set = applicableCache.get(key);
    if (!set) {
      set = new Set(
        deps.cards
          .filter((c) => c.regions.includes('all') || c.regions.includes(region))
          .filter((c) => !c.municipalities.length || (municipality != null && c.municipalities.includes(municipality)))
          .map((c) => c.id),
      );
      applicableCache.set(key, set);
    }
    return set;
  }

  const cacheSize = deps.cacheSize ?? 2000;
  const cache = new Map<string, RetrievalResult>();

  async function retrieve(input: RetrieveInput): Promise<RetrievalResult> {
    const key = `${input.lang}|${input.region}|${input.municipality ?? ''}|${input.limit ?? 5}|${input.include?.join(',') ?? ''}|${input.query}`;
    const cached = cache.get(key);
    if (cached) {
      // Refresh its place so the cache evicts the least recently used entry.
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const result = await retrieveUncached(input);
    if (cacheSize > 0) {
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return result;
  }

  async function retrieveUncached(input: RetrieveInput): Promise<RetrievalResult> {
    const allowed = applicableCards(input.region, input.municipality);
    const prepared = deps.stats.prepare(tokenize(input.query));
    const gramHits = deps.lexical.queryGrams(input.query, allowed, input.lang);
    const [lexHits, vecHits] = await Promise.all([
      Promise.resolve(deps.lexical.query(input.query, allowed, input.lang)),
      deps.embeddings.embedQuery(input.query).then((v) => deps.vectors.query(v, allowed, input.lang)),
    ]);
    const concepts = deps.glossary.match(input.query);
    const conceptScore = new Map<string, number>();
    for (const c of concepts) {
      for (const id of deps.glossary.cardsFor(c.id)) {
        if (allowed.has(id)) conceptScore.set(id, (conceptScore.get(id) ?? 0) + c.weight);
      }
    }
    const glossRanked = [...conceptScore.entries()].sort((a, b) => b[1] - a[1]);

    const rrf = new Map<string, number>();
    const addRanks = (ids: string[]) => ids.forEach((id, rank) => rrf.set(id, (rrf.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
    addRanks(lexHits.map((h) => h.cardId));
    addRanks(gramHits.map((h) => h.cardId));
    addRanks(vecHits.map((h) => h.cardId));
    addRanks(glossRanked.map(([id]) => id));

    const lexById = new Map(lexHits.map((h) => [h.cardId, h.score]));
    const vecById = new Map(vecHits.map((h) => [h.cardId, h.similarity]));
    const topLex = lexHits[0]?.score ?? 0;

    // Only the best-fused candidates get the costlier per-card signals, plus every card a glossary concept
    // points to: a concept match is strong evidence even when the wording shares little with the card.
    const top = [...rrf.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16);
    const seen = new Set(top.map(([id]) => id));
    const candidates = [...top, ...glossRanked.filter(([id]) => !seen.has(id)).slice(0, 16).map(([id]) => [id, rrf.get(id) ?? 0] as [string, number])];
    for (const id of input.include ?? []) {
      if (allowed.has(id) && !candidates.some(([c]) => c === id)) candidates.push([id, rrf.get(id) ?? 0]);
    }
    const results: RetrievedCard[] = [];
    for (const [id, fused] of candidates) {
      const card = byId.get(id);
      if (!card) continue;
      const signals: Signals = {
        lexical: topLex ? (lexById.get(id) ?? 0) / topLex : 0,
        vector: vecById.get(id) ?? 0,
        coverage: deps.stats.coverage(prepared, id),
        concepts: conceptScore.get(id) ?? 0,
      };
      const evidence = evidenceOf(signals);
      const local = card.municipalities.length && input.municipality && card.municipalities.includes(input.municipality) ? 0.05 : 0;
      const score = (evidence + 6 * fused + 0.1 * signals.lexical + local) * card.weight;
      results.push({ card, score, signals });
    }
    results.sort((a, b) => b.score - a.score);
    const confidence = results[0] ? evidenceOf(results[0].signals) : 0;
    const limit = input.limit ?? 5;
    // Included cards stay in the result (after the ranked ones) whatever their rank.
    const kept = [...results.slice(0, limit), ...results.slice(limit).filter((r) => input.include?.includes(r.card.id))];
    return { results: kept, confidence, concepts };
  }

  return { retrieve, applicableCards };
}
