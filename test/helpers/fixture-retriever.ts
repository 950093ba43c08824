import { HashedEmbeddings } from '../../server/src/retrieval/hashed-embeddings';
import { createRetriever } from '../../server/src/retrieval/create-retriever';
import { GlossaryMatcher } from '../../server/src/retrieval/glossary-matcher';
import { buildSearchIndex, openSearchIndex } from '../../server/src/retrieval/search-index';
import { TermStats } from '../../server/src/retrieval/term-stats';
import { fixtureKnowledge } from './fixture-knowledge';
import { tempDir } from './test-app';

/** The real retrieval stack (FTS5 + hnswlib + glossary) over the fixture cards, in a temp folder. */
export async function fixtureRetriever() {
  const kb = fixtureKnowledge();
  const dataDir = tempDir('wd-index-');
  const embeddings = new HashedEmbeddings({ dimensions: 1024 });
  await buildSearchIndex(kb, dataDir, embeddings, 'test');
  const index = await openSearchIndex(dataDir, embeddings);
  const retriever = createRetriever({
    cards: kb.cards, lexical: index.lexical, vectors: index.vectors, embeddings,
    glossary: new GlossaryMatcher(kb.glossary, kb.cards), stats: new TermStats(kb.cards),
  });
  return { kb, retriever, index, dataDir };
}
