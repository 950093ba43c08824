import { describe, expect, it } from 'vitest';
import { countWords, supportFromTable, supportOf, supportTable, type SupportRow } from '../../server/src/safety/crisis-word-support';

const row = (kind: SupportRow['kind'], text: string, batch = 0, dev = false): SupportRow => ({ kind, text, batch, dev });
const rows: SupportRow[] = [
  row('crisis', 'he hits me and the kids', 1), row('crisis', 'he hits her again', 1), row('crisis', 'my son swallowed pills', 2),
  row('crisis', 'she swallowed the pills', 2), row('crisis', 'he hits me with the belt', 2),
  row('ordinary', 'how much does the course cost'), row('ordinary', 'where do the kids go to school'), row('ordinary', 'the pills for my son at the pharmacy'),
  row('ordinary', 'is the course in the evening'), row('ordinary', 'he hits me', 0, true), // a dev line: read, not counted
  row('about', 'a course about people who hit their partner', 1),
];
const counts = countWords(rows);

describe('crisis word support', () => {
  it('is high for a word the crisis examples use far more than ordinary questions, low for ordinary words', () => {
    expect(supportOf('he hits me', counts)).toBeGreaterThan(0.9);
    expect(supportOf('how much does the course cost', counts)).toBeLessThan(0.5); // "the" is everywhere
    // "pills" also turns up in an ordinary question: weaker support than "hits".
    expect(supportOf('pills', counts)).toBeLessThan(supportOf('hits', counts));
    expect(supportOf('pills', counts)).toBeGreaterThan(0.5);
  });

  it('reads a batch of examples as a stranger would: without that batch, a word seen once elsewhere says nothing', () => {
    // "swallowed" is used only by batch 2's writer.
    expect(supportOf('swallowed', counts)).toBeGreaterThan(0.9);
    expect(supportOf('swallowed', counts, 2)).toBe(0);
    // "hits" is used by both writers, but by batch 1 only once more: without batch 2, too rare to count.
    expect(supportOf('hits', counts, 2)).toBeGreaterThan(0.9);
  });

  it('saves the words from a level up, and reads a message from that table as from the counts', () => {
    const table = supportTable(counts, 0.8);
    expect(Object.keys(table).sort()).toEqual(expect.arrayContaining(['hits', 'swallowed']));
    expect(table.the).toBeUndefined();
    expect(supportFromTable('he hits me', table)).toBeCloseTo(supportOf('he hits me', counts), 2);
    expect(supportFromTable('how much does the course cost', table)).toBe(0);
  });
});
