import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from '../../server/src/language/detect-language';
import { LanguageLexicon } from '../../server/src/language/language-lexicon';
import { loadLid176 } from '../../server/src/language/lid';
import { scriptVerdict } from '../../server/src/language/script-rules';
import { realKnowledge } from '../helpers/fixture-knowledge';

const detect = createLanguageDetector(new LanguageLexicon(realKnowledge()));

describe('script rules', () => {
  it('decides Tigrinya from Ethiopic script', () => {
    expect(scriptVerdict('ኣብ ምምሕዳር ከተማ ከመይ ገይረ ክምዝገብ?').language).toBe('ti');
  });
  it('decides Pashto from Pashto-only letters', () => {
    expect(scriptVerdict('زه څنګه په ښاروالۍ کې ثبت نام وکړم؟').language).toBe('ps');
  });
  it('tells Ukrainian from Russian by their own letters', () => {
    expect(scriptVerdict('Як зареєструватися в мерії?').language).toBe('uk');
    expect(scriptVerdict('Как зарегистрироваться в мэрии? Объясните.').language).toBe('ru');
  });
  it('keeps Persian and Arabic apart', () => {
    expect(scriptVerdict('چگونه در شهرداری ثبت نام کنم؟').candidates).not.toContain('ar');
    expect(scriptVerdict('كيف أسجل في البلدية؟').candidates).toEqual(['ar']);
  });
});

