import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import type { Retriever } from '../retrieval/create-retriever';
import { trainFacetModel } from './facet-model';
import { QuestionModel, type QuestionModelMeta } from './question-model';
import { DEFAULT_PARAMS, trainQuestionModel, type TrainProgress } from './train-question-model';

// The question model is trained at ingest and saved beside the search index (data/question-model/), then
// loaded at start. Bump when training changes in a way the knowledge hash does not show.
const MODEL_VERSION = 4;

export function questionModelDir(dataDir: string): string {
  return path.join(dataDir, 'question-model');
}

export function modelFingerprint(kb: KnowledgeBase, indexFingerprint: string): string {
  return `${indexFingerprint}:q${MODEL_VERSION}:${JSON.stringify(DEFAULT_PARAMS)}`;
}

export function hasTrainingData(kb: KnowledgeBase): boolean {
  return kb.training.lines.length > 0;
}

export function isModelCurrent(dataDir: string, fingerprint: string): boolean {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(questionModelDir(dataDir), 'meta.json'), 'utf8')) as QuestionModelMeta;
    return meta.fingerprint === fingerprint && fs.existsSync(path.join(questionModelDir(dataDir), 'model.bin'));
  } catch {
    return false;
  }
}

/** Trains into a staging folder and swaps it in, so a crash mid-way never leaves half a model. */
export async function buildQuestionModel(input: { kb: KnowledgeBase; knowledgeDir: string; dataDir: string; retriever: Retriever; fingerprint: string; onProgress?: TrainProgress }): Promise<QuestionModelMeta> {
  const { bytes, meta } = await trainQuestionModel(input);
  input.onProgress?.('training the follow-up facet model', 0, 1);
  const facets = await trainFacetModel(input.kb);
  if (facets) meta.report.facets = { lines: facets.lines, devAccuracy: facets.accuracy };
  const target = questionModelDir(input.dataDir);
  const staging = `${target}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'model.bin'), bytes);
  if (facets) fs.writeFileSync(path.join(staging, 'facet.bin'), facets.bytes);
  fs.writeFileSync(path.join(staging, 'meta.json'), JSON.stringify(meta, null, 1));
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
  return meta;
}

/** Loads the model, training it first when missing or stale; null when the knowledge has no training data. */
export async function ensureQuestionModel(input: {
  kb: KnowledgeBase; knowledgeDir: string; dataDir: string; retriever: Retriever; fingerprint: string;
  autoIngest?: boolean; onRebuild?: () => void; onProgress?: TrainProgress;
}): Promise<QuestionModel | null> {
  if (!hasTrainingData(input.kb)) return null;
  if (!isModelCurrent(input.dataDir, input.fingerprint)) {
    if (input.autoIngest === false) throw new Error('The question model is missing or out of date. Run `npm run ingest`.');
    input.onRebuild?.();
    await buildQuestionModel(input);
  }
  return QuestionModel.load(questionModelDir(input.dataDir), input.kb);
}
