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

  it('answers in the language of the only vocabulary that knew the words when the detector had no decisive evidence', () => {
    const two = { crisis: { detector: createCrisisDetector(createCrisisMatcher([
      { language: 'fa', patterns: { poisoning: ['zyad ghors*'] }, notCrisis: [] },
      { language: 'en', patterns: { suicide: ['kill myself'] }, notCrisis: [] },
      { language: 'de', patterns: { suicide: ['kill myself'] }, notCrisis: [] },
    ]), null), responder: null as never } } as unknown as TurnDeps;
    const finglish = context('zyad ghors khordam', { lang: 'so' });
    finglish.language!.detection = { language: 'so', source: 'statistics', unsupported: null };
    understandCrisis.run(finglish, two);
    expect([finglish.language!.lang, finglish.language!.searchLangs]).toEqual(['fa', ['fa']]);
    expect(finglish.trace.at(-1)?.decision).toContain('answered in fa');
    // Letters of its own decided, or two vocabularies matched: the detector's language stays.
    const script = context('zyad ghors khordam', { lang: 'ar' });
    understandCrisis.run(script, two);
    expect(script.language!.lang).toBe('ar');
    // Between Latin-script languages the detector's statistics decide.
    const latin = context('i want to kill myself', { lang: 'nl' });
    latin.language!.detection = { language: 'nl', source: 'statistics', unsupported: null };
    understandCrisis.run(latin, { crisis: { detector: createCrisisDetector(createCrisisMatcher([{ language: 'en', patterns: { suicide: ['kill myself'] }, notCrisis: [] }]), null) } } as unknown as TurnDeps);
    expect(latin.language!.lang).toBe('nl');
    // Between transliterated languages (Finglish read as Persian, the Pashto vocabulary matched) the word model decides.
    const persian = context('zyad ghors khordam', { lang: 'fa' });
    persian.language!.detection = { language: 'ps', source: 'statistics', unsupported: null };
    persian.language!.lang = 'ps';
    understandCrisis.run(persian, two);
    expect(persian.language!.lang).toBe('ps');
    const both = context('i want to kill myself', { lang: 'nl' });
    both.language!.detection = { language: 'nl', source: 'statistics', unsupported: null };
    understandCrisis.run(both, two);
    expect(both.language!.lang).toBe('nl');
  });

  it('leaves an ordinary question alone', () => {
    const ctx = context('where do I find a doctor');
    understandCrisis.run(ctx, deps);
    expect(ctx.crisis).toBeNull();
    expect(ctx.trace.at(-1)?.decision).toBe('none');
  });
});
