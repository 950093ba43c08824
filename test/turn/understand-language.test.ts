import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from '../../server/src/language/detect-language';
import { LanguageLexicon } from '../../server/src/language/language-lexicon';
import { understandLanguage } from '../../server/src/turn/steps/understand-language';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { realKnowledge } from '../helpers/fixture-knowledge';
import { context } from './turn-fakes';

const deps = { detectLanguage: createLanguageDetector(new LanguageLexicon(realKnowledge())) } as unknown as TurnDeps;

describe('understand-language step', () => {
  it('answers in the language of the message and searches in it', () => {
    const ctx = context('waar kan ik nederlands leren in de buurt');
    understandLanguage.run(ctx, deps);
    expect(ctx.language).toMatchObject({ lang: 'nl', searchLangs: ['nl'], note: null });
  });

  it('answers a language we do not speak in English (French in Wallonia), with a note, and searches close languages', () => {
    const detect = () => ({ language: 'es' as const, source: 'statistics' as const, unsupported: 'pt' });
    const ctx = context('onde posso aprender francês perto de casa');
    understandLanguage.run(ctx, { detectLanguage: detect } as unknown as TurnDeps);
    expect(ctx.language!.lang).toBe('en');
    expect(ctx.language!.note).toContain('português');
    expect(ctx.language!.searchLangs).toContain('es');
    expect(ctx.trace.at(-1)!.decision).toContain('unsupported pt');
  });

  it('keeps a running conversation\'s language for a one-word reply', () => {
    const ctx = context('ok', { state: { language: 'ar' } });
    understandLanguage.run(ctx, deps);
    expect(ctx.language!.lang).toBe('ar');
  });
});
