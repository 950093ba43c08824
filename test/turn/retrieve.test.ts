import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../server/src/conversations/conversation-store';
import type { Retriever, RetrievalResult } from '../../server/src/retrieval/create-retriever';
import { ANSWER_FEATURES, FUSION_FEATURES } from '../../server/src/question-model/fusion-features';
import { QuestionModel, type QuestionModelMeta } from '../../server/src/question-model/question-model';
import { retrieve } from '../../server/src/turn/steps/retrieve';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { card, context, GENK } from './turn-fakes';

const tagged = (steps: string[][]) => ({ parts: { summary: ['what'], steps, closing: [] } }) as never;
const cards = [card('health-gp', 'health'), card('language-costs', 'language-courses', tagged([['cost']])), card('language-dutch', 'language-courses', tagged([['how']])), card('housing-rent', 'housing')];
const byId = new Map(cards.map((c) => [c.id, c]));

// A fake classifier: the card whose id shares a word with the question wins.
const classifier = {
  predict: (text: string) => {
    const scores = cards.map((c) => ({ label: c.id, p: c.id.split('-').some((w) => text.includes(w)) ? 5 : 1 }));
    scores.push({ label: 'out-of-scope', p: /pizza|weather/.test(text) ? 50 : 0.5 });
    const z = scores.reduce((s, x) => s + x.p, 0);
    return scores.map((x) => ({ label: x.label, p: x.p / z })).sort((a, b) => b.p - a.p);
  },
  labels: () => [...cards.map((c) => c.id), 'out-of-scope'],
  dispose: () => undefined,
};
// A fusion that trusts the model's probability only.
const fusion = { features: [...FUSION_FEATURES], mean: FUSION_FEATURES.map(() => 0), scale: FUSION_FEATURES.map(() => 1), weights: FUSION_FEATURES.map((f) => (f === 'model' ? 12 : 0)), bias: -4 };
// The second stage passes the best fused score through.
const answer = { features: [...ANSWER_FEATURES], mean: ANSWER_FEATURES.map(() => 0), scale: ANSWER_FEATURES.map(() => 1), weights: ANSWER_FEATURES.map((f) => (f === 'best' ? 10 : 0)), bias: -5 };
const meta: QuestionModelMeta = { fingerprint: 'x', temperature: 1, fusion, answer, threshold: 0.5, report: {} };

const retriever: Retriever = {
  applicableCards: () => new Set(byId.keys()),
  async retrieve(input): Promise<RetrievalResult> {
    const ids = [...new Set([...(input.include ?? []), ...cards.map((c) => c.id)])];
    return { results: ids.map((id) => ({ card: byId.get(id)!, score: 1, signals: { lexical: 0, vector: 0, coverage: 0, concepts: 0 } })), confidence: 0.5, concepts: [] };
  },
};
const deps = { retriever, questionModel: new QuestionModel(classifier, meta, byId), cardTopics: new Map(cards.map((c) => [c.id, c.topic])), minConfidence: 0.33 } as unknown as TurnDeps;

function ctxFor(message: string, state?: Partial<ConversationState>) {
  const ctx = context(message, { lang: 'en', state });
  ctx.place = { mention: null, named: false, region: 'flanders', tenant: GENK, key: null, wording: message };
  return ctx;
}

