import { describe, expect, it } from 'vitest';
import { stemmerFor } from '../../server/src/answer/word-stems';

describe('stemmerFor', () => {
  it('gives inflected forms one stem in languages Snowball covers', () => {
    const tr = stemmerFor('tr');
    expect(tr('sendikaya')).toBe(tr('sendikalar'));
    const ru = stemmerFor('ru');
    expect(ru('пособий')).toBe(ru('пособие'));
    const ar = stemmerFor('ar');
    expect(ar('الشهر')).toBe(ar('شهر'));
  });

  it('keeps different words apart and drops stems too short to mean anything', () => {
    const ru = stemmerFor('ru');
    expect(ru('какие')).toBeNull(); // "как": which and how would be one word
    expect(stemmerFor('en')('night')).not.toBe(stemmerFor('en')('nine'));
  });

  it('has no stem for languages without a Snowball stemmer', () => {
    expect(stemmerFor('ti')('ሓገዝ')).toBeNull();
    expect(stemmerFor('pl')('zasiłek')).toBeNull();
  });
});
