// Word support for the crisis classifier's own verdicts (issue 8). On a few ordinary words the classifier can
// be all but certain of danger: "und wenn i nach Brüssel zieh?" read as a medical emergency at 0.98, "¿y si me
// mudo a Amberes el mes que viene?" as violence at 0.95. A real crisis nearly always holds at least one word
// that the crisis examples use far more than the ordinary questions do ("bleeding", "pills", "hits"), so a
// verdict of the classifier alone must be backed by such a word. Measured out of batch, this freed enough of the
// false-alarm budget for the thresholds to loosen: recall 0.868 → 0.881 at the same budgets. The signal is weak
// where the examples' register differs from the questions': "tout" passes it, so "et ça coûte combien tout ça ?"
// (suicide at p = 1.00) is still a false alarm.

/** A word counts as support when the crisis examples use it at least this often (fewer says nothing). */
const MIN_CRISIS_COUNT = 2;
/** Words of one letter say nothing. */
const MIN_LENGTH = 2;

export interface SupportRow {
  kind: 'crisis' | 'about' | 'ordinary';
  /** The text as the classifier reads it (classifierText). */
  text: string;
  batch: number;
  /** Ordinary rows in the dev share are read, not counted. */
  dev: boolean;
}

export interface WordCounts {
  crisis: Map<string, number>;
  crisisRows: number;
  byBatch: Map<number, { words: Map<string, number>; rows: number }>;
  ordinary: Map<string, number>;
  ordinaryRows: number;
}

export const supportWords = (text: string): string[] => [...new Set(text.split(' ').filter((w) => w.length >= MIN_LENGTH))];

const bump = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1);

/** How often each word occurs in crisis examples (per batch too) and in ordinary questions, once per line. */
export function countWords(rows: readonly SupportRow[]): WordCounts {
  const counts: WordCounts = { crisis: new Map(), crisisRows: 0, byBatch: new Map(), ordinary: new Map(), ordinaryRows: 0 };
  for (const r of rows) {
    if (r.kind === 'crisis') {
      const batch = counts.byBatch.get(r.batch) ?? counts.byBatch.set(r.batch, { words: new Map(), rows: 0 }).get(r.batch)!;
      for (const w of supportWords(r.text)) {
        bump(counts.crisis, w);
        bump(batch.words, w);
      }
      counts.crisisRows++;
      batch.rows++;
    } else if (r.kind === 'ordinary' && !r.dev) {
      for (const w of supportWords(r.text)) bump(counts.ordinary, w);
      counts.ordinaryRows++;
    }
  }
  return counts;
}

/** A word's share of crisis use (0..1): its rate in crisis examples against its rate in ordinary questions. */
function share(crisis: number, crisisRows: number, ordinary: number, ordinaryRows: number): number {
  if (crisis < MIN_CRISIS_COUNT) return 0;
  const pc = (crisis + 0.01) / Math.max(1, crisisRows);
  const po = (ordinary + 0.01) / Math.max(1, ordinaryRows);
  return pc / (pc + po);
}

/** The strongest support among a text's words, optionally as if one batch of examples had not been written. */
export function supportOf(text: string, counts: WordCounts, withoutBatch?: number): number {
  const left = withoutBatch === undefined ? undefined : counts.byBatch.get(withoutBatch);
  const crisisRows = counts.crisisRows - (left?.rows ?? 0);
  let best = 0;
  for (const w of supportWords(text)) {
    const c = (counts.crisis.get(w) ?? 0) - (left?.words.get(w) ?? 0);
    best = Math.max(best, share(c, crisisRows, counts.ordinary.get(w) ?? 0, counts.ordinaryRows));
  }
  return best;
}

/** The words whose share reaches `min`, with their share (saved beside the model; rounded to keep it small). */
export function supportTable(counts: WordCounts, min: number): Record<string, number> {
  const table: Record<string, number> = {};
  for (const [w, c] of counts.crisis) {
    const s = share(c, counts.crisisRows, counts.ordinary.get(w) ?? 0, counts.ordinaryRows);
    if (s >= min) table[w] = Math.round(s * 1000) / 1000;
  }
  return table;
}

/** The strongest support among a text's words, from a saved table. */
export function supportFromTable(text: string, table: Readonly<Record<string, number>>): number {
  let best = 0;
  for (const w of supportWords(text)) best = Math.max(best, table[w] ?? 0);
  return best;
}
