import { describe, expect, it } from 'vitest';
import { createActorSelector } from '../../server/src/actors/select-actors';
import { createComposer } from '../../server/src/answer/create-composer';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';

const kb = fixtureKnowledge();
const composer = createComposer({ actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])) });
const card = (id: string) => kb.cards.find((c) => c.id === id)!;
const genk = { region: 'flanders' as const, slug: 'genk', province: 'limburg' };

describe('extractive composer', () => {
  it('puts the direct answer first, then the steps, then who can help', () => {
    const out = composer.compose({ card: card('registration-arrival-flanders'), lang: 'nl', place: genk, placeName: 'Genk', namedPlace: null, question: 'inschrijven', concepts: [] });
    const lines = out.text.split('\n');
    expect(lines[0]).toBe('Schrijf je in bij de dienst Bevolking van het gemeentehuis waar je woont.');
    expect(lines.filter((l) => l.startsWith('- ')).length).toBeGreaterThanOrEqual(3);
    expect(out.text).toContain('**Wie kan helpen:**');
    expect(out.language).toBe('nl');
  });

  it('orders actors municipality → province → region → federal and keeps other towns out', () => {
    const out = composer.compose({ card: card('language-dutch-flanders'), lang: 'en', place: genk, placeName: 'Genk', namedPlace: null, question: 'Dutch course', concepts: [] });
    expect(out.actors.map((a) => a.id)).toEqual(['cvo-genk', 'agii']);
    expect(out.actors.map((a) => a.id)).not.toContain('cbe-limburg'); // bound to Hasselt only
  });

  it('serves English with a note when the card lacks the language, French in Wallonia', () => {
    const fl = composer.compose({ card: card('language-dutch-flanders'), lang: 'ar', place: genk, placeName: 'Genk', namedPlace: null, question: 'x', concepts: [] });
    expect(fl.language).toBe('en');
    expect(fl.text.split('\n')[0]).toContain('هذه المعلومات غير متوفرة بلغتك');
    const wa = composer.compose({ card: card('language-french-wallonia'), lang: 'ar', place: { region: 'wallonia', slug: 'charleroi', province: 'hainaut' }, placeName: 'Charleroi', namedPlace: null, question: 'x', concepts: [] });
    expect(wa.language).toBe('fr');
  });

  it('lists literacy course offers only when literacy is asked', () => {
    const out = composer.compose({
      card: card('language-french-wallonia'), lang: 'fr', place: { region: 'wallonia', slug: 'charleroi', province: 'hainaut' }, placeName: 'Charleroi', namedPlace: null,
      question: "cours d'alphabétisation", concepts: [{ id: 'course-literacy', term: 'alphabétisation', weight: 1 }],
    });
    // CRIPEL serves the province of Liège, not Charleroi's Hainaut.
    expect(out.courses.map((c) => c.actor.id)).toEqual(['cric']);
    expect(out.text).toContain('lire et écrire');
    expect(out.text).toContain("Demandez les dates et les places libres à l'accueil.");
  });

  it('says it does not know and names the welcome point', () => {
    const tenant = kb.tenants.find((t) => t.slug === 'genk')!;
    const out = composer.unknown('fr', tenant);
    expect(out.text).toContain("je n'ai pas d'information fiable");
    expect(out.text).toContain('Stad Genk — dienst Burgerzaken');
    expect(out.actors.map((a) => a.id)).toEqual(['genk-population-service']);
  });
});

describe('answer markdown', () => {
  it('keeps bold and links but turns card italics into plain text', async () => {
    const { plainItalics } = await import('../../server/src/answer/create-composer');
    expect(plainItalics('Go to the town hall (*gemeentehuis*). **Bring** your *eID*.')).toBe('Go to the town hall (gemeentehuis). **Bring** your eID.');
    expect(plainItalics('2 * 3 = 6 and 4 * 5')).toBe('2 * 3 = 6 and 4 * 5');
  });
});

describe('actor selection', () => {
  it('shows a Belgium-wide body only when the card names or recommends it', () => {
    const selector = createActorSelector(kb.actors);
    expect(selector.select({ topics: ['health'], place: genk, mentionText: 'Join a fund.' }).map((a) => a.id)).toEqual([]);
    expect(selector.select({ topics: ['health'], place: genk, mentionText: 'Ask HZIV / CAAMI.' }).map((a) => a.id)).toEqual(['hziv-caami']);
    expect(selector.select({ topics: ['health'], place: genk, mentionText: 'Join a fund.', preferred: ['hziv-caami'] }).map((a) => a.id)).toEqual(['hziv-caami']);
  });
});
