import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { cardSearchText } from './card-documents';
import { LexicalIndex } from './lexical-index';
import { VectorIndex } from './vector-index';

export interface SearchIndex {
  lexical: LexicalIndex;
  vectors: VectorIndex;
  close(): void;
}

export type IngestProgress = (stage: string, done: number, total: number) => void;

interface IndexMeta {
  hash: string;
  builtAt: string;
  cards: number;
  vectors: number;
}

const META = 'meta.json';

export function indexDir(dataDir: string): string {
  return path.join(dataDir, 'index');
}

export function indexFingerprint(kb: KnowledgeBase, embeddingsKey: string): string {
  return `${kb.hash}:${embeddingsKey}`;
}

export function isIndexCurrent(dataDir: string, fingerprint: string): boolean {
  const file = path.join(indexDir(dataDir), META);
  if (!fs.existsSync(file)) return false;
  try {
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as IndexMeta;
    return meta.hash === fingerprint && VectorIndex.exists(path.join(indexDir(dataDir), 'vectors'));
  } catch {
    return false;
  }
}

/**
 * Builds the FTS5 database and the hnswlib index in a fresh folder, then swaps it in, so a crash
 * half-way never leaves a broken index behind.
 */
export async function buildSearchIndex(
  kb: KnowledgeBase,
  dataDir: string,
  embeddings: EmbeddingsInterface,
  fingerprint: string,
  onProgress?: IngestProgress,
): Promise<void> {
  const target = indexDir(dataDir);
  const staging = `${target}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });

  const db = new Database(path.join(staging, 'index.db'));
  try {
    const docs = kb.cards.flatMap((card) =>
      Object.values(card.texts).flatMap((text) => (text ? [{ cardId: card.id, lang: text.lang, ...cardSearchText(text) }] : [])),
    );
    onProgress?.('lexical', 0, docs.length);
    LexicalIndex.insertAll(db, docs);
    onProgress?.('lexical', docs.length, docs.length);
  } finally {
    db.close();
  }
  const vectors = await VectorIndex.build(kb.cards, embeddings, (done, total) => onProgress?.('vectors', done, total));
  await vectors.save(path.join(staging, 'vectors'));
  const meta: IndexMeta = {
    hash: fingerprint,
    builtAt: new Date().toISOString(),
    cards: kb.cards.length,
    vectors: vectors.size,
  };
  fs.writeFileSync(path.join(staging, META), JSON.stringify(meta, null, 2));

  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(staging, target);
  fs.rmSync(old, { recursive: true, force: true });
}

export async function openSearchIndex(dataDir: string, embeddings: EmbeddingsInterface): Promise<SearchIndex> {
  const dir = indexDir(dataDir);
  const db = new Database(path.join(dir, 'index.db'), { readonly: true, fileMustExist: true });
  const vectors = await VectorIndex.load(path.join(dir, 'vectors'), embeddings);
  return { lexical: new LexicalIndex(db), vectors, close: () => db.close() };
}

/** Opens the index, building it first when it is missing or out of date (server boot, evals, bench). */
export async function ensureSearchIndex(
  kb: KnowledgeBase,
  dataDir: string,
  embeddings: EmbeddingsInterface,
  fingerprint: string,
  options: { autoIngest?: boolean; onRebuild?: () => void } = {},
): Promise<SearchIndex> {
  if (!isIndexCurrent(dataDir, fingerprint)) {
    if (options.autoIngest === false) throw new Error('The search index is missing or out of date. Run `npm run ingest`.');
    options.onRebuild?.();
    await buildSearchIndex(kb, dataDir, embeddings, fingerprint);
  }
  return openSearchIndex(dataDir, embeddings);
}
