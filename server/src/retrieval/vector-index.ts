import fs from 'node:fs';
import path from 'node:path';
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
 * The ANN side of retrieval: one hnswlib-node index per language, each behind LangChain's HNSWLib
 * vector store, so the embeddings (hashed by default) can be swapped for a neural provider by
 * configuration. One index per language keeps the region filter cheap: a single shared index made
 * hnswlib visit most of the graph to find the few vectors in the right language (14 ms a query,
 * against well under 1 ms now).
 */
export class VectorIndex {
  constructor(readonly stores: ReadonlyMap<string, HNSWLib>) {
    for (const store of stores.values()) (store.index as unknown as { setEf(ef: number): void }).setEf(64);
  }

  static async build(cards: Card[], embeddings: EmbeddingsInterface, onProgress?: (done: number, total: number) => void): Promise<VectorIndex> {
    const specs = cards.flatMap(vectorDocs);
    const byLang = new Map<string, typeof specs>();
    for (const s of specs) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
    const stores = new Map<string, HNSWLib>();
    let done = 0;
    for (const [lang, list] of byLang) {
      const store = new HNSWLib(embeddings, { space: 'cosine' });
      await store.addDocuments(list.map((s) => new Document<DocMeta>({ pageContent: s.text, metadata: { cardId: s.cardId, lang: s.lang, kind: s.kind } })));
      stores.set(lang, store);
      done += list.length;
      onProgress?.(done, specs.length);
    }
    return new VectorIndex(stores);
  }

  static async load(dir: string, embeddings: EmbeddingsInterface): Promise<VectorIndex> {
    const stores = new Map<string, HNSWLib>();
    for (const lang of fs.readdirSync(dir).sort()) stores.set(lang, await HNSWLib.load(path.join(dir, lang), embeddings));
    return new VectorIndex(stores);
  }

  static exists(dir: string): boolean {
    return fs.existsSync(dir) && fs.readdirSync(dir).some((lang) => fs.existsSync(path.join(dir, lang, 'hnswlib.index')));
  }

  get size(): number {
    let n = 0;
    for (const store of this.stores.values()) n += store.index.getCurrentCount();
    return n;
  }

  async save(dir: string): Promise<void> {
    for (const [lang, store] of this.stores) await store.save(path.join(dir, lang));
  }

  /** Best similarity per card among the allowed cards' documents in `lang`. */
  async query(vector: number[], allowed: ReadonlySet<string>, lang: string, k = 64): Promise<VectorHit[]> {
    const store = this.stores.get(lang);
    const total = store?.index.getCurrentCount() ?? 0;
    if (!store || !total) return [];
    // Filtering after the search: a filter callback runs JavaScript for every node hnswlib visits, which
    // cost twice the search itself; about half the documents of a language pass the region filter anyway.
    const results = await store.similaritySearchVectorWithScore(vector, Math.min(k, total));
    const best = new Map<string, VectorHit>();
    for (const [doc, distance] of results) {
      const m = doc.metadata as DocMeta;
      if (!allowed.has(m.cardId)) continue;
      const similarity = 1 - distance;
      const prev = best.get(m.cardId);
      if (!prev || similarity > prev.similarity) best.set(m.cardId, { cardId: m.cardId, similarity, kind: m.kind });
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity);
  }
}
