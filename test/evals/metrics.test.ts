import { describe, expect, it } from 'vitest';
import type { CaseScore } from '../../evals/scorers/case-score';
import { computeMetrics, percentile } from '../../evals/scorers/metrics';
import { evaluateGate, type Thresholds } from '../../evals/lib/gate';

function score(over: Partial<CaseScore>): CaseScore {
  return {
    id: 'x', dataset: 'core', lang: 'en', topic: 'health', region: 'flanders', tags: [], parallelId: null, question: 'q', tenant: 'genk',
    expectAnswered: true, answered: true, topicOk: true, rank: 1, languageOk: true, badActors: [], actorsShown: 0, actorRecall: null, unnamedActors: [], answerChars: 300, firstAnswer: true,
    ungrounded: [], invented: [], mustIncludeMissing: [], mustIncludeTotal: 0, mustNotHits: [], mustNotTotal: 0, latencyMs: 1,
    got: { language: 'en', topic: 'health', cardIds: [], mode: 'extractive', confidence: 1, answer: '', actors: [] }, pass: true, failures: [], ...over,
  };
}

describe('metrics', () => {
  it('computes abstention precision, recall and F1 with "should abstain" as the positive class', () => {
    const cases = [
      score({ expectAnswered: false, answered: false }), // TP
      score({ expectAnswered: false, answered: true }), // FN
      score({ expectAnswered: true, answered: false, topicOk: false }), // FP
      score({}), // TN
    ];
    const m = computeMetrics(cases);
    expect(m.abstentionPrecision.value).toBe(0.5);
    expect(m.abstentionRecall.value).toBe(0.5);
    expect(m.abstentionF1.value).toBe(0.5);
    expect(m.topicAccuracy.value).toBe(0.5);
  });

  it('computes hit@k and MRR from ranks, ignoring cases without expected cards', () => {
    const m = computeMetrics([score({ rank: 1 }), score({ rank: 2 }), score({ rank: 0 }), score({ rank: null })]);
    expect(m.hit1.value).toBeCloseTo(1 / 3);
    expect(m.hit3.value).toBeCloseTo(2 / 3);
    expect(m.mrr.value).toBeCloseTo(0.5);
    expect(m.hit3.n).toBe(3);
  });

  it('reports n/a rather than 0 for F1 when nothing should abstain', () => {
    expect(computeMetrics([score({})]).abstentionF1.value).toBeNull();
  });

  it('percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('gate', () => {
  const t: Thresholds = {
    floors: { hit3: 0.9 }, ceilings: { latencyP95: 100 }, perLanguage: { floors: { answerLanguage: 0.9 }, overrides: {} },
    fast: { floors: {}, ceilings: {} }, maxDrop: { default: 0.02, metrics: ['hit3'], overrides: {} },
  };
  it('fails a floor, a per-language floor and a drop against the baseline', () => {
    const overall = computeMetrics([score({ rank: 0 }), score({ languageOk: false })]);
    const checks = evaluateGate({ overall, byLanguage: { en: overall }, fast: false }, t, { savedAt: '', knowledgeHash: '', overall: computeMetrics([score({})]), byLanguage: {}, fast: overall });
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['hit3 ≥ 0.9', 'en: answerLanguage ≥ 0.9', 'hit3 within 0.02 of baseline 1.000']);
  });
});
