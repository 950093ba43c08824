import { normalizeText } from '../retrieval/text-normalize';

// Crisis matching must survive how people type in distress (issue 8): no accents, letter variants,
// zero-width joiners pasted from phone keyboards, and "heeeelp". Patterns go through the same function,
// so a vocabulary author writes each word once.
const ZERO_WIDTH_RE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// Letters NFKD does not decompose.
const EXTRA_FOLD: Record<string, string> = { 'ł': 'l', 'đ': 'd', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ħ': 'h', 'ŀ': 'l' };
const EXTRA_FOLD_RE = new RegExp(`[${Object.keys(EXTRA_FOLD).join('')}]`, 'g');
const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const REPEAT_RE = /(\p{L})\1+/gu;

/** One normalised word: folded like the search index, and with repeated letters collapsed. */
export function crisisWord(word: string): string {
  return normalizeText(word.replace(ZERO_WIDTH_RE, '').toLowerCase().replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLD[c])).replace(REPEAT_RE, '$1');
}

/** The message as normalised words, in order. */
export function crisisWords(text: string): string[] {
  const cleaned = text.replace(ZERO_WIDTH_RE, '').toLowerCase().replace(EXTRA_FOLD_RE, (c) => EXTRA_FOLD[c]);
  return (normalizeText(cleaned).match(TOKEN_RE) ?? []).map((w) => w.replace(REPEAT_RE, '$1'));
}

const ARABIC_SCRIPT_RE = /[\u0600-\u06FF]/;
// Attached particles (and, the, with the, for, so) that hide an Arabic-script word; longest first.
const ARABIC_PROCLITICS = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** A word and, for Arabic script, the word without an attached particle. */
export function wordForms(word: string): string[] {
  if (!ARABIC_SCRIPT_RE.test(word)) return [word];
  const forms = [word];
  for (const p of ARABIC_PROCLITICS) if (word.startsWith(p) && word.length - p.length >= 2) forms.push(word.slice(p.length));
  return forms;
}

/**
 * Optimal string alignment distance capped at 2 (we only ask "at most one typo?"): a wrong, missing,
 * extra or swapped letter each count one.
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= 2) return 2;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n], 2);
}

/** Every string one deletion away (the symmetric-delete trick finds one-typo neighbours by lookup). */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
