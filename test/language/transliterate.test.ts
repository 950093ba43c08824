import { describe, expect, it } from 'vitest';
import { canTransliterate, toLatin } from '../../server/src/language/transliterate';
import { latinCopies, seededRandom } from '../../server/src/question-model/augment';

describe('toLatin', () => {
  it('writes Ukrainian the Ukrainian way (г is h, и is y) and Russian the Russian way', () => {
    const rnd = () => 0; // always the first, most usual spelling
    expect(toLatin('мама не може говорити', 'uk', rnd)).toBe('mama ne mozhe hovoryty');
    expect(toLatin('не могу говорить', 'ru', rnd)).toBe('ne mogu govorit');
  });

  it("writes Ge'ez syllables as consonant and vowel, the sixth vowel unwritten", () => {
    const rnd = () => 0;
    expect(toLatin('ጓለይ ተፊኣትኒ ኣብ ፓርክ', 'ti', rnd)).toBe('gualey tefiatni ab park');
    expect(toLatin('ሕጂ', 'ti', rnd)).toBe('hji');
  });

  it('keeps one spelling per letter within a text and leaves other letters alone', () => {
    const rnd = seededRandom(5);
    for (let i = 0; i < 20; i++) {
      const out = toLatin('хорошо хорошо 112 ok', 'ru', rnd);
      const [a, b] = out.split(' ');
      expect(a).toBe(b);
      expect(out.endsWith(' 112 ok')).toBe(true);
      expect(canTransliterate(out)).toBe(false);
    }
  });
});

describe('latinCopies', () => {
  it('copies only training lines in Cyrillic or Ethiopic, with their labels', () => {
    const lines = [
      { text: 'не дышит', lang: 'ru', label: 'medical' },
      { text: 'ne dyshit', lang: 'ru', label: 'medical' },
      { text: 'он не дышит', lang: 'ru', label: 'medical', dev: true },
      { text: 'he is not breathing', lang: 'en', label: 'medical' },
    ];
    const copies = latinCopies(lines, 1);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ label: 'medical', lang: 'ru' });
    expect(copies[0].text).toMatch(/^ne d[yi](sh|w|sch)it$/);
  });
});