describe('retrieve step', () => {
  it('picks the card the fused model is surest of and answers when it clears the learned threshold', async () => {
    const ctx = ctxFor('i need a gp doctor');
    await retrieve.run(ctx, deps);
    expect(ctx.retrieval!.results[0].card.id).toBe('health-gp');
    expect(ctx.confidence).toBeGreaterThan(0.5);
    expect(ctx.mode).toBeUndefined();
    expect(ctx.query).toBe('i need a gp doctor');
    expect(ctx.trace.at(-1)!.decision).toMatch(/^health-gp at 0\.\d\d \(fused\)$/);
  });

  it('says it does not know below the threshold', async () => {
    const ctx = ctxFor('best pizza in town');
    await retrieve.run(ctx, deps);
    expect(ctx.mode).toBe('unknown');
    expect(ctx.trace.at(-1)!.decision).toMatch(/^not sure/);
  });

  it('keeps a same-subject follow-up on the previous answer\'s subject', async () => {
    const ctx = ctxFor('and the costs?', { lastQuery: 'learn dutch', lastTopic: 'language-courses' });
    ctx.followUp = true;
    ctx.facet = { facet: 'cost', p: 0.9 };
    await retrieve.run(ctx, deps);
    expect(ctx.retrieval!.results.every((r) => r.card.topic === 'language-courses')).toBe(true);
    expect(ctx.query).toBe('learn dutch and the costs?');
  });

  it('answers a follow-up\'s facet from a close card on the same subject when the kept card says nothing about it', async () => {
    const ctx = ctxFor('how much?', { lastQuery: 'learn dutch', lastTopic: 'language-courses' });
    ctx.followUp = true;
    ctx.facet = { facet: 'cost', p: 0.9 };
    await retrieve.run(ctx, deps);
    expect(ctx.retrieval!.results.map((r) => r.card.id).slice(0, 2)).toEqual(['language-costs', 'language-dutch']);
    // No card on the subject has that facet: the kept card stays first.
    const papers = ctxFor('which papers?', { lastQuery: 'learn dutch', lastTopic: 'language-courses' });
    papers.followUp = true;
    papers.facet = { facet: 'documents', p: 0.9 };
    await retrieve.run(papers, deps);
    expect(papers.retrieval!.results[0].card.id).toBe('language-dutch');
  });

  it('lets a follow-up about a new subject switch topic', async () => {
    const ctx = ctxFor('and rent help?', { lastQuery: 'learn dutch', lastTopic: 'language-courses' });
    ctx.followUp = true;
    ctx.facet = { facet: 'new-topic', p: 0.9 };
    await retrieve.run(ctx, deps);
    expect(ctx.retrieval!.results[0].card.id).toBe('housing-rent');
  });

  it('reads a long story sentence by sentence only when the whole is too unsure to answer', async () => {
    const read: string[] = [];
    const spying = { ...classifier, predict: (text: string) => (read.push(text), classifier.predict(text)) };
    const spyDeps = { ...deps, questionModel: new QuestionModel(spying, meta, byId) } as TurnDeps;
    const sure = ctxFor('We came here in spring with the children and my husband works in a warehouse now. I need a gp doctor near us who speaks Arabic, please.');
    await retrieve.run(sure, spyDeps);
    expect(sure.retrieval!.results[0].card.id).toBe('health-gp');
    expect(read).toHaveLength(1);
    read.length = 0;
    const unsure = ctxFor('We came here in spring with the children and my husband works in a warehouse now. Nobody told us anything at all about what comes next here.');
    await retrieve.run(unsure, spyDeps);
    expect(unsure.mode).toBe('unknown');
    expect(read.length).toBeGreaterThan(1);
  });

  it("answers 'and in Brussels?' with the previous card's counterpart for the new region, or the same card where it applies", async () => {
    const regional = [card('language-dutch-flanders', 'language-courses'), card('language-dutch-brussels', 'language-courses'), card('health-gp', 'health')];
    const regionOf: Record<string, string> = { 'language-dutch-flanders': 'flanders', 'language-dutch-brussels': 'brussels' };
    const ids = new Map(regional.map((c) => [c.id, c]));
    const byRegion: Retriever = {
      applicableCards: (region) => new Set(regional.filter((c) => !regionOf[c.id] || regionOf[c.id] === region).map((c) => c.id)),
      async retrieve(input) {
        const found = [...new Set([...(input.include ?? []), 'health-gp'])].map((id) => ({ card: ids.get(id)!, score: 1, signals: { lexical: 0, vector: 0, coverage: 0, concepts: 0 } }));
        return { results: found, confidence: 0.2, concepts: [] };
      },
    };
    // A model that reads nothing in "and in Brussels?": on its own words the turn would not be answered.
    const unsure = { predict: () => [...regional.map((c) => ({ label: c.id, p: 0.05 })), { label: 'out-of-scope', p: 0.85 }], labels: () => [...ids.keys(), 'out-of-scope'], dispose: () => undefined };
    const regionalDeps = { ...deps, retriever: byRegion, questionModel: new QuestionModel(unsure, meta, ids), cardTopics: new Map(regional.map((c) => [c.id, c.topic])) } as unknown as TurnDeps;
    const ask = async (lastCardId: string, lastTopic: string) => {
      const ctx = ctxFor('and in Brussels?', { lastQuery: 'dutch lessons', lastTopic, lastCardId });
      ctx.place = { ...ctx.place!, region: 'brussels', tenant: null, wording: 'and in' };
      ctx.followUp = true;
      ctx.facet = { facet: 'another-place', p: 0.9 };
      await retrieve.run(ctx, regionalDeps);
      return ctx;
    };
    const moved = await ask('language-dutch-flanders', 'language-courses');
    expect(moved.retrieval!.results[0].card.id).toBe('language-dutch-brussels');
    expect(moved.mode).toBeUndefined();
    const federal = await ask('health-gp', 'health');
    expect(federal.retrieval!.results[0].card.id).toBe('health-gp');
    expect(federal.mode).toBeUndefined();
  });

  describe('a message after an answer', () => {
    // Read alone, "what's the forecast" is surely out of scope; "the evening ones" (no card word) only unsure.
    const reader = { ...classifier, predict: (text: string) => (/^what.?s the forecast/.test(text) ? [{ label: 'out-of-scope', p: 0.95 }, ...cards.map((c) => ({ label: c.id, p: 0.0125 }))] : classifier.predict(text)) };
    const ctxDeps = { ...deps, questionModel: new QuestionModel(reader, meta, byId) } as TurnDeps;
    const after = (message: string, followUp: boolean, facetP = 0.9) => {
      const ctx = ctxFor(message, { lastQuery: 'learn dutch', lastTopic: 'language-courses', lastCardId: 'language-dutch' });
      ctx.followUp = followUp;
      if (followUp) ctx.facet = { facet: 'hours', p: facetP };
      return ctx;
    };

    it('is not answered from the previous subject when, read alone, it is surely about none of the cards', async () => {
      const weather = after("what's the forecast tomorrow?", true);
      await retrieve.run(weather, ctxDeps);
      expect(weather.mode).toBe('unknown');
      // …unless the facet model is all but certain it asks one more thing about that subject.
      const sure = after("what's the forecast tomorrow?", true, 0.995);
      await retrieve.run(sure, ctxDeps);
      expect(sure.mode).toBeUndefined();
      expect(sure.retrieval!.results[0].card.topic).toBe('language-courses');
    });

    it('is read with the previous question when it is no short follow-up and too unsure on its own words', async () => {
      const ctx = after('we both work during the day so only the ones in the evening would suit us', false);
      await retrieve.run(ctx, ctxDeps);
      expect(ctx.mode).toBeUndefined();
      expect(ctx.retrieval!.results[0].card.id).toBe('language-dutch');
      expect(ctx.query).toBe('learn dutch we both work during the day so only the ones in the evening would suit us');
    });
  });

  it("keeps the previous card for 'is there an interpreter?' when the words alone name no card of the subject", async () => {
    // Read alone, "interpreter" leans to no card (out of scope 0.6: unsure, not surely out of scope).
    const unsure = { ...classifier, predict: (text: string) => (/interpreter/.test(text) ? [{ label: 'out-of-scope', p: 0.6 }, ...cards.map((c) => ({ label: c.id, p: 0.1 }))] : classifier.predict(text)) };
    const ctx = ctxFor('i speak no french, is there an interpreter?', { lastQuery: 'learn dutch', lastTopic: 'language-courses', lastCardId: 'language-dutch' });
    ctx.followUp = true;
    ctx.facet = { facet: 'another-language', p: 0.9 };
    await retrieve.run(ctx, { ...deps, questionModel: new QuestionModel(unsure, meta, byId) } as TurnDeps);
    expect(ctx.mode).toBeUndefined();
    expect(ctx.retrieval!.results[0].card.id).toBe('language-dutch');
    // Words that do name a card of the subject still choose it ("and the costs?" reads as the costs card).
    const named = ctxFor('and the costs in another language?', { lastQuery: 'learn dutch', lastTopic: 'language-courses', lastCardId: 'language-dutch' });
    named.followUp = true;
    named.facet = { facet: 'another-language', p: 0.9 };
    await retrieve.run(named, deps);
    expect(named.retrieval!.results[0].card.id).toBe('language-costs');
  });

  it('answers an unsure same-subject follow-up from the previous card when the facet model is sure of the facet', async () => {
    // Read alone or joined, "per month" leans to no card (out of scope 0.6: unsure, not surely out of scope).
    const unsure = { ...classifier, predict: (text: string) => (/per month/.test(text) ? [{ label: 'out-of-scope', p: 0.6 }, ...cards.map((c) => ({ label: c.id, p: 0.1 }))] : classifier.predict(text)) };
    const unsureDeps = { ...deps, questionModel: new QuestionModel(unsure, meta, byId) } as TurnDeps;
    const ask = (facetP: number) => {
      const ctx = ctxFor('and per month?', { lastQuery: 'a gp please', lastTopic: 'health', lastCardId: 'health-gp' });
      ctx.followUp = true;
      ctx.facet = { facet: 'cost', p: facetP };
      return ctx;
    };
    const sure = ask(0.9);
    await retrieve.run(sure, unsureDeps);
    expect(sure.mode).toBeUndefined();
    expect(sure.retrieval!.results[0].card.id).toBe('health-gp');
    // Unsure which facet it is: the honest "I don't know" stays.
    const vague = ask(0.4);
    await retrieve.run(vague, unsureDeps);
    expect(vague.mode).toBe('unknown');
  });

  it('declines a request for someone\'s personal file whatever the score', async () => {
    const declining: Retriever = { ...retriever, retrieve: async (i) => ({ ...(await retriever.retrieve(i)), concepts: [{ id: 'personal-file', term: 'file', weight: 1, intent: 'decline' }] }) };
    const ctx = ctxFor('show me the gp file of my neighbour');
    await retrieve.run(ctx, { ...deps, retriever: declining });
    expect([ctx.mode, ctx.route, ctx.confidence]).toEqual(['decline', 'decline', 0]);
  });
});
