import snowball from 'snowball-stemmers';

// Snowball's stemmers for the answer languages that have one: "sendikaya" and "sendikalar" (Turkish), or
// "работу" and "работать" (Russian), are one word to the reader, and picking the part of a card that answers
// a question must see that. Languages without a Snowball stemmer (fa, pl, ps, so, ti, uk) keep whole words and
// the prefix rules of tokensMatch.
const ALGORITHM: Record<string, string> = {
  ar: 'arabic', de: 'german', en: 'english', es: 'spanish', fr: 'french', nl: 'dutch', ro: 'romanian', ru: 'russian', tr: 'turkish',
};

// Short stems say too little: Russian "какие" (which) and "как" (how) share "как", and a question's "which"
// then picked a step that says "how".
const MIN_STEM = 4;
const cache = new Map<string, (token: string) => string | null>();

/** The stem of a (normalised, lower-case) token in the language, or null when there is none worth comparing. */
export function stemmerFor(lang: string): (token: string) => string | null {
  const known = cache.get(lang);
  if (known) return known;
  const algorithm = ALGORITHM[lang];
  const stemmer = algorithm ? snowball.newStemmer(algorithm) : null;
  const memo = new Map<string, string | null>();
  const stem = (token: string): string | null => {
    if (!stemmer) return null;
    let s = memo.get(token);
    if (s === undefined) {
      const out = stemmer.stem(token);
      s = [...out].length >= MIN_STEM ? out : null;
      // Question words are few and card words repeat: a bounded memo keeps this cheap without growing forever.
      if (memo.size > 50_000) memo.clear();
      memo.set(token, s);
    }
    return s;
  };
  cache.set(lang, stem);
  return stem;
}
