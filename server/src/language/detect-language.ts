import { francAll } from 'franc';
import { tokenize } from '../retrieval/text-normalize';
import type { LanguageLexicon } from './language-lexicon';
import { FRANC_TO_ISO1, UNSUPPORTED_FRANC, isSupportedLanguage, type Language } from './languages';
import { scriptVerdict } from './script-rules';

export interface DetectInput {
  text: string;
  /** The page's or widget's language (ISO 639-1), if any. */
  hint?: string | null;
  /** The language the conversation was last answered in. */
  previous?: Language | null;
  /** Used when nothing else decides (for example the tenant region's language). */
  fallback?: Language;
}

export interface Detection {
  language: Language;
  source: 'script' | 'statistics' | 'previous' | 'hint' | 'fallback';
  /** ISO 639-1 of a language we recognise but do not answer in (the reply says so). */
  unsupported: string | null;
}

const ISO3_OF: Record<string, string> = Object.fromEntries(Object.entries(FRANC_TO_ISO1).map(([k, v]) => [v, k]));
const UNSUPPORTED_ONLY = Object.keys(UNSUPPORTED_FRANC);

export function createLanguageDetector(lexicon: LanguageLexicon) {
  return function detectLanguage(input: DetectInput): Detection {
    const hint = isSupportedLanguage(input.hint) ? input.hint : null;
    const previous = input.previous ?? null;
    const words = tokenize(input.text).length;
    const verdict = scriptVerdict(input.text);

    // One or two words ("ok", "mutuelle?") never flip a running conversation (issue 2).
    if (words <= 2 && previous) return { language: previous, source: 'previous', unsupported: null };
    if (verdict.language) return { language: verdict.language, source: 'script', unsupported: null };
    if (!verdict.candidates.length) {
      const language = previous ?? hint ?? input.fallback ?? 'en';
      return { language, source: previous ? 'previous' : hint ? 'hint' : 'fallback', unsupported: null };
    }

    const tokens = tokenize(input.text);
    // A word or two that every language's texts use ("CPAS?", "ziekenfonds") says little about the
    // person's language: the page's hint decides, else the word's own language if it is clearly a Belgian
    // term of one of the national languages, else the region's language.
    if (words <= 2 && tokens.every((t) => lexicon.spread(t) >= 3 || lexicon.spread(t) === 0)) {
      if (hint) return { language: hint, source: 'hint', unsupported: null };
      const ranked = [...lexicon.classify(input.text, verdict.candidates).scores].sort((a, b) => b[1] - a[1]);
      const [top, runnerUp] = ranked;
      if (top && ['nl', 'fr', 'de'].includes(top[0]) && top[1] >= 2 * (runnerUp?.[1] ?? 0)) return { language: top[0], source: 'statistics', unsupported: null };
      return { language: input.fallback ?? verdict.candidates[0], source: 'fallback', unsupported: null };
    }
    const { scores: lex, known } = lexicon.classify(input.text, verdict.candidates);
    const combined = new Map<Language, number>();
    // Our own word model, trained on 15 languages of content, is the sharper judge of short questions;
    // franc's trigram model needs longer text before it beats it.
    const lexWeight = words <= 8 ? 1.2 : 0.8;
    for (const lang of verdict.candidates) combined.set(lang, (lex.get(lang) ?? 0) * Math.min(1, known / 2) * lexWeight);

    let unsupported: string | null = null;
    if (words >= 3) {
      const franc = francAll(input.text, { only: [...verdict.candidates.map((l) => ISO3_OF[l]), ...(verdict.script === 'latin' || verdict.script === 'cyrillic' ? UNSUPPORTED_ONLY : [])] });
      const [topCode, topScore] = franc[0] ?? ['und', 0];
      for (const [code, score] of franc) {
        const lang = FRANC_TO_ISO1[code];
        // franc's scores bunch up near the top; cubing spreads them so its winner counts.
        if (lang && combined.has(lang)) combined.set(lang, combined.get(lang)! + score ** 3 * (words >= 8 ? 1 : 0.4));
      }
      const bestSupportedFranc = Math.max(0, ...franc.filter(([c]) => FRANC_TO_ISO1[c]).map(([, s]) => s));
      const lexTop = Math.max(0, ...lex.values());
      if (UNSUPPORTED_FRANC[topCode] && topScore === 1 && words >= 4 && bestSupportedFranc < 0.8 && !(lexTop > 0.6 && known >= words / 2)) {
        unsupported = UNSUPPORTED_FRANC[topCode];
      }
    }

    const ranked = [...combined.entries()].sort((a, b) => b[1] - a[1]);
    const [best, bestScore] = ranked[0];
    const second = ranked[1]?.[1] ?? 0;
    // Weak or tied evidence: the conversation's language, then the page's, are better guesses.
    if (bestScore < 0.35 || bestScore - second < 0.1) {
      if (previous && verdict.candidates.includes(previous)) return { language: previous, source: 'previous', unsupported };
      if (hint && verdict.candidates.includes(hint)) return { language: hint, source: 'hint', unsupported };
      if (bestScore === 0) {
        const language = previous ?? hint ?? input.fallback ?? verdict.candidates[0];
        return { language, source: previous ? 'previous' : hint ? 'hint' : 'fallback', unsupported };
      }
    }
    return { language: best, source: 'statistics', unsupported };
  };
}

export type LanguageDetector = ReturnType<typeof createLanguageDetector>;
