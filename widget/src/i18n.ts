import { AR, DE, EN, FR, NL, RU, TR, UK, type UiStrings } from './strings';
import { ES, FA, PL, PS, RO, SO, TI } from './strings-more';

export type { UiStrings };

/** The 15 languages, in the picker's order, each named in its own script (endonyms). */
export const LANGUAGES = ['en', 'nl', 'fr', 'de', 'ar', 'tr', 'uk', 'ru', 'es', 'fa', 'ps', 'ti', 'so', 'ro', 'pl'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch', ar: 'العربية', tr: 'Türkçe',
  uk: 'Українська', ru: 'Русский', es: 'Español', fa: 'فارسی', ps: 'پښتو', ti: 'ትግርኛ',
  so: 'Soomaali', ro: 'Română', pl: 'Polski',
};

export const STRINGS: Record<Lang, UiStrings> = {
  en: EN, nl: NL, fr: FR, de: DE, ar: AR, tr: TR, uk: UK, ru: RU, es: ES, fa: FA, ps: PS, ti: TI, so: SO, ro: RO, pl: PL,
};

const RTL = ['ar', 'fa', 'ps'];

export const isLang = (code: unknown): code is Lang => typeof code === 'string' && (LANGUAGES as readonly string[]).includes(code);

/** 'ar-BE' → 'ar'; null for anything we do not speak. */
export function toLang(code: string | null | undefined): Lang | null {
  const base = (code ?? '').trim().slice(0, 2).toLowerCase();
  return isLang(base) ? base : null;
}

export const dirOf = (lang: string): 'rtl' | 'ltr' => (RTL.includes(lang.slice(0, 2)) ? 'rtl' : 'ltr');

export const strings = (lang: string): UiStrings => STRINGS[toLang(lang) ?? 'en'];

/** data-language, else the page's lang, else the browser's languages, else English. */
export function pickLanguage(attr: string | null | undefined, pageLang: string | null | undefined, browser: readonly string[]): Lang {
  for (const candidate of [attr, pageLang, ...browser]) {
    const lang = toLang(candidate);
    if (lang) return lang;
  }
  return 'en';
}

export type TopicKey = 'Register' | 'Housing' | 'Health' | 'Courses' | 'Work';
export const TOPICS: TopicKey[] = ['Register', 'Housing', 'Health', 'Courses', 'Work'];
export const chipLabel = (s: UiStrings, k: TopicKey) => s[`chip${k}`];
export const chipQuestion = (s: UiStrings, k: TopicKey) => s[`ask${k}`];
