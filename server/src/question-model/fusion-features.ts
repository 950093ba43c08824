import type { Card } from '../knowledge/knowledge-types';
import type { RetrievalResult } from '../retrieval/create-retriever';

// The signals the learned fusion weighs for each candidate card (issue 9): the question model's calibrated
// probability, and the lexical, vector and glossary evidence of the search index. Their weights come from
// a logistic regression on the dev split, not from hand-picked constants.
export const FUSION_FEATURES = [
  'model', 'modelTop', 'modelMargin', 'outOfScope', 'lexical', 'vector', 'coverage', 'concepts', 'retrievalTop', 'prior', 'words', 'foreign',
] as const;

export interface ModelPrediction {
  /** Cards valid where the person lives, calibrated probabilities, best first. */
  cards: { id: string; p: number }[];
  /** Probability that the question is not ours to answer. */
  outOfScope: number;
}

export interface Candidate {
  cardId: string;
  features: number[];
}

const MODEL_CANDIDATES = 5;

export function modelCandidates(prediction: ModelPrediction): string[] {
  return prediction.cards.slice(0, MODEL_CANDIDATES).map((c) => c.id);
}

/** One row per candidate: the model's top cards and the search index's results. */
export function candidateFeatures(input: {
  prediction: ModelPrediction;
  retrieval: RetrievalResult;
  words: number;
  foreign: boolean;
  cards: ReadonlyMap<string, Card>;
}): Candidate[] {
  const { prediction, retrieval } = input;
  const p = new Map(prediction.cards.map((c) => [c.id, c.p]));
  const top = prediction.cards[0];
  const margin = top ? top.p - (prediction.cards[1]?.p ?? 0) : 0;
  const ids = [...new Set([...modelCandidates(prediction), ...retrieval.results.map((r) => r.card.id)])];
  const signals = new Map(retrieval.results.map((r) => [r.card.id, r.signals]));
  return ids.map((id) => {
    const s = signals.get(id);
    return {
      cardId: id,
      features: [
        p.get(id) ?? 0,
        top?.id === id ? 1 : 0,
        top?.id === id ? margin : 0,
        prediction.outOfScope,
        s?.lexical ?? 0,
        s?.vector ?? 0,
        s?.coverage ?? 0,
        s ? 1 - Math.exp(-2 * s.concepts) : 0,
        retrieval.results[0]?.card.id === id ? 1 : 0,
        input.cards.get(id)?.weight ?? 1,
        Math.log1p(input.words),
        input.foreign ? 1 : 0,
      ],
    };
  });
}

// The second stage (issue 9: "abstain on the calibrated probability together with the out-of-scope class"):
// how likely the chosen card is the right answer at all, from the fused scores of the best two candidates
// and the model's out-of-scope probability.
// A "share of known words" feature was tried and dropped: it rewards the training writers' vocabulary
// (better on the dev split, worse on the independently written gold set).
export const ANSWER_FEATURES = ['best', 'second', 'gap', 'outOfScope', 'modelBest', 'words', 'foreign'] as const;

export function answerFeatures(fused: { p: number }[], prediction: ModelPrediction, words: number, foreign: boolean): number[] {
  const best = fused[0]?.p ?? 0;
  const second = fused[1]?.p ?? 0;
  return [best, second, best - second, prediction.outOfScope, prediction.cards[0]?.p ?? 0, Math.log1p(words), foreign ? 1 : 0];
}
