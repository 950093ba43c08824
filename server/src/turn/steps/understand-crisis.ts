import { NON_LATIN_TRANSLITERATED, type Detection } from '../../language/detect-language';
import type { Language } from '../../language/languages';
import { CLASSIFIER } from '../../safety/crisis-detector';
import type { CrisisVerdict } from '../../safety/crisis-matcher';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/**
 * The language of the only vocabulary that recognised the danger, when the language detector had no decisive
 * evidence (no script of its own) and named another: "zyad ghors khordam" (Persian in Latin letters, too many
 * pills) was answered in Somali, since none of its words is in our word model; the Persian vocabulary knew it.
 * Never for a language we do not serve (answered in English or French, as designed) or when several
 * vocabularies, or the detected language's own, matched.
 */
export function vocabularyLanguage(verdict: CrisisVerdict, detection: Detection, message: string): Language | null {
  if (detection.unsupported || detection.source === 'script' || NON_LATIN_LETTERS.test(message)) return null;
  // Persian, Pashto and Arabic in Latin letters share much of their vocabularies: between them the word model,
  // which read every word, is the better judge.
  if (NON_LATIN_TRANSLITERATED.includes(detection.language)) return null;
  const languages = new Set(verdict.matches.filter((m) => m.language !== CLASSIFIER).map((m) => m.language));
  const [only] = languages;
  // Only a transliterated language: between two Latin-script languages, or two languages of one script, the
  // detector's statistics read the whole message and were right more often (crisis sets a–d: 9 answers put right
  // and 11 put wrong when any vocabulary could decide; these limits keep the 9).
  return languages.size === 1 && NON_LATIN_TRANSLITERATED.includes(only as Language) ? (only as Language) : null;
}
const NON_LATIN_LETTERS = /[\u0400-\u04FF\u0600-\u06FF\u0750-\u077F\u1200-\u137F]/;

/**
 * Every message is checked against every language's crisis vocabulary before anything else (issue 8):
 * small talk, declines, retrieval and confidence thresholds all come after a person in danger.
 */
export const understandCrisis: TurnStep<TurnDeps> = {
  name: 'understand-crisis',
  run(ctx, deps) {
    // In a running conversation the detector is stricter (a short "and at night?" leans on the answer before it),
    // but not right after a crisis answer: the next message is as likely to be the same danger told again
    // ("he still doesn't breathe") as a question about it.
    // After "I don't know" too: "w f lil?" (and at night?) leans on the question before it just the same, though
    // an unanswered question leaves no subject behind.
    const answered = !!ctx.state?.lastQuery || ctx.state?.lastMode === 'unknown';
    const followUp = answered && ctx.state?.lastMode !== 'crisis';
    ctx.crisis = deps.crisis.detector.detect(ctx.message, { followUp });
    const spoken = ctx.crisis && ctx.language ? vocabularyLanguage(ctx.crisis, ctx.language.detection, ctx.message) : null;
    if (spoken && ctx.language) ctx.language = { ...ctx.language, lang: spoken, searchLangs: [spoken] };
    note(ctx, this.name, ctx.crisis
      ? `${ctx.crisis.categories.join(', ')} (${ctx.crisis.matches.slice(0, 3).map((m) => `${m.language}: "${m.pattern}"`).join('; ')})${spoken ? `, answered in ${spoken}: its vocabulary alone knew the words` : ''}`
      : 'none');
  },
};
