import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { tokenize, tokenVariants } from './text-normalize';

export interface HashedEmbeddingsParams extends EmbeddingsParams {
  dimensions?: number;
  minGram?: number;
  maxGram?: number;
}

// FNV-1a: fast, stable across runs and platforms, good enough spread for feature hashing.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Embeddings with no model to download: words plus character n-grams hashed into a fixed vector
 * (the "hashing trick"). Character n-grams make misspellings, plurals and Arabic particles land near
 * the right words. It sits behind LangChain's Embeddings interface so a neural provider can replace it
 * by configuration.
 */
export class HashedEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly minGram: number;
  private readonly maxGram: number;

  constructor(params: HashedEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 1024;
    this.minGram = params.minGram ?? 3;
    this.maxGram = params.maxGram ?? 5;
  }

  embedSync(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      // The sign bit halves the damage of collisions.
      vector[h % this.dimensions] += h & 0x80000000 ? -weight : weight;
    };
    for (const token of tokenize(text)) {
      for (const variant of tokenVariants(token)) {
        add(`w:${variant}`, 1);
        const padded = ` ${variant} `;
        for (let n = this.minGram; n <= this.maxGram; n++) {
          for (let i = 0; i + n <= padded.length; i++) add(`g:${padded.slice(i, i + n)}`, 0.35);
        }
      }
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (v) => v / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}
