import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { AppConfig } from '../config';
import { HashedEmbeddings } from './hashed-embeddings';

/** A key that changes whenever the vectors would: part of the index's freshness hash. */
export function embeddingsKey(config: Pick<AppConfig, 'embeddingsProvider' | 'embeddingsModel'>): string {
  return config.embeddingsProvider === 'hashed' ? 'hashed-v3-1024-grams' : `${config.embeddingsProvider}:${config.embeddingsModel ?? 'default'}`;
}

/**
 * Offline hashed embeddings by default. Neural providers are loaded only when configured, so the
 * default path never touches the network.
 */
export async function createEmbeddings(
  config: Pick<AppConfig, 'embeddingsProvider' | 'embeddingsModel' | 'llmBaseUrl' | 'llmApiKey'>,
): Promise<EmbeddingsInterface> {
  switch (config.embeddingsProvider) {
    case 'hashed':
      return new HashedEmbeddings({ dimensions: 1024 });
    case 'openai': {
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return new OpenAIEmbeddings({
        model: config.embeddingsModel ?? 'text-embedding-3-small',
        apiKey: config.llmApiKey,
        configuration: config.llmBaseUrl ? { baseURL: config.llmBaseUrl } : undefined,
      });
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return new OllamaEmbeddings({ model: config.embeddingsModel ?? 'nomic-embed-text', baseUrl: config.llmBaseUrl });
    }
  }
}
