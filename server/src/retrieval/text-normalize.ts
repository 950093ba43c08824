// One normalisation for indexing and querying, so that "Mutualité", "mutualite" and "MUTUALITÉ" meet,
// and Arabic-script spelling variants (أ/إ/آ, ى/ي, ة/ه, ک/ك, ی/ي) do too.
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ة': 'ه', 'ۀ': 'ه',
  'ک': 'ك', 'ګ': 'گ', 'ؤ': 'و', 'ئ': 'ي',
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');
const TATWEEL_RE = /\u0640/g;
const MARKS_RE = /\p{M}+/gu;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(TATWEEL_RE, '')
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c])
    .normalize('NFC');
}

export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN_RE) ?? [];
}

const ARABIC_SCRIPT_RE = /[\u0600-\u06FF]/;
// Attached Arabic-script particles ("and", "the", "with the", "for the") that hide the word behind them.
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];

/** Variants of a token used for matching: itself, plus the Arabic-script word without its particle. */
export function tokenVariants(token: string): string[] {
  if (!ARABIC_SCRIPT_RE.test(token)) return [token];
  const variants = [token];
  for (const prefix of ARABIC_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 3) variants.push(token.slice(prefix.length));
  }
  return variants;
}

/** Loose token equality that forgives plural and case endings ("ziekenfondsen" ~ "ziekenfonds"). */
export function tokensMatch(queryToken: string, termToken: string): boolean {
  if (queryToken === termToken) return true;
  if (termToken.length < 4) return false;
  for (const v of tokenVariants(queryToken)) {
    if (v === termToken) return true;
    if (v.startsWith(termToken) && v.length - termToken.length <= 3) return true;
    if (termToken.startsWith(v) && v.length >= 5 && termToken.length - v.length <= 2) return true;
  }
  return false;
}
