import type { Card } from '../knowledge/knowledge-types';
import { tokenize, tokenVariants } from './text-normalize';

const STEM = 5;
/** About one content word's worth of IDF; below it a query is mostly function words. */
const INFORMATIVE_IDF = 3;

function keys(token: string): string[] {
  return tokenVariants(token).flatMap((t) => (t.length >= STEM ? [t, `~${t.slice(0, STEM)}`] : [t]));
}

/**
 * Per-card vocabulary (all languages together, so code-mixed questions still meet their card) with
 * document frequencies. It yields the coverage signal: how much of the question's informative
 * wording a card actually contains.
 */
export class TermStats {
  private readonly vocab = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly n: number;

  constructor(cards: Card[]) {
    for (const card of cards) {
      const set = new Set<string>();
      for (const text of Object.values(card.texts)) {
        if (!text) continue;
        const all = [text.title, ...text.questions, text.summary, ...text.steps, ...text.closing].join(' ');
        for (const token of tokenize(all)) for (const k of keys(token)) set.add(k);
      }
      this.vocab.set(card.id, set);
      for (const k of set) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    }
    this.n = Math.max(cards.length, 1);
  }

  idf(token: string): number {
    const df = Math.max(this.df.get(token) ?? 0, this.df.get(`~${token.slice(0, STEM)}`) ?? 0);
    return Math.log((this.n - df + 0.5) / (df + 0.5) + 1);
  }


  /** Works out each query token's keys and weight once, for scoring many cards. */
  prepare(tokens: string[]): PreparedQuery {
    // Numbers say nothing about the topic (and pasted phone numbers would count as unmatched words).
    const unique = [...new Set(tokens)].filter((t) => !/^\d+$/.test(t));
    const keyLists = unique.map((t) => keys(t));
    const weights = unique.map((t) => this.idf(t));
    return { keyLists, weights, total: weights.reduce((a, b) => a + b, 0) };
  }

  /**
   * IDF-weighted share of the query's tokens found in the card, 0..1, scaled down when the query has
   * hardly any informative word at all ("and in …?" is fully "covered" by any card, and means nothing).
   */
  coverage(query: PreparedQuery, cardId: string): number {
    const vocab = this.vocab.get(cardId);
    if (!vocab || !query.total) return 0;
    let hit = 0;
    query.keyLists.forEach((list, i) => {
      if (list.some((k) => vocab.has(k))) hit += query.weights[i];
    });
    return (hit / query.total) * Math.min(1, query.total / INFORMATIVE_IDF);
  }
}

export interface PreparedQuery {
  keyLists: string[][];
  weights: number[];
  total: number;
}
