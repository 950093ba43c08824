import { tokenize } from '../../server/src/retrieval/text-normalize';

export const normalise = (s: string) => tokenize(s).join(' ');

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** 1 = identical after normalisation (case, accents, punctuation); 0 = nothing in common. */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (!x.length || !y.length) return 0;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/** Near-copies of `text` among `pool` (normalised similarity ≥ `min`). Cheap filters before the edit distance. */
export function nearCopies(text: string, pool: { text: string; from: string }[], min = 0.85): { text: string; from: string; score: number }[] {
  const x = normalise(text);
  const xt = new Set(x.split(' '));
  const out: { text: string; from: string; score: number }[] = [];
  for (const p of pool) {
    const y = normalise(p.text);
    if (Math.min(x.length, y.length) / Math.max(x.length, y.length, 1) < min) continue;
    const yt = y.split(' ');
    const shared = yt.filter((t) => xt.has(t)).length;
    if (shared / Math.max(xt.size, yt.length) < 0.4) continue;
    const score = similarity(x, y);
    if (score >= min) out.push({ ...p, score });
  }
  return out;
}
