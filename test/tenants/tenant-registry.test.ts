import { describe, expect, it } from 'vitest';
import { createTenantRegistry, uninflectedWords } from '../../server/src/tenants/tenant-registry';
import { fixtureKnowledge, realKnowledge } from '../helpers/fixture-knowledge';

const registry = createTenantRegistry(fixtureKnowledge().tenants);

describe('tenant registry', () => {
  it('resolves by slug, NIS code and any official name, ignoring case and accents', () => {
    expect(registry.resolve('liege')?.slug).toBe('liege');
    expect(registry.resolve('62063')?.slug).toBe('liege');
    expect(registry.resolve('LIÈGE')?.slug).toBe('liege');
    expect(registry.resolve('Luik')?.slug).toBe('liege');
    expect(registry.resolve('Ghent')?.slug).toBe('gent');
    expect(registry.resolve('Atlantis')).toBeNull();
  });

  it('finds a place named in a question', () => {
    expect(registry.findPlace('Où apprendre le français à Charleroi ?')?.tenant?.slug).toBe('charleroi');
    expect(registry.findPlace('and in Brussels?')?.region).toBe('brussels');
    expect(registry.findPlace('social housing in Wallonia')).toMatchObject({ region: 'wallonia', tenant: null });
    expect(registry.findPlace('how do I register?')).toBeNull();
  });

  it('finds a name of four letters or more typed in lower case, as newcomers type', () => {
    expect(registry.findPlace('nederlandse les gent')?.tenant?.slug).toBe('gent');
    expect(registry.findPlace('ok en in genk?')?.tenant?.slug).toBe('genk');
    expect(registry.findPlace('cours de français à gand')?.tenant?.slug).toBe('gent');
  });
});

describe('place names with an ending', () => {
  const kb = realKnowledge();
  const real = createTenantRegistry(kb.tenants, uninflectedWords(kb));
  const slug = (text: string) => real.findPlace(text)?.tenant?.slug ?? null;

  it('reads a suffix after an apostrophe or hyphen, but not a longer name', () => {
    expect(slug("aslinda Genk'e tasinmayi dusunuyoruz")).toBe('genk');
    expect(real.findPlace("Brüksel'de olsam nereye giderdim?")?.text).toBe("Brüksel'de");
    expect(slug("ኣብ ብራስልስ'ከ?")).toBe('brussels');
    expect(slug('cours à Louvain-la-Neuve')).toBe('ottignies-louvain-la-neuve');
  });

  it('reads case endings of names of six letters or more, and Arabic prefixes', () => {
    expect(slug('а якщо в Брюсселі знімати?')).toBe('brussels');
    expect(slug('a w Gandawie jak jest z kaucja?')).toBe('gent');
    expect(slug('brukselde kurs var mi')).toBe('brussels');
    expect(slug('وفبروكسيل كيفاش داير؟')).toBe('brussels');
    expect(slug('وبروكسل؟')).toBe('brussels');
  });

  it('never reads an ordinary word of a language that does not inflect place names as a place', () => {
    expect(real.findPlace('kind heeft koorts sinds gisteren')).toBeNull(); // not Gistel
    expect(real.findPlace('mijn tieners vervelen zich')).toBeNull(); // not Tienen
    expect(real.findPlace('she hurt herself')).toBeNull(); // not Herselt
    // Without the word list the same word would be read as Gistel: the list is what keeps it out.
    expect(createTenantRegistry(kb.tenants).findPlace('kind heeft koorts sinds gisteren')?.tenant?.slug).toBe('gistel');
  });
});
