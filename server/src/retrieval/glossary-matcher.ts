import type { Card } from '../knowledge/knowledge-types';
import type { GlossaryConcept } from '../knowledge/schemas';
import { tokenize, tokensMatch } from './text-normalize';

export interface ConceptMatch {
  id: string;
  term: string;
  /** Rarer concepts (linked to fewer cards) are more telling. */
  weight: number;
}

interface Term {
  conceptId: string;
  text: string;
  tokens: string[];
}

/**
 * Maps the words of a question to glossary concepts in any language, and concepts to cards.
 * "ziekenfonds", "mutuelle" and "صندوق التأمين الصحي" all land on one concept.
 */
export class GlossaryMatcher {
  private readonly byFirstChar = new Map<string, Term[]>();
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
          const key = tokens[0].slice(0, 1);
          this.byFirstChar.set(key, [...(this.byFirstChar.get(key) ?? []), { conceptId: concept.id, text, tokens }]);
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
      for (const key of new Set([tokens[i].slice(0, 1), ...arabicStripped(tokens[i])])) {
        for (const t of this.byFirstChar.get(key) ?? []) candidates.add(t);
      }
      for (const term of candidates) {
        if (i + term.tokens.length > tokens.length) continue;
        if (!term.tokens.every((tt, j) => tokensMatch(tokens[i + j], tt))) continue;
        const linked = this.cardsFor(term.conceptId).length;
        // Longer terms are more specific; concepts shared by many cards say less.
        const weight = (1 + 0.5 * (term.tokens.length - 1)) / Math.log2(2 + linked);
        const prev = found.get(term.conceptId);
        if (!prev || weight > prev.weight) found.set(term.conceptId, { id: term.conceptId, term: term.text, weight });
      }
    }
    return [...found.values()];
  }
}

function arabicStripped(token: string): string[] {
  const out: string[] = [];
  for (const p of ['وال', 'بال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف']) {
    if (token.startsWith(p) && token.length - p.length >= 3) out.push(token.slice(p.length, p.length + 1));
  }
  return out;
}
