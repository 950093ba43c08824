import type { Card } from '../knowledge/knowledge-types';
import type { GlossaryConcept } from '../knowledge/schemas';
import { tokenize, tokensMatch, tokenVariants } from './text-normalize';

export interface ConceptMatch {
  id: string;
  term: string;
  /** Rarer concepts (linked to fewer cards) are more telling. */
  weight: number;
  intent?: 'decline';
}

interface Term {
  intent?: 'decline';
  conceptId: string;
  text: string;
  tokens: string[];
}

/**
 * Maps the words of a question to glossary concepts in any language, and concepts to cards.
 * "ziekenfonds", "mutuelle" and "صندوق التأمين الصحي" all land on one concept.
 */
export class GlossaryMatcher {
  private readonly byPrefix = new Map<string, Term[]>();
  private readonly cardsByConcept = new Map<string, string[]>();

  constructor(concepts: GlossaryConcept[], cards: Card[]) {
    for (const card of cards) {
      for (const c of card.concepts) this.cardsByConcept.set(c, [...(this.cardsByConcept.get(c) ?? []), card.id]);
    }
    for (const concept of concepts) {
      for (const list of Object.values(concept.terms)) {
        for (const text of list ?? []) {
          const tokens = tokenize(text);
          if (!tokens.length) continue;
          const key = tokens[0].slice(0, 3);
          this.byPrefix.set(key, [...(this.byPrefix.get(key) ?? []), { conceptId: concept.id, text, tokens, intent: concept.intent }]);
        }
      }
    }
  }

  cardsFor(conceptId: string): string[] {
    return this.cardsByConcept.get(conceptId) ?? [];
  }

  match(query: string): ConceptMatch[] {
    const tokens = tokenize(query);
    const found = new Map<string, ConceptMatch>();
    for (let i = 0; i < tokens.length; i++) {
      const candidates = new Set<Term>();
      // Terms are filed under their first three letters; a query word can only match terms filed
      // under its own first letters (or those of the word without its Arabic particle).
      for (const variant of tokenVariants(tokens[i])) {
        for (const t of this.byPrefix.get(variant.slice(0, 3)) ?? []) candidates.add(t);
      }
      for (const term of candidates) {
        if (i + term.tokens.length > tokens.length) continue;
        if (!term.tokens.every((tt, j) => tokensMatch(tokens[i + j], tt))) continue;
        const linked = this.cardsFor(term.conceptId).length;
        // Longer terms are more specific; concepts shared by many cards say less.
        const weight = (1 + 0.5 * (term.tokens.length - 1)) / Math.log2(2 + linked);
        const prev = found.get(term.conceptId);
        if (!prev || weight > prev.weight) found.set(term.conceptId, { id: term.conceptId, term: term.text, weight, ...(term.intent ? { intent: term.intent } : {}) });
      }
    }
    return [...found.values()];
  }
}
