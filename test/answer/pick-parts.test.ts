import { describe, expect, it } from 'vitest';
import { cardFacetOf, FIRST_SCREEN_CHARS, followUpCardFacet, pickParts, type CardPart } from '../../server/src/answer/pick-parts';

const part = (kind: CardPart['kind'], text: string, ...facets: CardPart['facets']): CardPart => ({ kind, text, facets });

const gp: CardPart[] = [
  part('summary', 'A family doctor is your first contact. With a global medical file you pay less.', 'what', 'cost'),
  part('step', 'Choose a doctor near your home and ask for an appointment.', 'where', 'how'),
  part('step', 'Bring your identity card and your health insurance details.', 'documents'),
  part('step', 'At night and at the weekend, call 1733 for the doctor on duty. If that does not work, listen to the answering message.', 'hours'),
  part('step', 'Outside opening hours, a pharmacy on duty can help.', 'hours', 'where'),
];
// "does" is in most cards, "night" in few: the rarity of a word decides how much it counts.
// Words in nearly every card or question ("the", "for") weigh about nothing, as the real IDF has them.
const weight = (t: string) => ({ does: 0.4, night: 3, cost: 1.2, much: 0.6, the: 0, for: 0.1, what: 0.2, there: 0.3 })[t] ?? 1.5;

describe('pickParts', () => {
  it('puts the part of the asked facet right after the summary, then the other steps in card order', () => {
    const { lead, more } = pickParts(gp, { question: 'what papers do I need for the doctor?', facet: 'documents', followUp: false, weight });
    expect(lead.slice(0, 2)).toEqual([gp[0], gp[2]]);
    const rest = lead.slice(2).map((p) => gp.indexOf(p));
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect([...lead, ...more]).toHaveLength(gp.length);
  });

  it('leads with a step that clearly answers what the summary does not', () => {
    // "night" is nowhere in the summary and is the question's rarest word: the 1733 step leads.
    const { lead } = pickParts(gp, { question: 'doctor at night?', facet: null, followUp: false, weight });
    expect(lead[0]).toBe(gp[3]);
    expect(lead[1]).toBe(gp[0]);
  });

  it('keeps the first screen short: the rest goes behind "more"', () => {
    const long = [part('summary', 'x'.repeat(300), 'what'), ...Array.from({ length: 6 }, (_, i) => part('step', `${i} ${'y'.repeat(150)}`, 'how'))];
    const { lead, more } = pickParts(long, { question: 'how', facet: null, followUp: false, weight });
    expect(lead.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(FIRST_SCREEN_CHARS);
    expect(more.length).toBeGreaterThan(0);
  });

  it('answers a follow-up with its facet only, never the whole card', () => {
    const { lead } = pickParts(gp, { question: 'and at night?', facet: 'hours', followUp: true, weight });
    expect(lead).toEqual([gp[3], gp[4]]);
  });

  it('lets the summary answer a follow-up when it holds the facet', () => {
    const { lead } = pickParts(gp, { question: 'how much does it cost?', facet: 'cost', followUp: true, weight });
    expect(lead).toEqual([gp[0]]);
  });

  it('ignores common words when no facet is known', () => {
    // "does" appears in the 1733 step but says nothing; "night" decides.
    expect(pickParts(gp, { question: 'how much does it cost', facet: null, followUp: true, weight }).lead).not.toContain(gp[3]);
    expect(pickParts(gp, { question: 'what about the night', facet: null, followUp: true, weight }).lead).toEqual([gp[3]]);
  });

  it('lets the question\'s words outweigh the facet model\'s guess on a first question', () => {
    // The guess "documents" is wrong; half of the question's weight ("night") is in the 1733 step only.
    const { lead } = pickParts(gp, { question: 'is there a doctor at night for my son today?', facet: 'documents', followUp: false, weight });
    expect(lead[0]).toBe(gp[3]);
    expect(lead[1]).toBe(gp[0]);
  });

  it('matches words by their stem in languages with a Snowball stemmer', () => {
    const tr: CardPart[] = [
      part('summary', 'Her çalışanın hakları vardır. Bir sorun olursa yardım alabilirsiniz.', 'what'),
      part('step', 'Yazılı bir iş sözleşmesi isteyin ve imzalamadan önce okuyun.', 'documents'),
      part('step', 'ACV-CSC ve ABVV-FGTB gibi sendikalar üyelerine danışmanlık yapar.', 'who'),
    ];
    // "sendikaya" and "sendikalar" share no prefix rule, only the stem "sendika": with it, the step naming
    // the unions comes before the contract step; without it, the steps keep the card's order.
    const question = 'sendikaya girmek zorunda mıyım';
    const at = (lead: CardPart[]) => [lead.indexOf(tr[1]), lead.indexOf(tr[2])];
    const [contract, unions] = at(pickParts(tr, { question, facet: null, followUp: false, weight, lang: 'tr' }).lead);
    expect(unions).toBeLessThan(contract);
    const [contract2, unions2] = at(pickParts(tr, { question, facet: null, followUp: false, weight }).lead);
    expect(unions2).toBeGreaterThan(contract2);
  });

  it('leads a one-word question with the summary, even when a step shares the word', () => {
    const { lead } = pickParts(gp, { question: 'night', facet: null, followUp: false, weight });
    expect(lead[0]).toBe(gp[0]);
    expect(lead[1]).toBe(gp[3]);
  });

  it('adds the step that shares the question\'s words when the summary already holds them all', () => {
    // "which funds are there?": the summary names the funds' kind, the second step lists them; no step holds a
    // word the summary lacks, and a long summary leaves no room for steps in card order.
    const funds: CardPart[] = [
      part('summary', `Every child here can get family benefits. You choose the fund that pays them. ${'Amounts follow the index. '.repeat(8)}`, 'what'),
      part('step', 'Apply online or with the paper form, with your bank account number.', 'how'),
      part('step', 'The fund is public (FAMIWAL) or private: Camille, Infino, KidsLife or Parentia.', 'where'),
    ];
    const { lead } = pickParts(funds, { question: 'which fund pays the family benefits?', facet: null, followUp: false, weight });
    expect(lead).toEqual([funds[0], funds[2]]);
  });

  it('maps the facet model\'s follow-up facets to card facets', () => {
    expect(cardFacetOf('cost')).toBe('cost');
    expect(cardFacetOf('eligible')).toBe('who');
    expect(cardFacetOf('new-topic')).toBeNull();
    // "And in Ghent?" asks where: the local parts, organisations and courses of the new place.
    expect(followUpCardFacet('another-place')).toBe('where');
    expect(followUpCardFacet('cost')).toBe('cost');
  });
});
