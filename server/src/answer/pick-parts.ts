import type { Card, CardText } from '../knowledge/knowledge-types';
import type { FACETS } from '../knowledge/schemas';
import { tokenize, tokensMatch } from '../retrieval/text-normalize';
import { stemmerFor } from './word-stems';

export type CardFacet = (typeof FACETS)[number];

export interface CardPart {
  kind: 'summary' | 'step' | 'closing';
  text: string;
  facets: CardFacet[];
}

export interface PickedParts {
  /** What the answer shows first: the part that answers the question, then a few more. */
  lead: CardPart[];
  /** The rest of the card, behind "more". */
  more: CardPart[];
}

// The first screen of an answer on a phone (issue 10: "averages at most 500 characters").
export const FIRST_SCREEN_CHARS = 420;
const MAX_MORE_STEPS = 3;
/** Share of the question's words beyond the summary that a step must hold to lead the answer. */
const STRONG_MATCH = 0.5;

/** The card text as parts, with the facets card.md gives them (the same for every language). */
export function partsOf(card: Card, text: CardText): CardPart[] {
  const tags = card.parts;
  return [
    { kind: 'summary', text: text.summary, facets: tags?.summary ?? ['what'] },
    ...text.steps.map((s, i) => ({ kind: 'step' as const, text: s, facets: tags?.steps[i] ?? [] })),
    ...text.closing.map((c, i) => ({ kind: 'closing' as const, text: c, facets: tags?.closing[i] ?? [] })),
  ];
}

/** How rare a word is across the cards (IDF); words in about a third of the cards or more say nothing. */
export type WordWeight = (token: string) => number;
const MIN_WEIGHT = 1;

/** The text without link targets and web addresses: "info-ukraine.be" says where to look, not what it is about. */
function linkless(text: string): string {
  return text.replace(/\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\b(?:https?:\/\/)?[\w.-]+\.(?:be|eu|org|com|net|brussels)\b\S*/g, ' ');
}

/** Whether a question word and a card word are the same word: equal, a prefix form, or one Snowball stem. */
type SameWord = (questionToken: string, partToken: string) => boolean;
function sameWordIn(lang: string | undefined): SameWord {
  const stem = stemmerFor(lang ?? '');
  return (q, p) => {
    if (tokensMatch(q, p)) return true;
    const a = stem(q);
    return a !== null && a === stem(p);
  };
}

/** How much of the question's informative words a part contains (0..1), weighted by rarity. */
function overlap(questionTokens: string[], part: CardPart, weight: WordWeight, same: SameWord): number {
  const partTokens = tokenize(linkless(part.text));
  let hit = 0;
  let total = 0;
  for (const q of questionTokens) {
    const w = weight(q);
    if (w < MIN_WEIGHT) continue;
    total += w;
    if (partTokens.some((p) => same(q, p))) hit += w;
  }
  return total ? hit / total : 0;
}

/**
 * The parts that answer the question (issue 10). A first answer is the summary, the part that answers the
 * asked facet (or shares most of the question's words), and at most three more steps within one phone
 * screen. A follow-up gets only the parts of its facet, never the whole card again.
 */
