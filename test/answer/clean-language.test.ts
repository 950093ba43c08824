import { describe, expect, it } from 'vitest';
import { createActorSelector, type Place } from '../../server/src/actors/select-actors';
import { createComposer } from '../../server/src/answer/create-composer';
import { SUPPORTED_LANGUAGES, type Language } from '../../server/src/language/languages';
import type { Card } from '../../server/src/knowledge/knowledge-types';
import { realKnowledge } from '../helpers/fixture-knowledge';

// Issue 10 §4: compose every card in every language (with the local organisations of one town per
// region) and flag English function words outside names, doubled glosses and doubled punctuation.
const kb = realKnowledge();
const composer = createComposer({ actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])) });

const TOWN: Record<string, Place> = {
  flanders: { region: 'flanders', slug: 'genk', province: 'limburg' },
  brussels: { region: 'brussels', slug: 'schaerbeek', province: null },
  wallonia: { region: 'wallonia', slug: 'liege', province: 'liege' },
  'german-speaking': { region: 'german-speaking', slug: 'eupen', province: 'liege' },
};
const ENGLISH = ['the', 'and', 'of', 'for', 'with', 'your', 'you', 'from', 'this', 'that', 'is', 'are', 'by', 'an', 'on', 'at', 'to', 'or', 'evenings', 'weekends', 'office', 'service', 'number'];
// Unicode-aware word boundaries: `\b` treats "é" or "ї" as a boundary and would cut words apart.
const WORD = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}'’-])(${ENGLISH.join('|')})(?![\\p{L}\\p{M}\\p{N}'’-])`, 'giu');

// Words that are also ordinary words of the language itself (Dutch "of", Polish "to", French "un an").
const HOMOGRAPHS: Partial<Record<Language, string[]>> = {
  nl: ['of', 'is'], de: ['an'], fr: ['an', 'on', 'service'], pl: ['by', 'on', 'to'], ro: ['an', 'are'], so: ['is'],
};
// Official names may be English ("Duo for a Job") and are allowed wherever they appear.
const NAMES = [...new Set(kb.actors.flatMap((a) => [a.name, ...Object.values(a.names)]))].sort((a, b) => b.length - a.length);
// One pass over a text with every name at once (there are thousands since every municipality has its offices).
const NAME_RE = new RegExp(NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function placeFor(card: Card): Place {
  const region = card.regions.includes('all') ? 'brussels' : card.regions[0];
  const town = TOWN[region] ?? TOWN.brussels;
  return card.municipalities[0] ? { ...town, slug: card.municipalities[0] } : town;
}

/** Remove what may legitimately be in another language: names in bold, links, addresses, quoted terms. */
function outsideNames(text: string): string {
  return text.replace(NAME_RE, ' ')
    .replace(/\*\*[^*]+\*\*/g, ' ')
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[«“"„][^»”"]*[»”"]/g, ' ')
    .replace(/\([^)]*\)/g, ' ');
}

function englishWords(text: string, lang: Language): string[] {
  const own = new Set(HOMOGRAPHS[lang] ?? []);
  return [...outsideNames(text).matchAll(WORD)].map((m) => m[1].toLowerCase()).filter((w) => !own.has(w));
}

const DOUBLED_GLOSS = /(?<![\p{L}.])([\p{L}][\p{L}\p{M}'’ -]{2,60}) \(\1\)/iu;
const punctuationFault = (lang: Language) => (lang === 'fr' ? /::|,,|;;|(?<!\.)\.\.(?!\.)| [,.](?=\s|$)/m : /::|,,|;;|(?<!\.)\.\.(?!\.)| [:;,.](?=\s|$)/m);

describe('clean answer language (every card × every language)', () => {
  const faults: string[] = [];
  let composed = 0;
  for (const card of kb.cards) {
    for (const lang of SUPPORTED_LANGUAGES) {
      if (!card.texts[lang]) continue;
      const out = composer.compose({ card, lang, place: placeFor(card), placeName: 'X', namedPlace: null, question: card.texts[lang]!.title, concepts: [] });
      const all = `${out.text}\n${out.details ?? ''}`;
      composed++;
      if (lang !== 'en') {
        const en = englishWords(all, lang);
        if (en.length) faults.push(`${card.id} ${lang}: English ${en.join(', ')}`);
      }
      const gloss = DOUBLED_GLOSS.exec(all);
      if (gloss) faults.push(`${card.id} ${lang}: doubled gloss "${gloss[0]}"`);
      const punct = punctuationFault(lang).exec(all);
      if (punct) faults.push(`${card.id} ${lang}: punctuation "${punct[0]}" in …${all.slice(Math.max(0, punct.index - 30), punct.index + 10)}…`);
    }
  }

  it('composes all cards in all their languages', () => {
    expect(composed).toBeGreaterThan(kb.cards.length * 14);
  });

  it('finds no English words, doubled glosses or doubled punctuation', () => {
    expect(faults).toEqual([]);
  });

  it('would catch each kind of fault', () => {
    expect(englishWords('يمكنك الذهاب إلى the office', 'ar')).toEqual(['the', 'office']);
    expect(englishWords('Ga naar de gemeente of het OCMW', 'nl')).toEqual([]);
    expect(englishWords('Зверніться до **Immigration Office**', 'uk')).toEqual([]);
    expect(DOUBLED_GLOSS.test("Inscrivez-vous comme demandeur d'emploi (demandeur d'emploi).")).toBe(true);
    expect(punctuationFault('uk').test('Курси поблизу: Liège::')).toBe(true);
    expect(punctuationFault('fr').test('Cours près de Liège :')).toBe(false);
  });
});

describe('organisations speak the answer language', () => {
  it('has a description in every language for every organisation with one, and hours per language', () => {
    const missing: string[] = [];
    for (const actor of kb.actors) {
      if (actor.type === 'programme') continue;
      for (const lang of SUPPORTED_LANGUAGES) {
        if (Object.keys(actor.descriptions).length && !actor.descriptions[lang]) missing.push(`${actor.id} description ${lang}`);
        if (actor.hours && typeof actor.hours === 'object' && !actor.hours[lang]) missing.push(`${actor.id} hours ${lang}`);
        const text = `${actor.descriptions[lang] ?? ''} ${typeof actor.hours === 'object' && actor.hours ? actor.hours[lang] ?? '' : ''}`;
        if (lang !== 'en' && englishWords(text, lang).length) missing.push(`${actor.id} ${lang}: English "${englishWords(text, lang).join(', ')}"`);
      }
      if (typeof actor.hours === 'string') missing.push(`${actor.id}: hours in one language only`);
    }
    expect(missing).toEqual([]);
  });
});
