// People who own no Cyrillic or Ge'ez keyboard (or who type fast on a borrowed phone) write their language in
// Latin letters: "mama ne mozhe hovoryty", "gualey tefiatni". Nobody agrees on one scheme, so every letter
// with several usual spellings gets one picked at random, and training copies cover the common ones
// (issue 8: transliteration). Input is text as the models read it (lower case, accents folded: й is и).

type Pick = () => number;

const CYRILLIC: Record<string, string[]> = {
  а: ['a'], б: ['b'], в: ['v', 'v', 'w'], ґ: ['g'], д: ['d'], е: ['e'], є: ['ye', 'ie', 'e'], ж: ['zh', 'j', 'z'], з: ['z'],
  і: ['i'], к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ф: ['f'],
  х: ['kh', 'h', 'h', 'x'], ц: ['ts', 'c', 'tc'], ч: ['ch', 'ch', '4'], ш: ['sh', 'sh', 'w'], щ: ['shch', 'sch', 'sh'], ъ: [''],
  ы: ['y', 'i'], ь: [''], э: ['e'], ю: ['yu', 'ju', 'iu'], я: ['ya', 'ja', 'ia'],
};
// Where Ukrainian and Russian spell the same letter differently (г is h in Ukrainian, и is y).
const BY_LANGUAGE: Record<string, Record<string, string[]>> = {
  uk: { г: ['h', 'h', 'g'], и: ['y', 'y', 'i'] },
  ru: { г: ['g'], и: ['i', 'i', 'y'] },
};

// Ge'ez is a syllabary: each row of eight code points is one consonant with seven vowels (and a w-form).
// Latin spellings: the first vowel (ä) as e or a, the sixth (ɨ) mostly not written.
const ETHIOPIC_START = 0x1200;
const ETHIOPIC_END = 0x135a;
const CONSONANTS = new Map<number, string[]>([
  [0x1200, ['h']], [0x1208, ['l']], [0x1210, ['h']], [0x1218, ['m']], [0x1220, ['s']], [0x1228, ['r']], [0x1230, ['s']],
  [0x1238, ['sh']], [0x1240, ['q', 'k']], [0x1248, ['qu']], [0x1250, ['kh', 'q']], [0x1258, ['khu']], [0x1260, ['b']],
  [0x1268, ['v']], [0x1270, ['t']], [0x1278, ['ch']], [0x1280, ['h']], [0x1288, ['hu']], [0x1290, ['n']], [0x1298, ['ny', 'gn']],
  [0x12a0, ['']], [0x12a8, ['k']], [0x12b0, ['ku']], [0x12b8, ['kh', 'h']], [0x12c0, ['khu']], [0x12c8, ['w']], [0x12d0, ['']],
  [0x12d8, ['z']], [0x12e0, ['zh']], [0x12e8, ['y']], [0x12f0, ['d']], [0x12f8, ['d']], [0x1300, ['j']], [0x1308, ['g']],
  [0x1310, ['gu']], [0x1318, ['ng']], [0x1320, ['t']], [0x1328, ['ch']], [0x1330, ['p']], [0x1338, ['ts', 's', 'tz']],
  [0x1340, ['ts', 's']], [0x1348, ['f']], [0x1350, ['p']],
]);
const VOWELS: string[][] = [['e', 'e', 'a'], ['u'], ['i'], ['a'], ['e', 'ie'], ['', '', 'i'], ['o'], ['wa']];
// A vowel letter (አ, ዐ rows) in the sixth order is a vowel of its own: እየ is "iye".
const CARRIER_SIXTH = ['i', 'e'];
const LABIALISED = new Set([0x1248, 0x1258, 0x1288, 0x12b0, 0x12c0, 0x1310]);

const CYRILLIC_RE = /[\u0400-\u04ff]/;
const ETHIOPIC_RE = /[\u1200-\u137f]/;

/** Whether the text has letters this module can write in Latin letters. */
export function canTransliterate(text: string): boolean {
  return CYRILLIC_RE.test(text) || ETHIOPIC_RE.test(text);
}

function ethiopicToLatin(code: number, choose: (key: string, options: string[]) => string): string | null {
  if (code < ETHIOPIC_START || code >= ETHIOPIC_END) return null;
  const row = code - ((code - ETHIOPIC_START) % 8);
  const order = code - row;
  const spellings = CONSONANTS.get(row);
  if (!spellings) return null;
  const consonant = choose(`c${row}`, spellings);
  if (LABIALISED.has(row)) return consonant + (order === 5 ? '' : choose(`v${order}`, VOWELS[order]).replace(/^u$/, ''));
  if (consonant === '' && order === 5) return choose('carrier', CARRIER_SIXTH);
  return consonant + choose(`v${order}`, VOWELS[order]);
}

/**
 * The text with Cyrillic and Ge'ez letters in Latin ones, one spelling chosen per letter for the whole text
 * (a writer keeps to one habit). Other letters are kept as they are.
 */
export function toLatin(text: string, lang: string, rnd: Pick): string {
  const chosen = new Map<string, string>();
  const choose = (key: string, options: string[]) => {
    let out = chosen.get(key);
    if (out === undefined) {
      out = options[Math.floor(rnd() * options.length)];
      chosen.set(key, out);
    }
    return out;
  };
  const cyrillic = { ...CYRILLIC, ...(BY_LANGUAGE[lang] ?? BY_LANGUAGE.ru) };
  let out = '';
  for (const ch of text) {
    const cyr = cyrillic[ch];
    if (cyr) {
      out += choose(ch, cyr);
      continue;
    }
    const eth = ethiopicToLatin(ch.codePointAt(0)!, choose);
    out += eth ?? ch;
  }
  return out;
}
