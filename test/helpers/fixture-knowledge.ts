import { loadKnowledgeStrict } from '../../server/src/knowledge/load-knowledge';
import type { KnowledgeBase } from '../../server/src/knowledge/knowledge-types';
import { FIXTURE_KNOWLEDGE } from './test-app';

let cached: KnowledgeBase | null = null;

export function fixtureKnowledge(): KnowledgeBase {
  cached ??= loadKnowledgeStrict(FIXTURE_KNOWLEDGE);
  return cached;
}

let real: KnowledgeBase | null = null;

/** The shipped knowledge: language detection learns its word model from it. */
export function realKnowledge(): KnowledgeBase {
  real ??= loadKnowledgeStrict(new URL('../../knowledge', import.meta.url).pathname);
  return real;
}
