// The 15 languages Welcome Desk answers in (issue 2). Order matters nowhere; names are endonyms
// so the widget's language picker can show each language in its own script.
export const SUPPORTED_LANGUAGES = [
  'en', 'nl', 'fr', 'de', 'ar', 'tr', 'uk', 'ru', 'es', 'fa', 'ps', 'ti', 'so', 'ro', 'pl',
] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch', ar: 'العربية', tr: 'Türkçe',
  uk: 'Українська', ru: 'Русский', es: 'Español', fa: 'فارسی', ps: 'پښتو', ti: 'ትግርኛ',
  so: 'Soomaali', ro: 'Română', pl: 'Polski',
};

/**
 * The language of an answer when the asked one has no text or is not supported (issue 2): French for
 * Walloon municipalities, English elsewhere.
 */
export function answerFallbackLanguage(region: string): Language {
  return region === 'wallonia' ? 'fr' : 'en';
}

export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'ps']);

export function isSupportedLanguage(code: unknown): code is Language {
  return typeof code === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

/** ISO 639-3 (franc) → ISO 639-1 for the supported set. */
export const FRANC_TO_ISO1: Record<string, Language> = {
  eng: 'en', nld: 'nl', fra: 'fr', deu: 'de', arb: 'ar', tur: 'tr', ukr: 'uk', rus: 'ru',
  spa: 'es', pes: 'fa', pbt: 'ps', tir: 'ti', som: 'so', ron: 'ro', pol: 'pl',
};

/** Languages franc may report that we do not answer in; used to say so honestly. */
/**
 * Languages franc may report that we do not answer in, limited to those the product has a line for
 * (answer/canned-messages.ts UNSUPPORTED_NOTE): every extra candidate slows franc down.
 */
/**
 * Languages many newcomers to Belgium speak that lid.176 does not know (Lingala, Kirundi…) or reads poorly
 * (Swahili at p ≈ 0.3): franc, with its trigram profiles of them, names them when lid.176 does not.
 */
export const UNSUPPORTED_FRANC_ONLY: Record<string, string> = {
  lin: 'ln', swh: 'sw', kin: 'rw', run: 'rn', wol: 'wo', hau: 'ha', yor: 'yo', ibo: 'ig', bam: 'bm', fuv: 'ff', lug: 'lg',
};

export const UNSUPPORTED_FRANC: Record<string, string> = {
  ita: 'it', por: 'pt', als: 'sq', bul: 'bg', hun: 'hu', ces: 'cs', slk: 'sk', hrv: 'hr', srp: 'sr', bos: 'bs', amh: 'am',
};
