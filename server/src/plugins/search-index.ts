import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { createEmbeddings, embeddingsKey } from '../retrieval/create-embeddings';
import { ensureSearchIndex, indexFingerprint, type SearchIndex } from '../retrieval/search-index';

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
    const started = Date.now();
    const index = await ensureSearchIndex(app.knowledge, opts.dataDir, embeddings, indexFingerprint(app.knowledge, embeddingsKey(opts)), {
      autoIngest: opts.autoIngest,
      onRebuild: () => app.log.info('knowledge changed since the last ingest: rebuilding the search index'),
    });
    app.log.info({ ms: Date.now() - started }, 'search index ready');
    app.decorate('searchIndex', index);
    app.decorate('embeddings', embeddings);
    app.addHook('onClose', async () => index.close());
  },
  { name: 'search-index', dependencies: ['knowledge'] },
);
