import { describe, expect, it } from 'vitest';
import { createCrisisDetector, decide, isShortFollowUp, type CrisisReading, type CrisisThresholds } from '../../server/src/safety/crisis-detector';
import { createCrisisMatcher } from '../../server/src/safety/crisis-matcher';

// decide() combines the vocabulary's verdict with the classifier's reading (issue 8).
const matcher = createCrisisMatcher([
  { language: 'en', patterns: { violence: ['will kill me', '!hits me'], medical: ['collaps*'] }, notCrisis: ['course', 'exam', '!not urgent', '!years ago'] },
]);
const t: CrisisThresholds = { alone: 0.75, aloneAbout: 0.9, floor: 0.2, strongFloor: 0.005 };
const reading = (pCrisis: number): CrisisReading => ({ pCrisis, categories: [{ category: 'violence', p: pCrisis }] });
const run = (text: string, p: number) => {
  const { verdict, vetoed, settled } = matcher.analyse(text);
  return decide(verdict, reading(p), t, vetoed, settled)?.categories ?? null;
};

describe('crisis decision', () => {
  it('lets the classifier alone decide from `alone`, and from `aloneAbout` when a subject word is there', () => {
    expect(run('he waits outside with a knife', 0.8)).toEqual(['violence']);
    expect(run('he waits outside with a knife', 0.7)).toBeNull();
    // "exam" is a subject word: the classifier must be surer.
    expect(run('my exam is about a man who waits outside with a knife', 0.8)).toBeNull();
    expect(run('my exam is about a man who waits outside with a knife', 0.95)).toEqual(['violence']);
  });

  it('keeps a phrase match unless the classifier is all but certain it is no crisis', () => {
    expect(run('my husband will kill me tonight', 0.01)).toEqual(['violence']);
    // "this exam will kill me": the figurative phrase is not marked `!`, so the classifier overrules it.
    expect(run('this exam will kill me', 0.001)).toBeNull();
  });

  it('keeps a phrase that is the whole message, give or take one word, however sure the classifier is', () => {
    // Short distress messages are where a classifier trained on sentences is surest and most wrong.
    expect(run('will kill me', 0)).toEqual(['violence']);
    expect(run('he will kill me', 0)).toEqual(['violence']);
    expect(matcher.analyse('he will kill me').verdict?.bare).toBe(true);
    // Two words more is a sentence the classifier may read; a subject word always lets it weigh in.
    expect(matcher.analyse('he will kill me tonight ok').verdict?.bare).toBe(false);
    expect(run('exam will kill me', 0.001)).toBeNull();
  });

  it('does not count greetings, thanks or place names as words of a longer message', () => {
    const polite = createCrisisMatcher([{ language: 'en', patterns: { violence: ['will kill me'] }, notCrisis: [] }], { neutralWords: ['hello', 'thank you', 'ghent'] });
    expect(polite.analyse('hello he will kill me thank you').verdict?.bare).toBe(true);
    expect(polite.analyse('hello, ghent: he will kill me').verdict?.bare).toBe(true);
    expect(polite.analyse('hello my boss says this job will kill me').verdict?.bare).toBe(false);
  });

  it('treats "not urgent" and "years ago" as settled: only a `!` match still counts', () => {
    const settled = matcher.analyse('my neighbour collapsed years ago, which form for the insurance');
    expect(settled.settled).toBe(true);
    expect(run('my neighbour collapsed years ago, which form for the insurance', 0.99)).toBeNull();
    expect(run('dog barks all night, who do I call, not urgent', 0.99)).toBeNull();
    expect(run('he hits me, not urgent he says', 0.5)).toEqual(['violence']);
  });
});

describe('word support for the classifier alone', () => {
  const sure = { predict: () => [{ label: 'suicide', p: 1 }, { label: 'none', p: 0 }], labels: () => ['suicide', 'none'], dispose: () => undefined };
  const supported = createCrisisDetector(matcher, { classifier: sure, meta: { fingerprint: 'test', report: {}, ...t, support: 0.8, supportWords: { finish: 0.95, tonight: 0.6 } } });

  it('needs a word typical of crises before the classifier alone may call a message a crisis', () => {
    expect(supported.detect('i will finish it all tonight')?.categories).toEqual(['suicide']);
    // Like "und wenn i nach Brüssel zieh?" at p = 0.98: no word of it is typical of crises.
    expect(supported.detect('and how much does it cost all that')).toBeNull();
    // A word below the level (0.6 < 0.8) is no support.
    expect(supported.detect('what is open tonight in town')).toBeNull();
  });

  it('never holds back the vocabulary, and is off for a model saved without a table', () => {
    expect(supported.detect('my husband will kill me tonight')?.categories).toContain('violence');
    const older = createCrisisDetector(matcher, { classifier: sure, meta: { fingerprint: 'test', report: {}, ...t } });
    expect(older.detect('and how much does it cost all that')?.categories).toEqual(['suicide']);
  });
});

