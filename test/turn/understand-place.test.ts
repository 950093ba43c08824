import { describe, expect, it } from 'vitest';
import { createTenantRegistry } from '../../server/src/tenants/tenant-registry';
import { understandPlace } from '../../server/src/turn/steps/understand-place';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { realKnowledge } from '../helpers/fixture-knowledge';
import { context } from './turn-fakes';

const tenants = createTenantRegistry(realKnowledge().tenants);
const deps = { tenants } as unknown as TurnDeps;
const genk = tenants.resolve('genk')!;

describe('understand-place step', () => {
  it('uses the tenant when no place is named', () => {
    const ctx = context('how do I register?', { tenant: genk });
    understandPlace.run(ctx, deps);
    expect(ctx.place).toMatchObject({ region: 'flanders', key: null, wording: 'how do I register?' });
    expect(ctx.place!.tenant!.slug).toBe('genk');
  });

  it('takes a named place out of the wording and answers for it; the longest name wins', () => {
    const ctx = context('I study in Louvain-la-Neuve, where do I register?', { tenant: genk });
    understandPlace.run(ctx, deps);
    expect(ctx.place!.tenant!.slug).toBe('ottignies-louvain-la-neuve');
    expect(ctx.place!.region).toBe('wallonia');
    expect(ctx.place!.key).toBe('wallonia|ottignies-louvain-la-neuve');
    expect(ctx.place!.wording).toBe('I study in , where do I register?');
  });

  it('keeps the last answer\'s place for a short follow-up', () => {
    const ctx = context('and the price?', { tenant: genk, state: { lastQuery: 'french course', lastPlace: 'wallonia|liege' } });
    understandPlace.run(ctx, deps);
    expect(ctx.place!.tenant!.slug).toBe('liege');
    expect(ctx.trace.at(-1)!.decision).toContain('carried');
  });

  it('drops personal numbers from the wording', () => {
    const ctx = context('my number is 0470 12 34 56, where is the OCMW?', { tenant: genk });
    understandPlace.run(ctx, deps);
    expect(ctx.place!.wording).not.toMatch(/\d/);
  });
});
