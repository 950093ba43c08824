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

  it('leaves an ordinary question alone', () => {
    const ctx = context('where do I find a doctor');
    understandCrisis.run(ctx, deps);
    expect(ctx.crisis).toBeNull();
    expect(ctx.trace.at(-1)?.decision).toBe('none');
  });
});
