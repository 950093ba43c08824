import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { tokenize } from '../retrieval/text-normalize';
import { SUPPORTED_LANGUAGES, type Language } from './languages';
import { SMALL_TALK } from './small-talk-words';
import { isDev, modelText } from '../question-model/training-corpus';
import { latinCopies } from '../question-model/augment';

/**
 * A word-level naive Bayes model per language, trained on our own content (card texts, example
 * questions, glossary terms, small talk). franc needs a sentence; this handles "mutuelle?" or "dankjewel".
 */
export class LanguageLexicon {
  private readonly counts = new Map<Language, Map<string, number>>();
  private readonly totals = new Map<Language, number>();
  private readonly vocabulary = new Set<string>();

  constructor(kb: Pick<KnowledgeBase, 'cards' | 'glossary'> & Partial<Pick<KnowledgeBase, 'training' | 'crisis'>>) {
    // Cards name Belgian institutions in their own language, in brackets or italics, whatever the card's
    // language ("(ziekenfonds / mutualité)"); those words are not evidence of the card's language.
    const ownWords = (text: string) => text.replace(/\([^)]*\)/g, ' ').replace(/\*[^*\n]+\*/g, ' ');
    for (const lang of SUPPORTED_LANGUAGES) this.counts.set(lang, new Map());
    const add = (lang: Language, text: string, weight = 1) => {
      const map = this.counts.get(lang)!;
      for (const token of tokenize(text)) {
        map.set(token, (map.get(token) ?? 0) + weight);
        this.totals.set(lang, (this.totals.get(lang) ?? 0) + weight);
        this.vocabulary.add(token);
      }
    };
    for (const card of kb.cards) {
      for (const text of Object.values(card.texts)) {
        if (!text) continue;
        add(text.lang, ownWords([text.title, text.summary, ...text.steps, ...text.closing].join(' ')));
        add(text.lang, ownWords(text.questions.join(' ')), 3); // questions look most like what people type
      }
    }
    for (const concept of kb.glossary) {
      // A Dutch or French term listed under, say, Arabic is a borrowing, not Arabic.
      const national = new Set((['nl', 'fr', 'de'] as const).flatMap((l) => concept.terms[l] ?? []).map((t) => tokenize(t).join(' ')));
      for (const [lang, terms] of Object.entries(concept.terms) as [Language, string[]][]) {
        const own = ['nl', 'fr', 'de'].includes(lang) ? terms : terms.filter((t) => !national.has(tokenize(t).join(' ')));
        add(lang, own.join(' '), 2);
      }
    }
    // The training questions are how people really write (colloquial, dialect, no accents): the best
    // evidence for short messages.
    // They mix in Dutch, French and German administrative terms on purpose; those words stay evidence of
    // their own national language only.
    const nationalOf = new Map<string, Set<string>>();
    for (const concept of kb.glossary) {
      for (const lang of ['nl', 'fr', 'de'] as const) {
        for (const term of concept.terms[lang] ?? []) for (const t of tokenize(term)) nationalOf.set(t, (nationalOf.get(t) ?? new Set()).add(lang));
      }
    }
    const ownOnly = (lang: string, text: string) => tokenize(text).filter((t) => !nationalOf.has(t) || nationalOf.get(t)!.has(lang)).join(' ');
    // The question model's dev lines stay out, so that they can measure language detection too.
    const own = (kb.training?.lines ?? []).filter((l) => this.counts.has(l.lang as Language) && !isDev(l.label, l.lang, modelText(l.text)));
    for (const line of own) add(line.lang as Language, ownOnly(line.lang, line.text), 2);
    // People without a Cyrillic or Ge'ez keyboard type in Latin letters: the same questions, copied so.
    for (const copy of latinCopies(own, 23)) add(copy.lang as Language, ownOnly(copy.lang, copy.text), 1);
    // The crisis examples are written the way people type under stress, many in Arabizi or other Latin
    // spellings; every language's words count, whatever the category.
    for (const e of kb.crisis?.examples ?? []) if (this.counts.has(e.lang as Language)) add(e.lang as Language, ownOnly(e.lang, e.text), 1);
    for (const line of kb.training?.facets ?? []) {
      if (this.counts.has(line.lang as Language) && line.index % 5 !== 4) add(line.lang as Language, ownOnly(line.lang, line.text), 2);
    }
    for (const [lang, words] of Object.entries(SMALL_TALK) as [Language, (typeof SMALL_TALK)['en']][]) {
      add(lang, [...words.greeting, ...words.thanks, ...words.bye].join(' '), 20);
    }
  }

  /** Whether the word occurs in our texts at all. */
  knows(token: string): boolean {
    return this.vocabulary.has(token);
  }

  /**
   * The language whose texts use the word far more than any other's (its relative frequency there is at
   * least `share` of the word's relative frequencies summed over all languages), or null. "pobytu" turns up
   * in a few Ukrainian and Russian questions about a Polish residence card, but it is a Polish word.
   */
  ownLanguage(token: string, share = 0.8): Language | null {
    let sum = 0;
    let best: Language | null = null;
    let bestFreq = 0;
    for (const [lang, map] of this.counts) {
      const c = map.get(token);
      if (!c) continue;
      const f = c / (this.totals.get(lang) ?? 1);
      sum += f;
      if (f > bestFreq) { bestFreq = f; best = lang; }
    }
    return best && bestFreq >= share * sum ? best : null;
  }

  /** In how many languages' texts a word occurs: Belgian terms ("CPAS", "VDAB") occur in all of them. */
  spread(token: string): number {
    let n = 0;
    for (const map of this.counts.values()) if (map.has(token)) n++;
    return n;
  }

  /** Posterior over `candidates` and how many tokens were known at all. */
  classify(text: string, candidates: readonly Language[] = SUPPORTED_LANGUAGES): { scores: Map<Language, number>; known: number } {
    const tokens = tokenize(text);
    const v = this.vocabulary.size + 1;
    const logs = new Map<Language, number>();
    let known = 0;
    for (const token of tokens) if (this.vocabulary.has(token)) known++;
    for (const lang of candidates) {
      const map = this.counts.get(lang)!;
      const total = this.totals.get(lang) ?? 0;
      let log = 0;
      for (const token of tokens) {
        if (!this.vocabulary.has(token)) continue; // unknown words say nothing about our languages
        log += Math.log(((map.get(token) ?? 0) + 0.1) / (total + 0.1 * v));
      }
      logs.set(lang, log);
    }
    const max = Math.max(...logs.values());
    let sum = 0;
    for (const [lang, log] of logs) {
      const p = Math.exp(log - max);
      logs.set(lang, p);
      sum += p;
    }
    for (const [lang, p] of logs) logs.set(lang, p / sum);
    return { scores: logs, known };
  }
}
