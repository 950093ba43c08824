import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { createCardRetriever } from '../retrieval/card-retriever';
import { embeddingsKey } from '../retrieval/create-embeddings';
import { indexFingerprint } from '../retrieval/search-index';
import { ensureQuestionModel, modelFingerprint } from '../question-model/ensure-question-model';
import type { QuestionModel } from '../question-model/question-model';
import { loadLid176, type LanguageIdentifier } from '../language/lid';
import { createCrisisSafety, type CrisisSafety } from '../safety/crisis-safety';

declare module 'fastify' {
  interface FastifyInstance {
    questionModel: QuestionModel | null;
    languageId: LanguageIdentifier;
    crisisSafety: CrisisSafety;
  }
}

type Options = Pick<AppConfig, 'dataDir' | 'knowledgeDir' | 'autoIngest' | 'embeddingsProvider' | 'embeddingsModel' | 'questionModel'>;

/**
 * The models that ship with the product: fastText's lid.176 (inside its npm package), and the question
 * model trained from knowledge/training/, retrained at boot when the knowledge changed.
 */
export default fp<Options>(
  async (app, opts) => {
    app.decorate('languageId', await loadLid176());
    // The crisis classifier is trained whatever the question model's setting: safety never depends on it.
    app.decorate('crisisSafety', await createCrisisSafety(app.knowledge, opts.dataDir));
    if (opts.questionModel === 'off') {
      app.decorate('questionModel', null);
      return;
    }
    const started = Date.now();
    const model = await ensureQuestionModel({
      kb: app.knowledge, knowledgeDir: opts.knowledgeDir, dataDir: opts.dataDir,
      retriever: createCardRetriever(app.knowledge, app.searchIndex, app.embeddings, 0),
      fingerprint: modelFingerprint(app.knowledge, indexFingerprint(app.knowledge, embeddingsKey(opts))),
      autoIngest: opts.autoIngest,
      onRebuild: () => app.log.info('knowledge changed since the last ingest: training the question model'),
      onProgress: (stage, done, total) => app.log.debug({ stage, done, total }, 'question model'),
    });
    app.log.info({ ms: Date.now() - started, trained: !!model }, model ? 'question model ready' : 'no training data: retrieval confidence decides');
    app.decorate('questionModel', model);
  },
  { name: 'models', dependencies: ['knowledge', 'search-index'] },
);
