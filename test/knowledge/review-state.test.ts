import { describe, expect, it } from 'vitest';
import { formatReview, reviewReport } from '../../server/src/knowledge/review-state';

const t = (status: 'source' | 'reviewed' | 'machine-assisted', by: string | null = null, on: string | null = null) => ({ status, by, on });
const cards = [
  { id: 'a', reviewed: '2026-11-01', translations: { en: t('source'), nl: t('reviewed', 'An', '2026-12-01'), ar: t('machine-assisted') } },
  { id: 'b', reviewed: '2024-01-01', translations: { en: t('source'), ar: t('machine-assisted'), fr: t('reviewed', 'Luc', '2026-10-01') } },
];

describe('translation review state', () => {
  it('lists machine-assisted texts per language and who reviewed what', () => {
    const r = reviewReport(cards, { today: new Date('2026-12-06T12:00:00Z') });
    expect(r.machineAssisted).toEqual({ ar: ['a', 'b'] });
    expect(r.reviewers).toEqual({ nl: { An: 1 }, fr: { Luc: 1 } });
  });

  it('warns about texts older than the configured age, using the language\'s own date first', () => {
    const r = reviewReport(cards, { maxAgeDays: 365, today: new Date('2026-12-06T12:00:00Z') });
    // Card b is from 2024, but its French text was reviewed in October 2026.
    expect(r.stale.map((s) => `${s.cardId} ${s.lang}`)).toEqual(['b en', 'b ar']);
    expect(reviewReport(cards, { maxAgeDays: 20, today: new Date('2026-12-06T12:00:00Z') }).stale.map((s) => `${s.cardId} ${s.lang}`)).toEqual(['a en', 'a ar', 'b en', 'b fr', 'b ar']);
    expect(formatReview(r, 365, 2).join('\n')).toMatch(/ar 2\/2[\s\S]*2 text\(s\) not reviewed for more than 365 days/);
  });
});