describe('categories of a crisis', () => {
  const two = (a: number, b: number, second: CrisisReading['categories'][number]['category'] = 'violence'): CrisisReading => ({
    pCrisis: 1, categories: [{ category: 'child-danger', p: a }, { category: second, p: b }],
  });

  it("adds the classifier's other possible readings (up to three), so that each category's numbers are given", () => {
    expect(decide(null, two(0.51, 0.48), t)?.categories).toEqual(['child-danger', 'violence']);
    expect(decide(null, two(0.85, 0.12), t)?.categories).toEqual(['child-danger', 'violence']);
    expect(decide(null, two(0.95, 0.05), t)?.categories).toEqual(['child-danger']);
    const three = (p: number): CrisisReading => ({ pCrisis: 1, categories: [{ category: 'sexual-violence', p: 0.5 }, { category: 'violence', p: 0.3 }, { category: 'suicide', p }, { category: 'fire', p: 0.1 }] });
    expect(decide(null, three(0.15), t)?.categories).toEqual(['sexual-violence', 'violence', 'suicide']);
    expect(decide(null, three(0.08), t)?.categories).toEqual(['sexual-violence', 'violence']);
    // A doctor on duty is never added to a danger: it would only push the emergency lines down.
    expect(decide(null, two(0.6, 0.4, 'urgent-doctor'), t)?.categories).toEqual(['child-danger']);
  });

  it("keeps the vocabulary's category first and adds the classifier's clear readings after it", () => {
    const { verdict } = matcher.analyse('my husband will kill me tonight');
    expect(decide(verdict, two(0.55, 0.4), t)?.categories).toEqual(['violence', 'child-danger']);
    expect(decide(verdict, two(0.95, 0.05), t)?.categories).toEqual(['violence', 'child-danger']);
    expect(decide(verdict, { pCrisis: 1, categories: [{ category: 'violence', p: 0.97 }, { category: 'suicide', p: 0.03 }] }, t)?.categories).toEqual(['violence']);
  });
});

describe('crisis detector', () => {
  // A classifier sure of danger in every message: what decides is whether it may decide alone.
  const sure = { predict: () => [{ label: 'violence', p: 1 }, { label: 'none', p: 0 }], labels: () => ['violence', 'none'], dispose: () => undefined };
  const detector = createCrisisDetector(matcher, { classifier: sure, meta: { fingerprint: 'test', report: {}, ...t } });

  it('lets only the vocabulary decide a short follow-up, which leans on the answer before it', () => {
    expect(detector.detect('and at night?', { followUp: true })).toBeNull();
    expect(detector.detect('and at night?')?.categories).toEqual(['violence']);
    expect(detector.detect('he hits me', { followUp: true })?.categories).toEqual(['violence']);
    expect(detector.detect('he waits outside the door with a knife', { followUp: true })?.categories).toEqual(['violence']);
  });

  it('needs the classifier surer of a longer message in a running conversation than of a first message', () => {
    const fairly = { predict: () => [{ label: 'violence', p: 0.7 }, { label: 'none', p: 0.3 }], labels: () => ['violence', 'none'], dispose: () => undefined };
    const loose = createCrisisDetector(matcher, { classifier: fairly, meta: { fingerprint: 'test', report: {}, ...t, alone: 0.4 } });
    expect(loose.detect('and what if we move to another town next month')?.categories).toEqual(['violence']);
    expect(loose.detect('and what if we move to another town next month', { followUp: true })).toBeNull();
    // The vocabulary still decides as on a first message.
    expect(loose.detect('and what if he hits me again tonight', { followUp: true })?.categories).toContain('violence');
  });

  it('counts a follow-up as short by the words the classifier reads (training leaves such lines out of the thresholds)', () => {
    expect(isShortFollowUp('und nachts')).toBe(true);
    expect(isShortFollowUp('w bshhal katkhlles')).toBe(true);
    expect(isShortFollowUp('he waits outside the door')).toBe(false);
  });
});
