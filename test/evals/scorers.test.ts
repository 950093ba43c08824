import { describe, expect, it } from 'vitest';
import { createActorSelector } from '../../server/src/actors/select-actors';
import { createComposer } from '../../server/src/answer/create-composer';
import { actorsNotNamed, actorsOutOfRegion, actorRecall } from '../../evals/scorers/actors';
import { inventedContacts, numberKey } from '../../evals/scorers/contacts';
import { buildCorpus } from '../../evals/scorers/corpus';
import { ungroundedParts } from '../../evals/scorers/grounding';
import { firstRank, hitAt, reciprocalRank } from '../../evals/scorers/retrieval';
import { includes } from '../../evals/scorers/traps';
import { nearCopies, similarity } from '../../evals/lib/similarity';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';

const kb = fixtureKnowledge();
const corpus = buildCorpus(kb);
const composer = createComposer({ actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])) });
const genk = kb.tenants.find((t) => t.slug === 'genk')!;
const card = kb.cards.find((c) => c.id === 'registration-arrival-flanders')!;
const composed = composer.compose({ card, lang: 'en', place: { region: 'flanders', slug: 'genk', province: 'limburg' }, placeName: 'Genk', namedPlace: null, question: 'How do I register?', concepts: [] });
const input = { answer: composed.text, cardIds: [card.id], actors: composed.actors };

describe('grounding scorer', () => {
  it('accepts a real extractive answer (card text, actor lines, canned headings)', () => {
    expect(composed.actors.length).toBeGreaterThan(0);
    expect(ungroundedParts(input, corpus)).toEqual([]);
  });

  it('catches an invented sentence, appended or inside a card paragraph', () => {
    const invented = 'You will receive 500 euros welcome money.';
    expect(ungroundedParts({ ...input, answer: `${composed.text}\n\n${invented}` }, corpus)).toEqual([invented]);
    const summary = card.texts.en!.summary;
    const bad = ungroundedParts({ ...input, answer: composed.text.replace(summary, `${summary} Registration is free everywhere.`) }, corpus);
    expect(bad).toContain('Registration is free everywhere.');
  });

  it('catches text from a card that is not the cited one', () => {
    expect(ungroundedParts({ ...input, cardIds: ['health-insurance-fund'] }, corpus).length).toBeGreaterThan(0);
  });

  it('catches an actor line with contact data that is not that actor\'s', () => {
    const line = composed.text.split('\n').find((l) => l.startsWith('- **'))!;
    expect(ungroundedParts({ ...input, answer: `${composed.text}\n${line} · 089 12 34 56` }, corpus).length).toBe(1);
  });

  it('accepts an actor line with the actor\'s own description, not another text', () => {
    const line = composed.text.split('\n').find((l) => l.includes('— Registers new residents of Genk'));
    expect(line).toBeDefined();
    expect(ungroundedParts(input, corpus)).toEqual([]);
    const forged = composed.text.replace('— Registers new residents of Genk', '— Registers everyone for free');
    expect(ungroundedParts({ ...input, answer: forged }, corpus).length).toBe(1);
  });

  it('accepts the canned "I do not know" answer with the welcome point', () => {
    const unknown = composer.unknown('fr', genk);
    expect(ungroundedParts({ answer: unknown.text, cardIds: [], actors: unknown.actors }, corpus)).toEqual([]);
  });
});

describe('contact-integrity scorer', () => {
  it('passes contacts that exist in the knowledge', () => {
    expect(inventedContacts(composed.text, corpus)).toEqual([]);
    expect(inventedContacts('In an emergency call 112.', corpus)).toEqual([]);
  });

  it('catches an invented phone number, e-mail address and URL', () => {
    expect(inventedContacts(`${composed.text}\nCall 02 555 12 34.`, corpus)).toEqual(['02 555 12 34']);
    expect(inventedContacts('Write to help@welcome-desk.example.', corpus)).toEqual(['help@welcome-desk.example']);
    expect(inventedContacts('See https://www.fake-agency.be/apply', corpus)).toEqual(['https://www.fake-agency.be/apply']);
  });

  it('reads +32 and 0 prefixes as the same number', () => {
    expect(numberKey('+32 2 555 12 34')).toBe(numberKey('02 555 12 34'));
  });
});

describe('retrieval, actor and trap scorers', () => {
  it('ranks, hit@k and reciprocal rank', () => {
    expect(firstRank(['a', 'b', 'c'], ['c', 'x'])).toBe(3);
    expect(firstRank(['a'], ['z'])).toBe(0);
    expect(hitAt(3, 3)).toBe(true);
    expect(hitAt(0, 3)).toBe(false);
    expect(reciprocalRank(2)).toBe(0.5);
  });

  it('flags actors from another region but never federal ones', () => {
    const shown = [{ id: 'vdab', region: 'flanders' as const }, { id: 'fedasil', region: 'federal' as const }];
    expect(actorsOutOfRegion(shown, ['wallonia'])).toEqual(['vdab (flanders)']);
    expect(actorsOutOfRegion(shown, ['flanders'])).toEqual([]);
    expect(actorRecall(shown, ['vdab', 'forem'])).toBe(0.5);
  });

  it('flags organisations the cited card does not name, by id or role', () => {
    expect(actorsNotNamed(composed.actors, [card.id], corpus)).toEqual([]);
    const stranger = kb.actors.find((a) => !card.actors.includes(a.id) && !a.roles.some((r) => card.actors.includes(`role:${r}`)))!;
    expect(actorsNotNamed([...composed.actors, stranger], [card.id], corpus)).toEqual([stranger.id]);
  });

  it('counts a local office as the expected regional actor', () => {
    const offices = new Map([['actiris', new Set(['actiris-schaerbeek'])]]);
    expect(actorRecall([{ id: 'actiris-schaerbeek' }], ['actiris'], offices)).toBe(1);
    expect(actorRecall([{ id: 'actiris-schaerbeek' }], ['actiris'])).toBe(0);
  });

  it('matches phrases case- and accent-insensitively', () => {
    expect(includes('Go to the ÖSHZ.', ['öshz', 'VDAB'])).toEqual({ found: ['öshz'], missing: ['VDAB'] });
  });

  it('finds near-copies of example questions', () => {
    expect(similarity('How do I register?', 'how do i register')).toBe(1);
    expect(nearCopies('How do I register at the town hall??', [{ text: 'How do I register at the town hall?', from: 'x' }])).toHaveLength(1);
    expect(nearCopies('Where can my mum learn to read?', [{ text: 'How do I register at the town hall?', from: 'x' }])).toHaveLength(0);
  });
});
