import type { Classifier } from '../question-model/fasttext';
import { modelText } from '../question-model/training-corpus';
import { isCrisisCategory, type CrisisCategory } from './crisis-categories';
import type { CrisisMatcher, CrisisVerdict } from './crisis-matcher';

// The crisis step's decision (issue 8). The vocabulary of every language finds what is said outright; a
// classifier trained on example messages reads the whole message, so it catches indirect phrasing ("I am
// on the bridge") and tells a question ABOUT a dangerous subject ("what does overdose mean on the leaflet")
// from a person in danger. Two thresholds, chosen on held-out examples, combine them:
// - the classifier alone decides above `alone`;
// - a vocabulary match stands unless the classifier is all but sure it is no crisis (below `floor`);
// - a pattern marked `!` in the vocabulary always stands.
export const NONE = 'none';

export interface CrisisModelMeta {
  fingerprint: string;
  alone: number;
  floor: number;
  report: Record<string, unknown>;
}

export interface CrisisReading {
  /** Probability that the message is a crisis at all. */
  pCrisis: number;
  categories: { category: CrisisCategory; p: number }[];
}

export function readWithClassifier(classifier: Classifier, text: string): CrisisReading {
  const out = classifier.predict(modelText(text));
  const none = out.find((o) => o.label === NONE)?.p ?? 0;
  return {
    pCrisis: 1 - none,
    categories: out.filter((o) => isCrisisCategory(o.label)).map((o) => ({ category: o.label as CrisisCategory, p: o.p })),
  };
}

/** The decision for a message, given the vocabulary's verdict and the classifier's reading. */
export function decide(verdict: CrisisVerdict | null, reading: CrisisReading, thresholds: { alone: number; floor: number }): CrisisVerdict | null {
  // The vocabulary's categories name what was said; the classifier's guess only when it found nothing.
  if (verdict && (verdict.matches.some((m) => m.certain) || reading.pCrisis >= thresholds.floor)) return verdict;
  if (reading.pCrisis >= thresholds.alone) {
    if (verdict) return verdict;
    const top = reading.categories[0]?.category ?? 'medical';
    return { categories: [top], matches: [{ category: top, language: 'classifier', pattern: `p=${reading.pCrisis.toFixed(2)}`, strong: false, certain: false }] };
  }
  return null;
}

export interface CrisisDetector {
  detect(text: string): CrisisVerdict | null;
}

/** Without a trained classifier (a knowledge folder with no examples) the vocabulary alone decides: recall first. */
export function createCrisisDetector(matcher: CrisisMatcher, model: { classifier: Classifier; meta: CrisisModelMeta } | null): CrisisDetector {
  return {
    detect(text: string): CrisisVerdict | null {
      const verdict = matcher.detect(text);
      if (!model) return verdict;
      return decide(verdict, readWithClassifier(model.classifier, text), model.meta);
    },
  };
}