describe('an Arabic-script keyboard without Arabic words', () => {
  it('answers in an Arabic-script language, never the Latin fallback', () => {
    expect(detect({ text: '112؟', fallback: 'nl' }).language).toBe('ar');
    expect(detect({ text: 'ziekenfonds؟', fallback: 'en' }).language).toBe('ar');
    // Persian digits say Persian or Pashto; the conversation's language decides between them.
    expect(detect({ text: 'huisarts ۴۵', fallback: 'nl' }).language).toBe('fa');
    expect(detect({ text: 'OCMW؟', fallback: 'nl', previous: 'ps' }).language).toBe('ps');
  });
  it('leaves plain numbers and Latin punctuation to the conversation', () => {
    expect(detect({ text: '112?', fallback: 'nl' }).language).toBe('nl');
    expect(scriptVerdict('ziekenfonds?').keyboardOnly).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  it.each([
    ['How do I register at the town hall?', 'en'],
    ['Hoe schrijf ik me in bij de gemeente?', 'nl'],
    ['Où puis-je apprendre le français à Charleroi ?', 'fr'],
    ['Wie melde ich mich bei der Gemeinde an?', 'de'],
    ['كيف أسجل في البلدية؟', 'ar'],
    ['Belediyeye nasıl kayıt olurum?', 'tr'],
    ['¿Cómo me registro en el ayuntamiento?', 'es'],
    ['چگونه در شهرداری ثبت نام کنم؟', 'fa'],
    ['Cum mă înregistrez la primărie?', 'ro'],
    ['Jak zarejestrować się w urzędzie gminy?', 'pl'],
    ['Sidee baan iskaga diiwaangeliyaa dowladda hoose?', 'so'],
    ['where do I get my eID card', 'en'],
    ['How do I become Belgian?', 'en'],
    ['Як знайти житло?', 'uk'],
    ['ሆላንድኛ ኣበይ ክመሃር እኽእል?', 'ti'],
  ])('%s → %s', (text, lang) => {
    expect(detect({ text }).language).toBe(lang);
  });

  it('does not let one- or two-word messages flip the conversation', () => {
    expect(detect({ text: 'mutuelle?', previous: 'en' }).language).toBe('en');
    expect(detect({ text: 'ok', previous: 'ar' }).language).toBe('ar');
  });

  it('keeps an Arabic conversation in Arabic when the follow-up is typed in Arabizi, and still lets other languages switch', () => {
    expect(detect({ text: 'w ch7al kayt5les?', previous: 'ar', fallback: 'nl' }).language).toBe('ar');
    expect(detect({ text: 'et combien ça coûte ?', previous: 'ar', fallback: 'nl' }).language).toBe('fr');
    expect(detect({ text: 'i ile kosztuje?', previous: 'ar', fallback: 'nl' }).language).toBe('pl');
  });

  it('lets a full sentence in another language switch', () => {
    expect(detect({ text: 'Comment est-ce que je peux trouver un logement social ?', previous: 'en' }).language).toBe('fr');
  });

  it('uses the hint, then the region language, when a short first message says nothing', () => {
    expect(detect({ text: 'CPAS?', hint: 'fr' }).language).toBe('fr');
    expect(detect({ text: 'CPAS?', fallback: 'fr' }).language).toBe('fr');
    expect(detect({ text: 'VDAB', fallback: 'nl' }).language).toBe('nl');
    // Belgian terms appear in brackets in every language's cards; alone they point to their own language.
    expect(detect({ text: 'ziekenfonds', fallback: 'fr' }).language).toBe('nl');
    expect(detect({ text: 'mutuelle?', fallback: 'nl' }).language).toBe('fr');
    expect(detect({ text: 'mutuelle?', hint: 'ar' }).language).toBe('ar');
  });

  it('reads a short first message in Latin letters by words that belong to one language', () => {
    // "pobytu" also turns up in a few Ukrainian and Russian questions, but far more in Polish ones.
    expect(detect({ text: 'karta pobytu?', fallback: 'nl' }).language).toBe('pl');
    // Transliterated Russian and Persian: one word of its own and half the words known are enough.
    expect(detect({ text: 'dezhurnyi vrach', fallback: 'nl' }).language).toBe('ru');
    expect(detect({ text: 'bime darmani', fallback: 'nl' }).language).toBe('fa');
    // A Belgian term used in every language's texts alone still says nothing: the region's language.
    expect(detect({ text: 'inburgering??', fallback: 'fr' }).language).toBe('fr');
  });

  it('recognises single words that belong to one language', () => {
    expect(detect({ text: 'dankjewel' }).language).toBe('nl');
    expect(detect({ text: 'huisvesting' }).language).toBe('nl');
  });

  it('recognises a language we do not answer in', () => {
    const d = detect({ text: 'Buongiorno, come posso registrarmi al comune della mia città?' });
    expect(d.unsupported).toBe('it');
  });

  it('names a language lid.176 is sure of, even one it often confuses with ours, and leaves ours alone', async () => {
    const withLid = createLanguageDetector(new LanguageLexicon(realKnowledge()), { lid: await loadLid176() });
    expect(withLid({ text: 'kako da se prijavim u opštini' }).unsupported).toBe('sh');
    for (const [text, lang] of [['nerede kayit yaptirabilirim belediyede', 'tr'], ['waar kan ik me inschrijven bij de gemeente', 'nl'], ['sidee isku diiwaangeliyaa dowladda hoose', 'so']] as const) {
      const d = withLid({ text });
      expect([d.language, d.unsupported]).toEqual([lang, null]);
    }
  });

  it('recognises Lingala and Swahili, which lid.176 lacks or reads poorly, through franc', async () => {
    const withLid = createLanguageDetector(new LanguageLexicon(realKnowledge()), { lid: await loadLid176() });
    expect(withLid({ text: 'Mbote, ndenge nini nakoki komikomisa na commune?' }).unsupported).toBe('ln');
    expect(withLid({ text: 'Habari, ninawezaje kujiandikisha katika manispaa?' }).unsupported).toBe('sw');
    // Somali and Turkish without its letters stay ours.
    for (const [text, lang] of [['waxaan rabaa inaan barto luqadda nederlands', 'so'], ['hollandaca kursu nerde var gentte', 'tr']] as const) {
      const d = withLid({ text });
      expect([d.language, d.unsupported]).toEqual([lang, null]);
    }
  });

  it('knows a language we do not serve by letters none of ours writes with', async () => {
    const withLid = createLanguageDetector(new LanguageLexicon(realKnowledge()), { lid: await loadLid176() });
    for (const [text, lang] of [['каде е општината', 'mk'], ['дәрігер қайда', 'kk'], ['tečaj francoščine', 'sl'], ['من لە کەمپی Fedasil م، دەتوانم کار بکەم؟', 'ckb']] as const) {
      expect(withLid({ text }).unsupported, text).toBe(lang);
    }
    // Bulgarian writes its hard sign before consonants; Russian's soft sign at a word's end is not Bulgarian.
    expect(withLid({ text: 'Как да си извадя белгийска лична карта като българин?' }).unsupported).toBe('bg');
    expect(withLid({ text: 'помощь от CPAS' })).toMatchObject({ language: 'ru', unsupported: null });
    expect(withLid({ text: 'подъезд не закрывается' })).toMatchObject({ language: 'ru', unsupported: null });
  });

  it('knows a language we do not serve when most of its words are in none of ours', async () => {
    const withLid = createLanguageDetector(new LanguageLexicon(realKnowledge()), { lid: await loadLid176() });
    expect(withLid({ text: 'háziorvos keresés' }).unsupported).toBe('hu');
    expect(withLid({ text: 'ina neman aiki a gent, VDAB sun ce sai na koyi dutch tukuna' }).unsupported).not.toBeNull();
    // Amharic, in the Ge'ez letters of Tigrinya.
    expect(withLid({ text: 'ጥገኝነት ለመጠየቅ ወዴት መሄድ አለብኝ?' }).unsupported).toBe('am');
    // Ours, even with words the knowledge never uses: Polish without its letters (lid.176 is sure), Tigrinya.
    for (const [text, lang] of [['kto wygra ekstraklase w tym sezonie', 'pl'], ['ኣበይ ክምዝገብ ይኽእል', 'ti'], ['gemeente kayit nasil yapilir', 'tr']] as const) {
      expect(withLid({ text }), text).toMatchObject({ language: lang, unsupported: null });
    }
  });
});
