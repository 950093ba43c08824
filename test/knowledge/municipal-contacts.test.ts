import { describe, expect, it } from 'vitest';
import { createActorSelector, placeOf } from '../../server/src/actors/select-actors';
import { createComposer } from '../../server/src/answer/create-composer';
import { realKnowledge } from '../helpers/fixture-knowledge';

// Issue 11: every one of the 565 municipalities names its own population service when asked where to
// register, and its own OCMW / CPAS / ÖSHZ when asked for social help — and "I don't know" hands over to it.
const kb = realKnowledge();
const composer = createComposer({ actorSelector: createActorSelector(kb.actors), actors: kb.actors, tenantsBySlug: new Map(kb.tenants.map((t) => [t.slug, t])) });
const card = (id: string) => kb.cards.find((c) => c.id === id)!;
const REGISTER = { flanders: 'registration-arrival-flanders', brussels: 'registration-arrival-brussels', wallonia: 'registration-arrival-wallonia', 'german-speaking': 'registration-arrival-german-speaking' };
const WELFARE = { flanders: 'welfare-ocmw-flanders', brussels: 'welfare-cpas-brussels', wallonia: 'welfare-cpas-wallonia', 'german-speaking': 'welfare-oshz-german-speaking' };

describe('every municipality\'s first contacts', () => {
  it('covers all 565 municipalities', () => {
    expect(kb.tenants).toHaveLength(565);
  });

  it('names the municipality\'s own population service and welfare centre, first', () => {
    const missing: string[] = [];
    for (const tenant of kb.tenants) {
      const place = placeOf(tenant, tenant.region);
      for (const [cards, role] of [[REGISTER, 'population-service'], [WELFARE, 'welfare-centre']] as const) {
        const out = composer.compose({ card: card(cards[tenant.region]), lang: 'en', place, placeName: tenant.name, namedPlace: null, question: 'where do I go?', concepts: [] });
        const own = out.actors.find((a) => a.roles.includes(role) && a.municipalities.includes(tenant.slug));
        if (!own) missing.push(`${tenant.slug} ${role}`);
        else if (out.actors[0] !== own && !out.actors[0].municipalities.includes(tenant.slug)) missing.push(`${tenant.slug} ${role} not first`);
      }
      if (!tenant.welcome) missing.push(`${tenant.slug} welcome point`);
    }
    expect(missing).toEqual([]);
  });
});
