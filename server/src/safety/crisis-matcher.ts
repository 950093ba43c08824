import { CRISIS_CATEGORIES, type CrisisCategory } from './crisis-categories';
import { crisisWord, crisisWords, typoDistance, wordForms } from './crisis-text';

/** One language's crisis vocabulary (knowledge/crisis/<lang>.yaml). */
export interface CrisisVocabulary {
  language: string;
  patterns: Partial<Record<CrisisCategory, string[]>>;
  notCrisis: string[];
}

export interface CrisisMatch {
  category: CrisisCategory;
  language: string;
  pattern: string;
  /** Two words or more: a subject word ("course", "training") does not cancel it. */
  strong: boolean;
  /** Marked `!`: unambiguous, so neither a subject word nor the classifier can cancel it. */
  certain: boolean;
}

export interface CrisisVerdict {
  /** Categories found, most urgent first. */
  categories: CrisisCategory[];
  matches: CrisisMatch[];
  /** A subject word ("course", "training", "detector") was seen too: the classifier may overrule. */
  aboutTheSubject?: boolean;
  /**
   * The message is a matched phrase of two words or more and at most one word besides ("بغيت ننتحر",
   * "انا بدي اموت"): the classifier has no context to weigh that the vocabulary did not already vouch for.
   */
  bare?: boolean;
}

type AtomKind = 'word' | 'prefix' | 'infix';
interface Atom { id: number; kind: AtomKind; text: string }
interface Pattern { atoms: number[]; category: CrisisCategory | null; strong: boolean; certain: boolean; language: string; source: string }

// Words allowed between two words of a pattern ("he is going to kill me" for "going kill me").
const MAX_GAP = 3;
// A message of a matched phrase and this many other words ("I", "now", "please") is that phrase alone.
const BARE_EXTRA_WORDS = 1;
// Shorter words must be typed exactly: one typo in a four-letter word makes a different word.
const FUZZY_MIN = 5;

/** Splits a vocabulary line into its words: `word`, `stem*` or `*part*`; a leading `!` marks it certain. */
export function parsePattern(raw: string): { strong: boolean; words: { kind: AtomKind; text: string }[] } {
  const trimmed = raw.trim();
  const strong = trimmed.startsWith('!');
  const words = trimmed.replace(/^!/, '').split(/\s+/).filter(Boolean).flatMap((w) => {
    const infix = w.startsWith('*') && w.endsWith('*') && w.length > 2;
    const prefix = !infix && w.endsWith('*');
    const parts = crisisWords(w.replace(/\*/g, ' '));
    if (!parts.length) return [];
    // "j'ai" or "kill-myself" become several words; only the last one keeps the wildcard.
    return parts.map((text, i) => ({ kind: (i === parts.length - 1 ? (infix ? 'infix' : prefix ? 'prefix' : 'word') : 'word') as AtomKind, text }));
  });
  return { strong, words };
}

/**
 * Matches a message against every language's crisis vocabulary at once (issue 8: detection fails exactly
 * when someone writes short, misspelled or in dialect, so the language is never asked first).
 */
