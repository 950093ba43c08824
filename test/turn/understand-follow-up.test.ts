import { describe, expect, it } from 'vitest';
import { understandFollowUp } from '../../server/src/turn/steps/understand-follow-up';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { context } from './turn-fakes';

const facets = { classify: (text: string) => ({ facet: text.includes('cost') ? 'cost' as const : 'new-topic' as const, p: 0.9 }) };
const deps = { questionModel: { facets } } as unknown as TurnDeps;

describe('understand-follow-up step', () => {
  it('reads a short message after an answer as a follow-up and asks the facet model what it is about', () => {
    const ctx = context('and what does it cost?', { state: { lastQuery: 'dutch course', lastTopic: 'language-courses' } });
    understandFollowUp.run(ctx, deps);
    expect(ctx.followUp).toBe(true);
    expect(ctx.facet).toEqual({ facet: 'cost', p: 0.9 });
    expect(ctx.trace.at(-1)!.decision).toBe('follows up on "language-courses": cost (0.90)');
  });

  it('treats a first message or a long one as a new question', () => {
    const first = context('and what does it cost?');
    understandFollowUp.run(first, deps);
    expect([first.followUp, first.facet]).toEqual([false, null]);
    const long = context('I moved here last month with my family and I want to know how to register at the town hall', { state: { lastQuery: 'x' } });
    understandFollowUp.run(long, deps);
    expect(long.followUp).toBe(false);
  });
});

describe('understand-follow-up step after an emergency answer', () => {
  const unsure = { questionModel: { facets: { classify: () => ({ facet: 'cost' as const, p: 0.4 }) } } } as unknown as TurnDeps;
  const sureNew = { questionModel: { facets: { classify: () => ({ facet: 'new-topic' as const, p: 0.8 }) } } } as unknown as TurnDeps;
  const message = "et ça coûte quelque chose d'appeler le numéro?";

  it('reads a longer message as building on the emergency unless the facet model is sure it is new', () => {
    const crisis = context(message, { state: { lastQuery: 'emergency-numbers mon fils a bu de la javel', lastTopic: 'emergency', lastMode: 'crisis' } });
    understandFollowUp.run(crisis, unsure);
    expect(crisis.followUp).toBe(true);
    const other = context(message, { state: { lastQuery: 'dutch course', lastTopic: 'language-courses', lastMode: 'extractive' } });
    understandFollowUp.run(other, unsure);
    expect(other.followUp).toBe(false);
    const fresh = context(message, { state: { lastQuery: 'x', lastTopic: 'emergency', lastMode: 'crisis' } });
    understandFollowUp.run(fresh, sureNew);
    expect(fresh.followUp).toBe(false);
  });
});
