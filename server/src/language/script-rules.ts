import type { Language } from './languages';

// Letters that only Pashto uses among our languages (ټ ډ ړ ږ ښ ګ ڼ ځ څ ۍ ې ې).
const PASHTO_ONLY = /[\u067C\u0689\u0693\u0696\u069A\u06AB\u06BC\u0681\u0685\u06CD\u06D0]/;
// Sorani Kurdish letters that Arabic, Persian and Pashto never write (ە ێ ڵ ڕ ۆ). Urdu's own letters are not
// here: Pashto written on an Urdu keyboard has them, so lid.176 decides those (detect-language.ts).
const SORANI_LETTERS = /[\u06D5\u06CE\u06B5\u0695\u06C6]/;
// Persian letters absent from Arabic (پ چ ژ گ) and the Persian forms of yeh/kaf.
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/;
// Arabic-only: taa marbuta, alef maqsura, Arabic yeh/kaf.
const ARABIC_ONLY = /[\u0629\u0649\u064A\u0643]/;
// Marks only an Arabic-script keyboard types: the Arabic comma, semicolon and question mark, and Arabic-Indic
// or Persian digits. "112؟" or "ziekenfonds؟" has no Arabic letter, but its writer reads Arabic script.
const ARABIC_KEYBOARD = /[\u060C\u061B\u061F\u0660-\u0669\u06F0-\u06F9]/;
// Persian digits four to six differ from the Arabic ones (۴۵۶ / ٤٥٦).
const PERSIAN_DIGITS = /[\u06F4-\u06F6]/;
const UKRAINIAN_ONLY = /[іїєґ]/i;
// Russian's own letters; its hard sign only before е, ё, ю or я (объявление): Bulgarian writes ъ as a vowel
// before consonants (къде, българин), and a Bulgarian message is not Russian.
const RUSSIAN_ONLY = /[ыэё]|ъ(?=[еёюя])/i;
// Cyrillic letters neither Russian nor Ukrainian uses: Serbian and Macedonian (ј љ њ ћ ђ џ ѓ ќ ѕ), Kazakh,
// Uzbek, Kyrgyz, Tajik, Tatar, Bashkir, Belarusian (ә қ ң ғ ү ұ һ ө ў ҷ ӣ ӯ ҳ җ ҙ ҫ ҡ).
const OTHER_CYRILLIC = /[јљњћђџѓќѕәқңғүұһөўҷӣӯҳҗҙҫҡ]/i;
// Latin letters none of our Latin-script languages (en nl fr de es tr so ro pl) uses: Czech and Slovak,
// Croatian, Slovene, Hungarian, Baltic, Nordic, Portuguese, Azerbaijani, Vietnamese, Yoruba, Italian accents.
const OTHER_LATIN = /[ãõøæåəčšžđřůěťďňľĺŕőűėįųūāēīģķļņýìòọẹṣơưạảấầẩẫậắằẳẵặẻẽếềểễệỉịỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
// Amharic words that Tigrinya does not use (both are written in Ge'ez; lid.176 knows Amharic only).
const AMHARIC_WORDS = new Set(['ነው', 'እንዴት', 'የት', 'ምንድን', 'ምንድነው', 'እችላለሁ', 'አለብኝ', 'ይህ', 'እፈልጋለሁ', 'ውስጥ', 'ናቸው', 'አለ', 'እንደ', 'ለምን', 'ማን', 'መቼ', 'ያለ']);

export type Script = 'arabic' | 'ethiopic' | 'cyrillic' | 'latin' | 'other' | 'none';

const SCRIPT_OF: [Script, RegExp][] = [
  ['arabic', /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u],
  ['ethiopic', /[\u1200-\u137F\u1380-\u139F\u2D80-\u2DDF]/u],
  ['cyrillic', /[\u0400-\u04FF]/u],
  ['latin', /[A-Za-z\u00C0-\u024F]/u],
];

/** The script of one word (the script of most of its letters). */
export function scriptOfWord(word: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of word) {
    const found = SCRIPT_OF.find(([, re]) => re.test(ch));
    const s: Script = found ? found[0] : /\p{L}/u.test(ch) ? 'other' : 'none';
    if (s !== 'none') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

export interface ScriptVerdict {
  script: Script;
  /** Set when the letters alone decide the language. */
  language?: Language;
  /** An Ethiopic-script message in Amharic, which we do not answer in. */
  amharic?: boolean;
  /** Its own words hold letters none of our languages writes with (č, ő, ø, ј, қ…): a language we do not serve. */
  foreign?: boolean;
  /** Only the keyboard's punctuation or digits said the script: there are no words to weigh. */
  keyboardOnly?: boolean;
  /** Languages the script allows, for the statistical step. */
  candidates: Language[];
}

/** Our languages written in Latin letters. */
export const LATIN_LANGUAGES: Language[] = ['en', 'nl', 'fr', 'de', 'tr', 'es', 'so', 'ro', 'pl'];

/**
 * What the script makes certain before any statistics (Ethiopic → ti, Pashto letters → ps, Ukrainian or
 * Russian letters). The script is decided by words, not letters, and words the caller marks as borrowed
 * (a Dutch term, a place name, an acronym) do not count: "كيف أعمل inburgering في gent؟" is Arabic.
 */
export function scriptVerdict(text: string, borrowed: (word: string) => boolean = () => false): ScriptVerdict {
  const words = text.match(/[\p{L}\p{M}]+/gu) ?? [];
  const scripts = new Map<Script, number>();
  const own: string[] = [];
  for (const w of words) {
    const s = scriptOfWord(w);
    if (s === 'none') continue;
    if (s === 'latin' && borrowed(w)) continue;
    // A word in a non-Latin script weighs more: it was typed on purpose, Latin words are often borrowed.
    scripts.set(s, (scripts.get(s) ?? 0) + (s === 'latin' ? 1 : 1.5));
    own.push(w);
  }
  if (!scripts.size) for (const w of words) if (scriptOfWord(w) !== 'none') scripts.set(scriptOfWord(w), (scripts.get(scriptOfWord(w)) ?? 0) + 1);
  // No word of its own (only numbers or borrowed terms) but typed on an Arabic-script keyboard: the person
  // reads Arabic script, and is never answered in English or Dutch (issue 9).
  if (!own.length && ARABIC_KEYBOARD.test(text)) return { script: 'arabic', keyboardOnly: true, candidates: PERSIAN_DIGITS.test(text) ? ['fa', 'ps'] : ['ar', 'fa', 'ps'] };
  const script = [...scripts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!script) return { script: 'none', candidates: [] };
  const part = own.filter((w) => scriptOfWord(w) === script).join(' ') || text;
  switch (script) {
    case 'ethiopic':
      // Tigrinya is the Ethiopic-script language we serve (Eritrean newcomers); Amharic is recognised by its words.
      if (own.some((w) => AMHARIC_WORDS.has(w))) return { script, amharic: true, candidates: [] };
      return { script, language: 'ti', candidates: ['ti'] };
    case 'arabic':
      if (SORANI_LETTERS.test(part)) return { script, foreign: true, candidates: [] };
      if (PASHTO_ONLY.test(part)) return { script, language: 'ps', candidates: ['ps'] };
      if (PERSIAN_LETTERS.test(part) && !ARABIC_ONLY.test(part)) return { script, candidates: ['fa', 'ps'] };
      if (ARABIC_ONLY.test(part) && !PERSIAN_LETTERS.test(part)) return { script, candidates: ['ar'] };
      return { script, candidates: ['ar', 'fa', 'ps'] };
    case 'cyrillic':
      if (OTHER_CYRILLIC.test(part)) return { script, foreign: true, candidates: [] };
      if (UKRAINIAN_ONLY.test(part) && !RUSSIAN_ONLY.test(part)) return { script, language: 'uk', candidates: ['uk'] };
      if (RUSSIAN_ONLY.test(part) && !UKRAINIAN_ONLY.test(part)) return { script, language: 'ru', candidates: ['ru'] };
      return { script, candidates: ['uk', 'ru'] };
    case 'latin':
      return OTHER_LATIN.test(part) ? { script, foreign: true, candidates: [] } : { script, candidates: LATIN_LANGUAGES };
    default:
      return { script, candidates: [] };
  }
}