export function pickParts(parts: CardPart[], input: { question: string; facet: CardFacet | null; followUp: boolean; weight?: WordWeight; lang?: string }): PickedParts {
  const words = [...new Set(tokenize(input.question).filter((t) => t.length >= 3))];
  const weight = input.weight ?? (() => MIN_WEIGHT);
  const same = sameWordIn(input.lang);
  // The question's own rare words are the strongest evidence. On a first question the facet model's guess is
  // right about 60 % of the time, so it weighs about a third of the question's words (at 0.6 it outweighed
  // them: "enceinte de 3 mois… la prime ?" got the school-start premium because the guess was "who"; 0.1, 0.3
  // and 0.6 were compared on the gold set, and the blind test's must-include did not move between them).
  // A follow-up's facet decides more (its words are few: "and at night?").
  const facetWeight = input.followUp ? 2 : 0.3;
  // A first answer always shows the summary, so the step to add is the one that covers the question's words
  // the summary does not ("…Ukraine… integration classes?": the integration step, not a step that merely
  // names Ukraine again).
  const summaryTokens = tokenize(linkless(parts[0]?.text ?? ''));
  const beyondSummary = input.followUp ? words : words.filter((w) => !summaryTokens.some((t) => same(w, t)));
  const score = (p: CardPart, ws = words) => (input.facet && p.facets.includes(input.facet) ? facetWeight : 0) + overlap(ws, p, weight, same);
  const body = parts.filter((p) => p.kind !== 'summary');
  const ranked = [...body].sort((a, b) => score(b, beyondSummary) - score(a, beyondSummary));

  if (input.followUp) {
    // The summary may itself be the answer ("how much does it cost?" when the summary says it is free).
    const all = [...parts].sort((a, b) => score(b) - score(a));
    const matching = input.facet ? all.filter((p) => p.facets.includes(input.facet!)) : [];
    const candidates = matching.length ? matching : all[0] && score(all[0]) > 0 ? [all[0]] : parts.slice(0, 1);
    // The best part always; more parts of the facet while they fit on one screen.
    const lead = candidates.slice(0, 1);
    let used = lead[0].text.length;
    for (const p of candidates.slice(1, MAX_MORE_STEPS)) {
      if (used + p.text.length > FIRST_SCREEN_CHARS) break;
      lead.push(p);
      used += p.text.length;
    }
    lead.sort((a, b) => parts.indexOf(a) - parts.indexOf(b));
    return { lead, more: parts.filter((p) => !lead.includes(p)) };
  }

  const summary = parts[0];
  // When no step holds a word the summary lacks ("какие кассы детских пособий есть в Льеже?": the summary names
  // the funds' kind), the step that shares the question's words with it is still the likeliest answer (the list
  // of the funds), rather than none. Sorted only then: each score reads the part's words again.
  const byAll = () => [...body].sort((a, b) => score(b) - score(a)).find((p) => score(p) > 0) ?? null;
  const best = ranked[0] && score(ranked[0], beyondSummary) > 0 ? ranked[0] : byAll();
  // Further steps in the card's order, while they fit on the first screen.
  const others: CardPart[] = [];
  let used = summary.text.length + (best?.text.length ?? 0);
  for (const p of body) {
    if (others.length >= MAX_MORE_STEPS || p.kind !== 'step' || p === best) continue;
    if (used + p.text.length > FIRST_SCREEN_CHARS) break;
    others.push(p);
    used += p.text.length;
  }
  const order = new Map(parts.map((p, i) => [p, i]));
  others.sort((a, b) => order.get(a)! - order.get(b)!);
  // The answer leads with the part that answers the question (issue 10): a step that clearly matches the
  // question's own words comes before the summary; a weaker match comes right after it. The rest keep the
  // card's order, so that steps still read as a procedure.
  // A one-word question ("inschrijven") names a subject, and the summary introduces it: a step that shares the
  // word ("after your registration…") comes second, not first.
  const informative = words.filter((w) => weight(w) >= MIN_WEIGHT).length;
  const strong = !!best && informative >= 2 && overlap(beyondSummary, best, weight, same) >= STRONG_MATCH;
  const lead = best ? (strong ? [best, summary, ...others] : [summary, best, ...others]) : [summary, ...others];
  return { lead, more: parts.filter((p) => !lead.includes(p)) };
}

/** Facets of a follow-up (the facet model's words) in the card's terms. */
export function cardFacetOf(facet: string | null | undefined): CardFacet | null {
  switch (facet) {
    case 'cost': case 'documents': case 'deadline': case 'hours': case 'where':
      return facet;
    case 'eligible': case 'children':
      return 'who';
    default:
      return null;
  }
}

/**
 * The card facet a follow-up asks about. "And in Ghent?" (another place) asks where: the same card's local
 * parts and the organisations and courses of the new place, not the card's summary again.
 */
export function followUpCardFacet(facet: string | null | undefined): CardFacet | null {
  return facet === 'another-place' ? 'where' : cardFacetOf(facet);
}

/** Whether any part of the card is tagged with the facet (the tags are the same in every language). */
export function cardHasFacet(card: Pick<Card, 'parts'>, facet: CardFacet): boolean {
  const tags = card.parts;
  if (!tags) return false;
  return [tags.summary, ...tags.steps, ...tags.closing].some((f) => f.includes(facet));
}
