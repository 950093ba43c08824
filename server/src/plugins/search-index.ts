import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { createEmbeddings, embeddingsKey } from '../retrieval/create-embeddings';
import { buildSearchIndex, indexFingerprint, isIndexCurrent, openSearchIndex, type SearchIndex } from '../retrieval/search-index';

declare module 'fastify' {
  interface FastifyInstance {
    searchIndex: SearchIndex;
    embeddings: EmbeddingsInterface;
  }
}

type Options = Pick<AppConfig, 'dataDir' | 'autoIngest' | 'embeddingsProvider' | 'embeddingsModel' | 'llmBaseUrl' | 'llmApiKey'>;

/** FTS5 + hnswlib index; rebuilt at boot when the knowledge's content hash changed. */
export default fp<Options>(
  async (app, opts) => {
    const embeddings = await createEmbeddings(opts);
    const fingerprint = indexFingerprint(app.knowledge, embeddingsKey(opts));
    if (!isIndexCurrent(opts.dataDir, fingerprint)) {
      if (!opts.autoIngest) throw new Error('The search index is missing or out of date. Run `npm run ingest`.');
      app.log.info('knowledge changed since the last ingest: rebuilding the search index');
      const started = Date.now();
      await buildSearchIndex(app.knowledge, opts.dataDir, embeddings, fingerprint);
      app.log.info({ ms: Date.now() - started }, 'search index rebuilt');
    }
    const index = await openSearchIndex(opts.dataDir, embeddings);
    app.decorate('searchIndex', index);
    app.decorate('embeddings', embeddings);
    app.addHook('onClose', async () => index.close());
  },
  { name: 'search-index', dependencies: ['knowledge'] },
);