export function createCrisisMatcher(vocabularies: CrisisVocabulary[], options: { ordinaryWords?: Iterable<string>; neutralWords?: Iterable<string> } = {}) {
  // A correctly spelt ordinary word is not a typo of a crisis word ("racist" is not "rapist"): words the
  // knowledge itself uses are matched exactly, never with a typo's tolerance.
  const ordinary = new Set([...(options.ordinaryWords ?? [])].map(crisisWord));
  const atoms: Atom[] = [];
  const atomKey = new Map<string, number>();
  const words = new Map<string, number>();
  const prefixes = new Map<string, number>();
  const prefixLengths = new Set<number>();
  const infixes: Atom[] = [];
  // Atoms long enough to forgive a typo, bucketed by their first two letters.
  const fuzzyBuckets = new Map<string, Atom[]>();
  const patterns: Pattern[] = [];
  const byFirstAtom = new Map<number, Pattern[]>();

  function atomOf(kind: AtomKind, text: string): number {
    const key = `${kind}:${text}`;
    let id = atomKey.get(key);
    if (id !== undefined) return id;
    id = atoms.length;
    const atom = { id, kind, text };
    atoms.push(atom);
    atomKey.set(key, id);
    if (kind === 'word') words.set(text, id);
    if (kind === 'prefix') {
      prefixes.set(text, id);
      prefixLengths.add(text.length);
    }
    if (kind === 'infix') infixes.push(atom);
    if (kind !== 'infix' && text.length >= FUZZY_MIN) {
      const bucket = text.slice(0, 2);
      fuzzyBuckets.set(bucket, [...(fuzzyBuckets.get(bucket) ?? []), atom]);
    }
    return id;
  }

  function add(raw: string, category: CrisisCategory | null, language: string) {
    const parsed = parsePattern(raw);
    if (!parsed.words.length) return;
    const pattern: Pattern = {
      atoms: parsed.words.map((w) => atomOf(w.kind, w.text)),
      category, language, source: raw.trim(),
      strong: parsed.strong || parsed.words.length > 1,
      certain: parsed.strong,
    };
    patterns.push(pattern);
    byFirstAtom.set(pattern.atoms[0], [...(byFirstAtom.get(pattern.atoms[0]) ?? []), pattern]);
  }

  for (const vocab of vocabularies) {
    for (const category of CRISIS_CATEGORIES) for (const raw of vocab.patterns[category] ?? []) add(raw, category, vocab.language);
    for (const raw of vocab.notCrisis) add(raw, null, vocab.language);
  }
  const lengths = [...prefixLengths].sort((a, b) => a - b);
  // Greetings, thanks and place names ("salam… ghent… thanks") do not make a phrase part of a longer message;
  // a word some pattern uses ("pa", father in Dutch) always counts.
  const patternWords = new Set(atoms.map((a) => a.text));
  const neutral = new Set([...(options.neutralWords ?? [])].flatMap(crisisWords).filter((w) => !patternWords.has(w)));

  function atomsFor(form: string, into: Set<number>, fuzzy: boolean) {
    const exact = words.get(form);
    if (exact !== undefined) into.add(exact);
    for (const len of lengths) {
      if (len > form.length) break;
      const id = prefixes.get(form.slice(0, len));
      if (id !== undefined) into.add(id);
    }
    for (const atom of infixes) if (form.length >= atom.text.length && form.includes(atom.text)) into.add(atom.id);
    if (!fuzzy || form.length < FUZZY_MIN - 1 || ordinary.has(form)) return;
    for (const atom of fuzzyBuckets.get(form.slice(0, 2)) ?? []) {
      if (into.has(atom.id)) continue;
      if (atom.kind === 'word') {
        if (typoDistance(form, atom.text) <= 1) into.add(atom.id);
      } else {
        // The stem with one letter wrong or one extra inside it; a missing letter only when the word ends
        // there ("suicid" for "suicide"), or "groe" (of "groeipakket") would be a typo of "grope".
        const n = atom.text.length;
        const lengths = form.length === n - 1 ? [n - 1] : [n, n + 1].filter((l) => l <= form.length);
        if (lengths.some((l) => typoDistance(form.slice(0, l), atom.text) <= 1)) into.add(atom.id);
      }
    }
  }

  /** Where each atom occurs in the message, as [first word, last word] spans. */
  function hitsOf(text: string): { hits: Map<number, [number, number][]>; length: number } {
    const w = crisisWords(text);
    const hits = new Map<number, [number, number][]>();
    const note = (span: [number, number], form: string, fuzzy: boolean) => {
      const found = new Set<number>();
      for (const f of wordForms(form)) atomsFor(f, found, fuzzy);
      for (const id of found) hits.set(id, [...(hits.get(id) ?? []), span]);
    };
    for (let i = 0; i < w.length; i++) {
      note([i, i], w[i], true);
      // "zelf moord", "می خواهم": a word split in two is tried joined as well, but only exactly: two
      // ordinary words glued together are too often one typo away from something else ("suivi de").
      if (i + 1 < w.length && w[i].length >= 2 && w[i + 1].length >= 2) note([i, i + 1], crisisWord(w[i] + w[i + 1]), false);
    }
    return { hits, length: w.filter((x) => !neutral.has(x)).length };
  }

  function matches(pattern: Pattern, hits: Map<number, [number, number][]>): boolean {
    const step = (k: number, prevEnd: number): boolean => {
      if (k === pattern.atoms.length) return true;
      for (const [start, end] of hits.get(pattern.atoms[k]) ?? []) {
        if (start > prevEnd && start - prevEnd - 1 <= MAX_GAP && step(k + 1, end)) return true;
      }
      return false;
    };
    return (hits.get(pattern.atoms[0]) ?? []).some(([, end]) => step(1, end));
  }

  /**
   * Everything the vocabulary sees in a message: the verdict, whether a subject word vetoed one-word
   * matches, whether a phrase marked `!` says it is over or not urgent ("years ago", "not urgent": settled),
   * and whether only weak matches were found before the veto.
   */
  function analyse(text: string): { verdict: CrisisVerdict | null; vetoed: boolean; settled: boolean; weakOnly: boolean } {
    const { hits, length } = hitsOf(text);
    const found: CrisisMatch[] = [];
    let vetoed = false;
    let pastVeto = false;
    const tried = new Set<Pattern>();
    let longest = 0;
    for (const atomId of hits.keys()) {
      for (const pattern of byFirstAtom.get(atomId) ?? []) {
        if (tried.has(pattern)) continue;
        tried.add(pattern);
        if (!matches(pattern, hits)) continue;
        if (pattern.category === null) {
          vetoed = true;
          if (pattern.certain) pastVeto = true;
        }
        else {
          found.push({ category: pattern.category, language: pattern.language, pattern: pattern.source, strong: pattern.strong, certain: pattern.certain });
          if (pattern.atoms.length >= 2) longest = Math.max(longest, pattern.atoms.length);
        }
      }
    }
    // "suicide prevention training", "first-aid course": a subject word cancels one-word matches only; a
    // subject phrase marked `!` ("last year", "years ago": it is over) cancels every match not marked `!`.
    const kept = pastVeto ? found.filter((m) => m.certain) : vetoed ? found.filter((m) => m.strong) : found;
    const weakOnly = found.length > 0 && found.every((m) => !m.strong);
    if (!kept.length) return { verdict: null, vetoed, settled: pastVeto, weakOnly };
    let categories = CRISIS_CATEGORIES.filter((c) => kept.some((m) => m.category === c));
    // The doctor on duty is for when nothing worse is going on.
    if (categories.length > 1) categories = categories.filter((c) => c !== 'urgent-doctor');
    const bare = !vetoed && longest > 0 && length <= longest + BARE_EXTRA_WORDS;
    return { verdict: { categories, matches: kept, aboutTheSubject: vetoed, bare }, vetoed, settled: pastVeto, weakOnly };
  }

  function detect(text: string): CrisisVerdict | null {
    return analyse(text).verdict;
  }

  return { detect, analyse, size: () => ({ patterns: patterns.length, atoms: atoms.length }) };
}

export type CrisisMatcher = ReturnType<typeof createCrisisMatcher>;
