import { UNSUPPORTED_GENERIC, UNSUPPORTED_NOTE } from '../../answer/canned-messages';
import { answerFallbackLanguage, isSupportedLanguage, type Language } from '../../language/languages';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

const REGION_LANGUAGE: Record<string, Language> = { wallonia: 'fr', 'german-speaking': 'de', flanders: 'nl', brussels: 'en' };

/** The answer language: script, words, the page's hint, the conversation so far (docs/architecture.md). */
export const understandLanguage: TurnStep<TurnDeps> = {
  name: 'understand-language',
  run(ctx, deps) {
    const previous = ctx.state?.language && isSupportedLanguage(ctx.state.language) ? ctx.state.language : null;
    const hint = ctx.request.language?.slice(0, 2).toLowerCase() ?? null;
    const detection = deps.detectLanguage({
      text: ctx.message, hint, previous, fallback: hint && isSupportedLanguage(hint) ? hint : REGION_LANGUAGE[ctx.tenant.region],
    });
    let lang = detection.language;
    let unsupportedNote: string | null = null;
    if (detection.unsupported) {
      lang = answerFallbackLanguage(ctx.tenant.region);
      unsupportedNote = (UNSUPPORTED_NOTE[detection.unsupported] ?? UNSUPPORTED_GENERIC)[lang as 'en' | 'fr'];
    }
    // A language we do not answer in is still searched: its words are closest to these languages' cards.
    const searchLangs: Language[] = detection.unsupported ? [...new Set<Language>([lang, 'es', 'fr', 'en', 'ro'])] : [lang];
    ctx.language = { lang, detection, hint, previous, note: unsupportedNote, searchLangs };
    note(ctx, this.name, `${lang} by ${detection.source}${detection.unsupported ? ` (written in unsupported ${detection.unsupported})` : ''}`);
  },
};
