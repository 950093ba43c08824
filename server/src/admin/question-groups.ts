import { normalizeText, tokenize } from '../retrieval/text-normalize';

export interface UnansweredQuestion {
  /** The assistant message that did not answer (or answered unsure). */
  messageId: number;
  conversationId: string;
  tenant: string;
  text: string;
  language: string | null;
  answered: boolean;
  confidence: number | null;
  at: string;
  handled: boolean;
}

export interface QuestionGroup {
  /** The message id of the group's first (newest) question. */
  id: number;
  example: string;
  count: number;
  messageIds: number[];
  questions: UnansweredQuestion[];
  byWeek: Record<string, number>;
  byLanguage: Record<string, number>;
  handled: boolean;
}

/** ISO week "2026-W49" of a timestamp. */
export function isoWeek(at: string): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3); // the Thursday of this week decides the year
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// Word stems of 5 letters: "registreren" and "registratie" meet, typos in endings do not split a group.
const keysOf = (text: string) => new Set(tokenize(normalizeText(text)).filter((t) => t.length >= 3).map((t) => t.slice(0, 5)));

/** Dice overlap of the two stem sets (0..1). */
function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Groups similar questions (word-stem overlap, any language mixed in), newest first, so that a clerk sees
 * "12 people asked about the tax return this month" rather than 12 rows.
 */
export function groupQuestions(questions: UnansweredQuestion[], threshold = 0.5): QuestionGroup[] {
  const groups: { keys: Set<string>; items: UnansweredQuestion[] }[] = [];
  for (const q of questions) {
    const keys = keysOf(q.text);
    let best: (typeof groups)[number] | null = null;
    let bestScore = threshold;
    for (const g of groups) {
      const s = similarity(keys, g.keys);
      if (s >= bestScore) [best, bestScore] = [g, s];
    }
    if (best) best.items.push(q);
    else groups.push({ keys, items: [q] });
  }
  return groups.map(({ items }) => {
    const byWeek: Record<string, number> = {};
    const byLanguage: Record<string, number> = {};
    for (const q of items) {
      byWeek[isoWeek(q.at)] = (byWeek[isoWeek(q.at)] ?? 0) + 1;
      byLanguage[q.language ?? '?'] = (byLanguage[q.language ?? '?'] ?? 0) + 1;
    }
    return {
      id: items[0].messageId, example: items[0].text, count: items.length, messageIds: items.map((q) => q.messageId), questions: items,
      byWeek, byLanguage, handled: items.every((q) => q.handled),
    };
  }).sort((a, b) => Number(a.handled) - Number(b.handled) || b.count - a.count || b.id - a.id);
}
