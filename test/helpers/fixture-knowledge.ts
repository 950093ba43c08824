import { loadKnowledgeStrict } from '../../server/src/knowledge/load-knowledge';
import type { KnowledgeBase } from '../../server/src/knowledge/knowledge-types';
import { FIXTURE_KNOWLEDGE } from './test-app';

let cached: KnowledgeBase | null = null;

export function fixtureKnowledge(): KnowledgeBase {
  cached ??= loadKnowledgeStrict(FIXTURE_KNOWLEDGE);
  return cached;
}
