import { describe, expect, it } from 'vitest';
import type { Composer } from '../../server/src/answer/create-composer';
import { compose } from '../../server/src/turn/steps/compose';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { card, context, GENK } from './turn-fakes';

const gp = card('health-gp');
const composer: Composer = {
  refresh: () => undefined,
  compose: (input) => ({ text: `Answer from ${input.card.id} for ${input.place.slug}`, details: null, language: input.lang, actors: [], courses: [], sources: [{ id: `${input.card.id}#1`, title: 'src', url: null }] }),
  unknown: (lang) => ({ text: `I do not know (${lang})`, actors: [] }),
};

function ctxWith(mode?: 'unknown' | 'decline') {
  const ctx = context('i need a doctor', { lang: 'en' });
  ctx.place = { mention: null, named: false, region: 'flanders', tenant: GENK, key: null, wording: ctx.message };
  ctx.retrieval = { results: [{ card: gp, score: 1, signals: { lexical: 1, vector: 1, coverage: 1, concepts: 0 } }], confidence: 0.9, concepts: [] };
  ctx.mode = mode;
  return ctx;
}

describe('compose step', () => {
  it('builds the extractive answer from the best card, for the place', async () => {
    const ctx = ctxWith();
    await compose.run(ctx, { composer } as unknown as TurnDeps);
    expect(ctx.answer).toMatchObject({ answer: 'Answer from health-gp for genk', answered: true, topic: 'health', handover: { offered: false } });
    expect(ctx.mode).toBe('extractive');
  });

  it('says honestly it does not know, and offers a person', async () => {
    const ctx = ctxWith('unknown');
    await compose.run(ctx, { composer } as unknown as TurnDeps);
    expect(ctx.answer).toMatchObject({ answer: 'I do not know (en)', answered: false, handover: { offered: true } });
  });

  it('serves an LLM rewrite when there is one, keeping the extractive text for the guard', async () => {
    const ctx = ctxWith();
    const llm = { generate: async () => 'A friendly rewrite.' };
    await compose.run(ctx, { composer, llm } as unknown as TurnDeps);
    expect([ctx.answer!.answer, ctx.mode, ctx.extractive]).toEqual(['A friendly rewrite.', 'llm', 'Answer from health-gp for genk']);
  });
});
