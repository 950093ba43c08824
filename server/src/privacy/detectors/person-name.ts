import type { Detector, Span } from './span';

// What people write before their own name, in the languages of the widget.
const INTRO = [
  'my name is', "my name's", 'i am called', "i'm called",
  'ik heet', 'mijn naam is', 'mijn naam:', 'je m[\'’]appelle', 'mon nom est', 'je me nomme',
  'ich heiße', 'ich heisse', 'mein name ist', 'меня зовут', 'моё имя', 'мое имя', 'мене звати', 'моє ім[\'’]я',
  'benim adım', 'benim ismim', 'ismim', 'اسمي', 'إسمي', 'me llamo', 'mi nombre es', 'nazywam się', 'numele meu este',
].join('|');
const TRIGGER = new RegExp(`(?<!\\p{L})(?:${INTRO})\\s*:?\\s+`, 'giu');

// Particles inside names ("Van den Berg", "El Amrani", "de Smet", "bin Said").
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'le', 'la', 'el', 'al', 'ben', 'bin', 'ibn', 'da', 'di', 'du', 'von', 'zu', 'abu', 'ter']);
// Words that end a name written in lower case ("my name is amina and I …").
const STOP = new Set(['and', 'en', 'et', 'und', 'i', 'ik', 'je', 'ich', 'from', 'uit', 'aus', 'но', 'и', 'і', 've', 'ben', 'و', 'وأنا', 'من', 'im', 'am', 'is', 'ist', 'est', 'please']);

/** Names after "my name is", "ik heet", "je m'appelle", "меня зовут", "benim adım", "اسمي"…: capitalised words, or the next word or two. */
export const personName: Detector = {
  label: 'name',
  find(text) {
    const spans: Span[] = [];
    for (const m of text.matchAll(TRIGGER)) {
      const start = m.index! + m[0].length;
      const tokens = [...text.slice(start).matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*|[^\p{L}\p{M}\s]|\s+/gu)].slice(0, 12);
      let end = start;
      let taken = 0;
      let words = 0;
      const capitalised = /^\p{Lu}/u.test(tokens[0]?.[0] ?? '');
      for (const t of tokens) {
        const word = t[0];
        if (/^\s+$/.test(word)) continue;
        if (!/^[\p{L}\p{M}]/u.test(word)) break; // punctuation or digits end the name
        const lower = word.toLowerCase();
        if (capitalised) {
          if (!/^\p{Lu}/u.test(word) && !PARTICLES.has(lower)) break;
          if (taken >= 4) break;
        } else if (words >= 2 || (taken > 0 && STOP.has(lower))) break;
        end = start + t.index! + word.length;
        taken++;
        // "jan de smet": particles do not count towards the two words of a name written in lower case.
        if (!PARTICLES.has(lower)) words++;
      }
      if (taken > 0) spans.push({ start, end });
    }
    return spans;
  },
};
