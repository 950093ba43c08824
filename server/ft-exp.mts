import path from 'node:path';
import { createPipeline } from './src/pipeline';
import { trainQuestionModel, DEFAULT_PARAMS } from './src/question-model/train-question-model';
const p = await createPipeline({ dataDir: '/work/main/data/eval', knowledgeDir: '/work/main/knowledge', logLevel: 'silent', retrievalCacheSize: 0 });
const params = { ...DEFAULT_PARAMS, ...JSON.parse(process.env.PARAMS ?? '{}') };
const { meta, bytes } = await trainQuestionModel({ kb: p.knowledge, knowledgeDir: '/work/main/knowledge', retriever: p.retriever, fingerprint: 'x', params, onProgress: (s, d, t) => process.stderr.write(`${s} ${d}/${t}\r`) });
console.log(JSON.stringify(meta.report, null, 1), (bytes.length / 1e6).toFixed(1), 'MB');
p.close();
