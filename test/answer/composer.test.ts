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
    expect(out.actors.map((a) => a.id)).not.toContain('cbe-limburg'); // named by the card, but bound to Hasselt
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

describe('follow-ups', () => {
  it('does not list the organisations again unless the follow-up asks where or when', () => {
    const base = { card: card('registration-arrival-flanders'), lang: 'en' as const, place: genk, placeName: 'Genk', namedPlace: null, concepts: [] };
    const first = composer.compose({ ...base, question: 'how do I register?' });
    expect(first.actors.length).toBeGreaterThan(0);
    const papers = composer.compose({ ...base, question: 'what papers?', facet: 'documents', followUp: true });
    expect(papers.actors).toEqual([]);
    expect(papers.text).not.toContain('**Who can help:**');
    const where = composer.compose({ ...base, question: 'where do I go?', facet: 'where', followUp: true });
    expect(where.actors.map((a) => a.id)).toEqual(first.actors.map((a) => a.id));
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
  it('shows only the organisations the card names, by id or role, nearest first; nothing when it names none', () => {
    const selector = createActorSelector(kb.actors);
    expect(selector.forCard({ named: ['role:integration-office', 'role:population-service'], place: genk }).map((a) => a.id)).toEqual(['genk-population-service', 'agii']);
    expect(selector.forCard({ named: ['hziv-caami'], place: genk }).map((a) => a.id)).toEqual(['hziv-caami']);
    expect(selector.forCard({ named: [], place: genk })).toEqual([]);
    // An organisation of another region or town is never shown, whatever the card names.
    expect(selector.forCard({ named: ['cric'], place: genk })).toEqual([]);
  });
});

describe('answer parts', () => {
  const reg = card('registration-arrival-flanders');
  it('leads a first answer with the summary and the part that answers the question, the rest behind "more"', () => {
    const out = composer.compose({ card: reg, lang: 'en', place: genk, placeName: 'Genk', namedPlace: null, question: 'which documents do I bring', concepts: [], facet: 'documents' });
    expect(out.text.startsWith('Register at the population service')).toBe(true);
    expect(out.text).toContain('- Go to the town hall with your passport and your rental contract.');
    expect(out.text).toContain('**Who can help:**');
    expect(out.text).toContain('**Stad Genk — dienst Burgerzaken** — Registers new residents of Genk');
  });

  it('answers a follow-up with its facet only, never the whole card again', () => {
    const out = composer.compose({ card: reg, lang: 'en', place: genk, placeName: 'Genk', namedPlace: null, question: 'and who must do it?', concepts: [], facet: 'who', followUp: true });
    expect(out.text.split('\n')[0]).toBe('After registering you get a letter about civic integration (inburgering).');
    expect(out.text).not.toContain('Register at the population service');
    expect(out.details).toContain('Register at the population service');
  });
});

describe('answer tidiness', () => {
  it('drops a gloss that repeats its word and doubled punctuation', async () => {
    const { tidy } = await import('../../server/src/answer/create-composer');
    expect(tidy("Inscrivez-vous comme demandeur d'emploi (demandeur d'emploi) au Forem.")).toBe("Inscrivez-vous comme demandeur d'emploi au Forem.");
    expect(tidy('Cours près de Liège:: A1')).toBe('Cours près de Liège: A1');
    expect(tidy('ziekenfonds (mutualité)')).toBe('ziekenfonds (mutualité)');
  });
});
