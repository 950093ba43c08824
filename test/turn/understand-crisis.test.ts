import { describe, expect, it } from 'vitest';
import { createCrisisDetector } from '../../server/src/safety/crisis-detector';
import { createCrisisMatcher } from '../../server/src/safety/crisis-matcher';
import { understandCrisis } from '../../server/src/turn/steps/understand-crisis';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { context } from './turn-fakes';

const deps = {
  crisis: { detector: createCrisisDetector(createCrisisMatcher([{ language: 'en', patterns: { suicide: ['kill myself'], medical: ['not breathing'] }, notCrisis: [] }]), null), responder: null as never },
} as unknown as TurnDeps;

describe('understand-crisis step', () => {
  it('marks a crisis with its categories and says which words matched', () => {
    const ctx = context('my baby is not breathing');
    understandCrisis.run(ctx, deps);
    expect(ctx.crisis?.categories).toEqual(['medical']);
    expect(ctx.trace.at(-1)).toEqual({ step: 'understand-crisis', decision: 'medical (en: "not breathing")' });
  });

  it('reads the message after a crisis answer as a first message, not as a follow-up leaning on an answer', () => {
    const seen: boolean[] = [];
    const spy = { crisis: { detector: { detect: (_m: string, o: { followUp: boolean }) => (seen.push(o.followUp), null) } } } as unknown as TurnDeps;
    understandCrisis.run(context('he still does not breathe', { state: { lastQuery: 'my son swallowed pills', lastMode: 'crisis' } }), spy);
    understandCrisis.run(context('and at night?', { state: { lastQuery: 'gp', lastMode: 'extractive' } }), spy);
    understandCrisis.run(context('w f lil?', { state: { lastQuery: null, lastMode: 'unknown' } }), spy);
    understandCrisis.run(context('my husband hits me', { state: { lastQuery: null, lastMode: 'small-talk' } }), spy);
    expect(seen).toEqual([false, true, true, false]);
  });

  it('leaves an ordinary question alone', () => {
    const ctx = context('where do I find a doctor');
    understandCrisis.run(ctx, deps);
    expect(ctx.crisis).toBeNull();
    expect(ctx.trace.at(-1)?.decision).toBe('none');
  });
});
