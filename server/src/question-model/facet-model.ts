import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { FACETS } from '../knowledge/load-training';
import { augment } from './augment';
import { trainClassifier, type Classifier, type FastTextParams } from './fasttext';
import { modelText, type TrainingLine } from './training-corpus';

// What a short follow-up asks about (issue 9), learned from knowledge/training/facets/<lang>.yaml.
export { FACETS };
export type Facet = (typeof FACETS)[number];

/** Facets that keep the subject of the previous answer and ask for one more part of it. */
export const SAME_SUBJECT: ReadonlySet<Facet> = new Set(['cost', 'documents', 'deadline', 'hours', 'where', 'eligible', 'children', 'another-place']);

const FACET_PARAMS: FastTextParams = { epoch: 25, lr: 0.5, dim: 24, wordNgrams: 2, minn: 2, maxn: 4, bucket: 30_000, minCount: 1, seed: 5 };

export function facetLines(kb: Pick<KnowledgeBase, 'training'>): TrainingLine[] {
  // Every fifth line of each facet is held out to report the classifier's accuracy.
  return kb.training.facets
    .map((f) => ({ label: f.facet, lang: f.lang, text: modelText(f.text), source: 'training' as const, dev: f.index % 5 === 4 }))
    .filter((l) => l.text);
}

export interface FacetModel {
  classify(text: string): { facet: Facet; p: number };
}

export function facetModel(classifier: Classifier): FacetModel {
  return {
    classify(text: string) {
      const [top] = classifier.predict(modelText(text));
      return { facet: (top?.label ?? 'new-topic') as Facet, p: top?.p ?? 0 };
    },
  };
}

export async function trainFacetModel(kb: Pick<KnowledgeBase, 'training' | 'glossary'>): Promise<{ bytes: Uint8Array; accuracy: number; lines: number } | null> {
  const lines = facetLines(kb);
  if (!lines.length) return null;
  const { classifier, bytes } = await trainClassifier(augment(lines, kb.glossary, 3), FACET_PARAMS);
  const dev = lines.filter((l) => l.dev);
  const right = dev.filter((l) => classifier.predict(l.text)[0]?.label === l.label).length;
  return { bytes, accuracy: dev.length ? right / dev.length : 0, lines: lines.length };
}
