import { SUPPORTED_LANGUAGES, type Language } from '../language/languages';
import type { Card } from './knowledge-types';

// What a maintainer can act on about translations (issue 11): which texts no fluent speaker has checked,
// and which have not been looked at for too long. Warnings, not failures: the product still answers.

export interface StaleText {
  cardId: string;
  lang: Language;
  /** The language's own review date, or the card's. */
  reviewed: string;
  ageDays: number;
}

export interface ReviewReport {
  /** Per language, the cards whose text is machine-assisted. */
  machineAssisted: Partial<Record<Language, string[]>>;
  stale: StaleText[];
  /** Per language, who reviewed how many texts (from `translations.<lang>.by`). */
  reviewers: Partial<Record<Language, Record<string, number>>>;
}

export const DEFAULT_REVIEW_AGE_DAYS = 365;
const DAY = 24 * 60 * 60 * 1000;

export function reviewReport(cards: readonly Pick<Card, 'id' | 'reviewed' | 'translations'>[], opts: { maxAgeDays?: number; today?: Date } = {}): ReviewReport {
  const maxAge = opts.maxAgeDays ?? DEFAULT_REVIEW_AGE_DAYS;
  const today = (opts.today ?? new Date()).getTime();
  const report: ReviewReport = { machineAssisted: {}, stale: [], reviewers: {} };
  for (const card of cards) {
    for (const lang of SUPPORTED_LANGUAGES) {
      const t = card.translations[lang];
      if (!t) continue;
      if (t.status === 'machine-assisted') (report.machineAssisted[lang] ??= []).push(card.id);
      if (t.by) {
        const per = (report.reviewers[lang] ??= {});
        per[t.by] = (per[t.by] ?? 0) + 1;
      }
      const reviewed = t.on ?? card.reviewed;
      const ageDays = Math.floor((today - Date.parse(`${reviewed}T00:00:00Z`)) / DAY);
      if (ageDays > maxAge) report.stale.push({ cardId: card.id, lang, reviewed, ageDays });
    }
  }
  return report;
}

/** A short summary for `knowledge:check`: counts per language, then the stale texts. */
export function formatReview(report: ReviewReport, maxAgeDays: number, cardCount: number): string[] {
  const lines = ['Translations (machine-assisted texts per language; a fluent reviewer sets `reviewed`):'];
  const langs = SUPPORTED_LANGUAGES.filter((l) => l !== 'en');
  lines.push(`  ${langs.map((l) => `${l} ${report.machineAssisted[l]?.length ?? 0}/${cardCount}`).join(' · ')}`);
  for (const [lang, who] of Object.entries(report.reviewers)) lines.push(`  reviewed in ${lang} by ${Object.entries(who).map(([n, c]) => `${n} (${c})`).join(', ')}`);
  if (report.stale.length) {
    lines.push(`Warning: ${report.stale.length} text(s) not reviewed for more than ${maxAgeDays} days:`);
    for (const s of report.stale.slice(0, 40)) lines.push(`  ${s.cardId} ${s.lang}: ${s.reviewed} (${s.ageDays} days)`);
    if (report.stale.length > 40) lines.push(`  … and ${report.stale.length - 40} more`);
  }
  return lines;
}
