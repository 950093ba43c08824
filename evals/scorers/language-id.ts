import type { LanguageDetector } from '../../server/src/language/detect-language';
import type { LangIdCase } from '../lib/schema';

export interface LangIdScore {
  id: string;
  text: string;
  lang: string;
  got: string;
  source: string;
  ok: boolean;
}

/** The detector on a short message alone: no previous language, no page hint. */
export function scoreLanguageId(cases: readonly LangIdCase[], detect: LanguageDetector): LangIdScore[] {
  return cases.map((c) => {
    const d = detect({ text: c.text });
    return { id: c.id, text: c.text, lang: c.lang, got: d.language, source: d.source, ok: d.language === c.lang };
  });
}
