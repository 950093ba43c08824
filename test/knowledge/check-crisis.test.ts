import { describe, expect, it } from 'vitest';
import { checkCrisis } from '../../server/src/knowledge/check-crisis';
import { realKnowledge } from '../helpers/fixture-knowledge';

describe('crisis knowledge check: routing', () => {
  const kb = realKnowledge();
  const routingIssues = (k: typeof kb) => checkCrisis(k).filter((i) => i.file === 'crisis/routing.yaml');

  it('finds the real routing clean', () => {
    expect(routingIssues(kb)).toEqual([]);
  });

  it('flags a follow-up card that does not exist or does not apply in the region it is named for', () => {
    const routing = structuredClone(kb.crisis.routing!);
    routing.poisoning.card = { all: 'no-such-card' };
    routing.suicide.card = { wallonia: 'emergency-crisis-lines-flanders' };
    routing.medical.lead = ['no-such-actor'];
    const issues = routingIssues({ ...kb, crisis: { ...kb.crisis, routing } });
    expect(issues.map((i) => i.field).sort()).toEqual(['medical.lead', 'poisoning.card.all', 'suicide.card.wallonia']);
  });
});
