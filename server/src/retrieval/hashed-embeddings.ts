import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { tokenize, tokenVariants } from './text-normalize';

export interface HashedEmbeddingsParams extends EmbeddingsParams {
  dimensions?: number;
  minGram?: number;
  maxGram?: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Different starting states keep word features and n-gram features apart in the hash space.
const WORD_SEED = Math.imul(FNV_OFFSET ^ 0x77, FNV_PRIME) >>> 0;
const GRAM_SEED = Math.imul(FNV_OFFSET ^ 0x67, FNV_PRIME) >>> 0;

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
    const dims = this.dimensions;
    const vector = new Float64Array(dims);
    // The sign bit halves the damage of collisions.
    const add = (h: number, weight: number) => {
      vector[(h >>> 0) % dims] += h & 0x80000000 ? -weight : weight;
    };
    for (const token of tokenize(text)) {
      for (const variant of tokenVariants(token)) {
        let h = WORD_SEED;
        for (let i = 0; i < variant.length; i++) h = Math.imul(h ^ variant.charCodeAt(i), FNV_PRIME);
        add(h, 1);
        // All n-grams of the space-padded word, hashed incrementally from each start (no substrings).
        const padded = ` ${variant} `;
        for (let i = 0; i + this.minGram <= padded.length; i++) {
          let g = GRAM_SEED;
          for (let j = i; j < padded.length && j - i < this.maxGram; j++) {
            g = Math.imul(g ^ padded.charCodeAt(j), FNV_PRIME);
            if (j - i + 1 >= this.minGram) add(g, 0.35);
          }
        }
      }
    }
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += vector[i] * vector[i];
    norm = Math.sqrt(norm) || 1;
    const out = new Array<number>(dims);
    for (let i = 0; i < dims; i++) out[i] = vector[i] / norm;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}
