import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { createRetriever } from './create-retriever';
import { GlossaryMatcher } from './glossary-matcher';
import type { SearchIndex } from './search-index';
import { TermStats } from './term-stats';

/** The retriever over the knowledge's cards and its search index (the app, the evals and model training share it). */
export function createCardRetriever(kb: KnowledgeBase, index: SearchIndex, embeddings: EmbeddingsInterface, cacheSize?: number, stats = new TermStats(kb.cards)) {
  return createRetriever({
    cards: kb.cards, lexical: index.lexical, vectors: index.vectors, embeddings,
    glossary: new GlossaryMatcher(kb.glossary, kb.cards), stats, cacheSize,
  });
}
