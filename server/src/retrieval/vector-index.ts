import fs from 'node:fs';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Card } from '../knowledge/knowledge-types';
import { vectorDocs } from './card-documents';

export interface VectorHit {
  cardId: string;
  similarity: number;
  kind: string;
}

interface DocMeta {
  cardId: string;
  lang: string;
  kind: string;
}

/**
 * The ANN side of retrieval: an hnswlib-node index behind LangChain's HNSWLib vector store, so the
 * embeddings (hashed by default) can be swapped for a neural provider by configuration.
 */
export class VectorIndex {
  constructor(readonly store: HNSWLib) {
    // A wider beam than hnswlib's default (10) keeps recall high once the region filter drops candidates.
    (store.index as unknown as { setEf(ef: number): void }).setEf(256);
  }

  static async build(cards: Card[], embeddings: EmbeddingsInterface, onProgress?: (done: number, total: number) => void): Promise<VectorIndex> {
    const specs = cards.flatMap(vectorDocs);
    const store = new HNSWLib(embeddings, { space: 'cosine' });
    const batch = 500;
    for (let i = 0; i < specs.length; i += batch) {
      const slice = specs.slice(i, i + batch);
      await store.addDocuments(slice.map((s) => new Document<DocMeta>({ pageContent: s.text, metadata: { cardId: s.cardId, lang: s.lang, kind: s.kind } })));
      onProgress?.(Math.min(i + batch, specs.length), specs.length);
    }
    return new VectorIndex(store);
  }

  static async load(dir: string, embeddings: EmbeddingsInterface): Promise<VectorIndex> {
    return new VectorIndex(await HNSWLib.load(dir, embeddings));
  }

  static exists(dir: string): boolean {
    return ['hnswlib.index', 'docstore.json', 'args.json'].every((f) => fs.existsSync(`${dir}/${f}`));
  }

  async save(dir: string): Promise<void> {
    await this.store.save(dir);
  }

  /** Best similarity per card among documents in `lang` of the allowed cards. */
  async query(vector: number[], allowed: ReadonlySet<string>, lang: string, k = 48): Promise<VectorHit[]> {
    const total = this.store.index.getCurrentCount();
    if (!total) return [];
    const filter = (doc: Document) => {
      const m = doc.metadata as DocMeta;
      return m.lang === lang && allowed.has(m.cardId);
    };
    const results = await this.store.similaritySearchVectorWithScore(vector, Math.min(k, total), filter);
    const best = new Map<string, VectorHit>();
    for (const [doc, distance] of results) {
      const m = doc.metadata as DocMeta;
      const similarity = 1 - distance;
      const prev = best.get(m.cardId);
      if (!prev || similarity > prev.similarity) best.set(m.cardId, { cardId: m.cardId, similarity, kind: m.kind });
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity);
  }
}
