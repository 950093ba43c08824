import type { GlossaryConcept } from '../knowledge/schemas';
import { canTransliterate, toLatin } from '../language/transliterate';
import { tokenize } from '../retrieval/text-normalize';
import type { TrainingLine } from './training-corpus';

// Augmentation by code at training time (issue 9): typos, the Belgian administrative word in place of the
// person's own ("my ziekenfonds" for "my health insurance"), and the two or three words a hurried person
// types. Accents and case are already folded away by modelText, so they need no copies.

/** mulberry32: small, fast and seedable, so that every training run sees the same copies. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)];

/** One or two slips of the thumb: a letter dropped, doubled, swapped or replaced by a neighbour's. */
export function withTypos(text: string, rnd: () => number): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => [...w].length >= 4);
  if (!long.length) return text;
  const edits = 1 + Math.floor(rnd() * 2);
  for (let e = 0; e < edits; e++) {
    const [, i] = pick(long, rnd);
    const chars = [...words[i]];
    const at = 1 + Math.floor(rnd() * (chars.length - 2));
    const op = Math.floor(rnd() * 4);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, chars[at]);
    else if (op === 2) [chars[at], chars[at + 1]] = [chars[at + 1] ?? chars[at], chars[at]];
    else chars[at] = chars[Math.floor(rnd() * chars.length)];
    words[i] = chars.join('');
  }
  return words.join(' ');
}

interface Term { concept: string; tokens: string[] }

/** Swaps a glossary term for the same concept's term in Dutch, French or English, as newcomers do. */
export function createCodeMixer(glossary: GlossaryConcept[]) {
  const byLang = new Map<string, Map<string, Term[]>>();
  const borrowed = new Map<string, string[][]>();
  for (const concept of glossary) {
    if (concept.intent) continue;
    for (const [lang, terms] of Object.entries(concept.terms)) {
      const index = byLang.get(lang) ?? new Map<string, Term[]>();
      byLang.set(lang, index);
      for (const term of terms ?? []) {
        const tokens = tokenize(term);
        if (!tokens.length) continue;
        index.set(tokens[0], [...(index.get(tokens[0]) ?? []), { concept: concept.id, tokens }]);
        if (['nl', 'fr', 'en'].includes(lang)) borrowed.set(concept.id, [...(borrowed.get(concept.id) ?? []), tokens]);
      }
    }
  }
  return function codeMix(text: string, lang: string, rnd: () => number): string | null {
    const index = byLang.get(lang);
    if (!index) return null;
    const words = text.split(' ');
    for (let i = 0; i < words.length; i++) {
      for (const term of index.get(words[i]) ?? []) {
        if (!term.tokens.every((t, j) => words[i + j] === t)) continue;
        const options = (borrowed.get(term.concept) ?? []).filter((b) => b.join(' ') !== term.tokens.join(' '));
        if (!options.length) continue;
        return [...words.slice(0, i), ...pick(options, rnd), ...words.slice(i + term.tokens.length)].join(' ');
      }
    }
    return null;
  };
}

/** The rarest two or three words, in their order: "ziekenfonds inschrijven gent". */
export function shortened(text: string, docFreq: ReadonlyMap<string, number>, rnd: () => number): string | null {
  const words = text.split(' ');
  if (words.length < 4) return null;
  const keep = 2 + Math.floor(rnd() * 2);
  const ranked = words.map((w, i) => ({ w, i, df: docFreq.get(w) ?? 0 })).sort((a, b) => a.df - b.df).slice(0, keep).sort((a, b) => a.i - b.i);
  return ranked.map((r) => r.w).join(' ');
}

/** The training lines plus their copies; dev lines are never copied (they measure, they do not teach). */
export function augment(lines: TrainingLine[], glossary: GlossaryConcept[], seed: number): { label: string; text: string }[] {
  const rnd = seededRandom(seed);
  const codeMix = createCodeMixer(glossary);
  const docFreq = new Map<string, number>();
  for (const l of lines) for (const w of new Set(l.text.split(' '))) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  const out: { label: string; text: string }[] = [];
  for (const l of lines) {
    if (l.dev) continue;
    out.push({ label: l.label, text: l.text });
    out.push({ label: l.label, text: withTypos(l.text, rnd) });
    const mixed = codeMix(l.text, l.lang, rnd);
    if (mixed) out.push({ label: l.label, text: mixed });
    if (rnd() < 0.35) {
      const short = shortened(l.text, docFreq, rnd);
      if (short) out.push({ label: l.label, text: short });
    }
  }
  return out;
}

/**
 * A Latin-letter copy of each line written in Cyrillic or Ge'ez ("mama ne mozhe hovoryty"), as people type
 * without their own keyboard. Dev lines are not copied.
 */
export function latinCopies<T extends { text: string; lang: string; dev?: boolean }>(lines: T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  return lines.filter((l) => !l.dev && canTransliterate(l.text)).map((l) => ({ ...l, text: toLatin(l.text, l.lang, rnd) }));
}
