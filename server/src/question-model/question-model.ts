import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Card, KnowledgeBase } from '../knowledge/knowledge-types';
import type { RetrievalResult } from '../retrieval/create-retriever';
import { facetModel, type FacetModel } from './facet-model';
import { loadClassifier, type Classifier } from './fasttext';
import { answerFeatures, candidateFeatures, type ModelPrediction } from './fusion-features';
import { predictLogistic, type LogisticModel } from './logistic';
import { OUT_OF_SCOPE, modelText } from './training-corpus';

/** What training saved beside the model (data/question-model/meta.json). */
export interface QuestionModelMeta {
  fingerprint: string;
  /** Softmax temperature fitted on the dev split, so that probabilities mean what they say. */
  temperature: number;
  fusion: LogisticModel;
  /** Second stage: the probability that the chosen card answers the question at all. */
  answer: LogisticModel;
  /** Answer only when that probability reaches this (chosen on the dev split). */
  threshold: number;
  report: Record<string, unknown>;
}

export interface FusedChoice {
  cardId: string | null;
  /** Calibrated probability that the chosen card answers the question (compared with the threshold). */
  p: number;
  /** Every candidate with its fused score, best first. */
  candidates: { cardId: string; p: number }[];
}

/** Temperature scaling of a softmax given as probabilities: p_i^(1/T), renormalised over what is allowed. */
export function calibrate(raw: { label: string; p: number }[], allowed: ReadonlySet<string>, temperature: number): ModelPrediction {
  const kept = raw.filter((r) => allowed.has(r.label) || r.label === OUT_OF_SCOPE);
  const scaled = kept.map((r) => ({ label: r.label, w: Math.exp(Math.log(Math.max(r.p, 1e-12)) / temperature) }));
  const z = scaled.reduce((s, r) => s + r.w, 0) || 1;
  const cards = scaled.filter((r) => r.label !== OUT_OF_SCOPE).map((r) => ({ id: r.label, p: r.w / z })).sort((a, b) => b.p - a.p);
  return { cards, outOfScope: (scaled.find((r) => r.label === OUT_OF_SCOPE)?.w ?? 0) / z };
}

export class QuestionModel {
  constructor(
    private readonly classifier: Classifier,
    readonly meta: QuestionModelMeta,
    private readonly cards: ReadonlyMap<string, Card>,
    /** What a short follow-up asks about; null when the knowledge has no facet lines. */
    readonly facets: FacetModel | null = null,
  ) {}

  static async load(dir: string, kb: Pick<KnowledgeBase, 'cards' | 'training'>): Promise<QuestionModel> {
    const { cards } = kb;
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as QuestionModelMeta;
    const classifier = await loadClassifier(pathToFileURL(path.join(dir, 'model.bin')).href);
    const facetFile = path.join(dir, 'facet.bin');
    const facets = fs.existsSync(facetFile) ? facetModel(await loadClassifier(pathToFileURL(facetFile).href)) : null;
    return new QuestionModel(classifier, meta, new Map(cards.map((c) => [c.id, c])), facets);
  }

  predict(text: string, allowed: ReadonlySet<string>): ModelPrediction {
    const t = modelText(text);
    if (!t) return { cards: [], outOfScope: 1 };
    return calibrate(this.classifier.predict(t), allowed, this.meta.temperature);
  }

  /** The learned fusion over the model's and the search index's candidates. */
  choose(prediction: ModelPrediction, retrieval: RetrievalResult, words: number, foreign: boolean): FusedChoice {
    const candidates = candidateFeatures({ prediction, retrieval, words, foreign, cards: this.cards })
      .map((c) => ({ cardId: c.cardId, p: predictLogistic(this.meta.fusion, c.features) }))
      .sort((a, b) => b.p - a.p);
    if (!candidates.length) return { cardId: null, p: 0, candidates };
    const p = predictLogistic(this.meta.answer, answerFeatures(candidates, prediction, words, foreign));
    return { cardId: candidates[0].cardId, p, candidates };
  }
}
