import type { Language } from './languages';

// Letters that only Pashto uses among our languages (ټ ډ ړ ږ ښ ګ ڼ ځ څ ۍ ې ې).
const PASHTO_ONLY = /[\u067C\u0689\u0693\u0696\u069A\u06AB\u06BC\u0681\u0685\u06CD\u06D0]/;
// Persian letters absent from Arabic (پ چ ژ گ) and the Persian forms of yeh/kaf.
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/;
// Arabic-only: taa marbuta, alef maqsura, Arabic yeh/kaf.
const ARABIC_ONLY = /[\u0629\u0649\u064A\u0643]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const ETHIOPIC = /[\u1200-\u137F\u1380-\u139F\u2D80-\u2DDF]/g;
const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const UKRAINIAN_ONLY = /[іїєґ]/i;
const RUSSIAN_ONLY = /[ыэёъ]/i;

export type Script = 'arabic' | 'ethiopic' | 'cyrillic' | 'latin' | 'other' | 'none';

export interface ScriptVerdict {
  script: Script;
  /** Set when the letters alone decide the language. */
  language?: Language;
  /** Languages the script allows, for the statistical step. */
  candidates: Language[];
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Decides what the script makes certain before any statistics (issue 2: Ethiopic → ti, Pashto letters → ps). */
export function scriptVerdict(text: string): ScriptVerdict {
  const counts = {
    arabic: count(text, ARABIC_SCRIPT),
    ethiopic: count(text, ETHIOPIC),
    cyrillic: count(text, CYRILLIC),
    latin: count(text, LATIN),
  };
  const [script, n] = (Object.entries(counts) as [Script, number][]).sort((a, b) => b[1] - a[1])[0];
  if (n === 0) return { script: /\p{L}/u.test(text) ? 'other' : 'none', candidates: [] };
  switch (script) {
    case 'ethiopic':
      // Tigrinya is the Ethiopic-script language we serve (Eritrean newcomers).
      return { script, language: 'ti', candidates: ['ti'] };
    case 'arabic':
      if (PASHTO_ONLY.test(text)) return { script, language: 'ps', candidates: ['ps'] };
      if (PERSIAN_LETTERS.test(text) && !ARABIC_ONLY.test(text)) return { script, candidates: ['fa', 'ps'] };
      if (ARABIC_ONLY.test(text) && !PERSIAN_LETTERS.test(text)) return { script, candidates: ['ar'] };
      return { script, candidates: ['ar', 'fa', 'ps'] };
    case 'cyrillic':
      if (UKRAINIAN_ONLY.test(text) && !RUSSIAN_ONLY.test(text)) return { script, language: 'uk', candidates: ['uk'] };
      if (RUSSIAN_ONLY.test(text) && !UKRAINIAN_ONLY.test(text)) return { script, language: 'ru', candidates: ['ru'] };
      return { script, candidates: ['uk', 'ru'] };
    default:
      return { script, candidates: ['en', 'nl', 'fr', 'de', 'tr', 'es', 'so', 'ro', 'pl'] };
  }
}
