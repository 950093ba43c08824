import { describe, expect, it } from 'vitest';
import { createTenantRegistry } from '../../server/src/tenants/tenant-registry';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';

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
