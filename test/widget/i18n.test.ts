import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES as SERVER_NAMES, SUPPORTED_LANGUAGES } from '../../server/src/language/languages';
import type { ActorRef } from '../../server/src/chat/protocol';
import { actorLinks } from '../../widget/src/actor-card';
import { contrast, parseColor, themeFor, BUBBLE } from '../../widget/src/contrast';
import { EN } from '../../widget/src/strings';
import { dirOf, LANGUAGE_NAMES, LANGUAGES, pickLanguage, STRINGS, strings } from '../../widget/src/i18n';

describe('i18n', () => {
  const keys = Object.keys(EN).sort();

  it('covers exactly the 15 languages the server answers in, named in their own script', () => {
    expect([...LANGUAGES].sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(Object.keys(STRINGS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(LANGUAGE_NAMES).toEqual(SERVER_NAMES);
  });

  it.each([...LANGUAGES])('has every UI string in %s', (lang) => {
    const s = STRINGS[lang] as unknown as Record<string, unknown>;
    expect(Object.keys(s).sort()).toEqual(keys);
    for (const key of keys) {
      expect(typeof s[key], `${lang}.${key}`).toBe('string');
      expect((s[key] as string).trim(), `${lang}.${key}`).not.toBe('');
    }
    if (lang !== 'en') {
      // Translated, not copied: the sentences differ from English (short labels like "E-mail" may not).
      for (const key of ['intro', 'askRegister', 'askHousing', 'askHealth', 'askCourses', 'askWork', 'launcher', 'queued', 'remember'] as const) {
        expect(STRINGS[lang][key], `${lang}.${key}`).not.toBe(EN[key]);
      }
    }
  });

  it('writes Arabic, Persian and Pashto right to left', () => {
    expect(LANGUAGES.filter((l) => dirOf(l) === 'rtl')).toEqual(['ar', 'fa', 'ps']);
  });

  it('picks data-language, then the page lang, then the browser languages', () => {
    expect(pickLanguage('fr', 'nl', ['en'])).toBe('fr');
    expect(pickLanguage(null, 'nl-BE', ['en'])).toBe('nl');
    expect(pickLanguage('xx', '', ['it-IT', 'ar-MA'])).toBe('ar');
    expect(pickLanguage(undefined, undefined, [])).toBe('en');
    expect(strings('zz')).toBe(EN);
  });
});

describe('themed colours', () => {
  it.each(['#ffeb3b', '#00ff00', '#777', '#1a1a1a', '#0b5a8a', '#ff0000', '#e0e0e0', 'not-a-colour'])('keeps text on %s at 4.5:1 or more', (color) => {
    const t = themeFor(color);
    expect(contrast(parseColor(t.bg)!, parseColor(t.fg)!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(parseColor(t.accent)!, BUBBLE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(parseColor(t.accent)!, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });

  it('uses black text on light colours and white on dark ones', () => {
    expect(themeFor('#ffeb3b').fg).toBe('#000000');
    expect(themeFor('#153e5c').fg).toBe('#ffffff');
    expect(themeFor('javascript:alert(1)').bg).toBe('#0b5a8a');
  });
});

describe('actor cards', () => {
  const actor: ActorRef = {
    id: 'x', name: 'OCMW Genk', description: 'Financial and social help', hours: null, region: 'flanders', municipality: 'genk', address: 'Stadsplein 1, 3600 Genk',
    phone: '+32 89 65 44 11', email: 'info@ocmw.genk.be', website: 'https://www.genk.be/ocmw', languages: ['nl'],
  };

  it('links phone, e-mail, website and a map of the address', () => {
    expect(actorLinks(actor, EN).map((l) => [l.kind, l.href])).toEqual([
      ['call', 'tel:+3289654411'],
      ['email', 'mailto:info@ocmw.genk.be'],
      ['website', 'https://www.genk.be/ocmw'],
      ['map', 'https://www.openstreetmap.org/search?query=Stadsplein%201%2C%203600%20Genk'],
    ]);
  });

  it('shows no map without an address and never links unsafe websites', () => {
    const links = actorLinks({ ...actor, address: null, phone: null, email: 'not an email', website: 'javascript:alert(1)' }, EN);
    expect(links).toEqual([]);
  });
});
