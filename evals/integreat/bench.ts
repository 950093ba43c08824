import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBase } from '../../server/src/knowledge/knowledge-types';
import type { Language } from '../../server/src/language/languages';
import { embeddingsKey } from '../../server/src/retrieval/create-embeddings';
import { createRetriever, type Retriever } from '../../server/src/retrieval/create-retriever';
import { GlossaryMatcher } from '../../server/src/retrieval/glossary-matcher';
import { HashedEmbeddings } from '../../server/src/retrieval/hashed-embeddings';
import { buildSearchIndex, isIndexCurrent, openSearchIndex, type SearchIndex } from '../../server/src/retrieval/search-index';
import { TermStats } from '../../server/src/retrieval/term-stats';
import { citySlug, pageOf, pagesToCards, type AdapterOptions } from './adapter';
import { readCorpus, readSplit, type IntegreatLang, type Split } from './data';

export interface Corpus {
  lang: IntegreatLang;
  index: SearchIndex;
  retrievers: { global: Retriever; city: Retriever };
}

export interface PairResult {
  query: IntegreatLang;
  corpus: IntegreatLang;
  split: Split;
  scoped: boolean;
  n: number;
  r1: number;
  r5: number;
  mrr10: number;
}

/** Indexes one language's 617 pages with the product's own lexical + hashed-vector index (cached in tmp). */
export async function openCorpus(lang: IntegreatLang, passageLines: number): Promise<Corpus> {
  const pages = readCorpus(lang);
  const embeddings = new HashedEmbeddings({ dimensions: 1024 });
  const make = (cityScoped: boolean) => pagesToCards(pages, lang as Language, { passageLines, cityScoped } satisfies AdapterOptions);
  const global = make(false);
  const dataDir = path.join(os.tmpdir(), 'welcome-desk-integreat', `${lang}-p${passageLines}`);
  // The product's own key changes whenever its index format does, so the cached index follows it.
  const fingerprint = `integreat-v1:${lang}:${passageLines}:${global.length}:${embeddingsKey({ embeddingsProvider: 'hashed' })}`;
  const kb: KnowledgeBase = { cards: global, actors: [], tenants: [], glossary: [], crisis: { vocabularies: [], examples: [], routing: null, answers: {} }, training: { lines: [], facets: [] }, hash: fingerprint };
  if (!isIndexCurrent(dataDir, fingerprint)) await buildSearchIndex(kb, dataDir, embeddings, fingerprint);
  const index = await openSearchIndex(dataDir, embeddings);
  const retriever = (cards: typeof global) => createRetriever({
    cards, lexical: index.lexical, vectors: index.vectors, embeddings, glossary: new GlossaryMatcher([], cards), stats: new TermStats(cards),
  });
  return { lang, index, retrievers: { global: retriever(global), city: retriever(make(true)) } };
}

/** R@1, R@5 and MRR@10 of `split` questions in `query` language against a corpus (page-level, passages folded into their page). */
export async function evaluatePair(corpus: Corpus, query: IntegreatLang, split: Split, scoped: boolean): Promise<PairResult> {
  const items = readSplit(query, split);
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  for (const item of items) {
    const retriever = scoped ? corpus.retrievers.city : corpus.retrievers.global;
    const res = await retriever.retrieve({ query: item.question, lang: corpus.lang as Language, region: 'flanders', municipality: scoped ? citySlug(item.city) : null, limit: 60 });
    const ranked = [...new Set(res.results.map((r) => pageOf(r.card.id)))].slice(0, 10);
    const rank = ranked.indexOf(String(item.pageId)) + 1;
    if (rank === 1) r1++;
    if (rank > 0 && rank <= 5) r5++;
    if (rank > 0) mrr += 1 / rank;
  }
  const n = items.length;
  return { query, corpus: corpus.lang, split, scoped, n, r1: r1 / n, r5: r5 / n, mrr10: mrr / n };
}
