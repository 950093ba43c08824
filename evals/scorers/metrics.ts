import type { CaseScore } from './case-score';
import type { LangIdScore } from './language-id';
import { hitAt, reciprocalRank } from './retrieval';

export const METRICS = [
  'topicAccuracy', 'hit1', 'hit3', 'mrr', 'answerLanguage', 'abstentionPrecision', 'abstentionRecall', 'abstentionF1',
  'regionCorrectness', 'actorRecall', 'grounding', 'contactIntegrity', 'mustIncludeCoverage', 'trapHitRate',
  'passRate', 'languageId', 'parityGap', 'latencyP50', 'latencyP95', 'firstAnswerChars', 'unnamedActorRate',
] as const;
export type MetricKey = (typeof METRICS)[number];
/** Metrics where lower is better. */
export const LOWER_IS_BETTER: ReadonlySet<MetricKey> = new Set(['trapHitRate', 'parityGap', 'latencyP50', 'latencyP95', 'firstAnswerChars', 'unnamedActorRate']);

export interface Metric {
  value: number | null;
  n: number;
}
export type MetricSet = Record<MetricKey, Metric>;

const mean = (xs: number[]): Metric => ({ value: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null, n: xs.length });
const ratio = (num: number, den: number): Metric => ({ value: den ? num / den : null, n: den });
const b = (x: boolean) => (x ? 1 : 0);

export function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, c) => a - c);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The end-to-end verdict used for parity: right abstention, right topic, card in the top 3, right language. */
export function coreOk(c: CaseScore): boolean {
  const content = c.expectAnswered ? c.answered && c.topicOk === true && (c.rank === null || hitAt(c.rank, 3)) : !c.answered;
  return content && c.languageOk;
}

export function parity(cases: readonly CaseScore[]): { gap: Metric; byLanguage: Record<string, number> } {
  const groups = cases.filter((c) => c.parallelId && c.dataset === 'core');
  const per = new Map<string, number[]>();
  for (const c of groups) per.set(c.lang, [...(per.get(c.lang) ?? []), b(coreOk(c))]);
  const byLanguage = Object.fromEntries([...per].map(([l, xs]) => [l, mean(xs).value ?? 0]));
  const values = Object.values(byLanguage);
  return { gap: { value: values.length > 1 ? Math.max(...values) - Math.min(...values) : null, n: groups.length }, byLanguage };
}

export function computeMetrics(cases: readonly CaseScore[], langId: readonly LangIdScore[] = []): MetricSet {
  const should = cases.filter((c) => c.expectAnswered);
  const ranked = should.filter((c) => c.rank !== null).map((c) => c.rank!);
  const tp = cases.filter((c) => !c.expectAnswered && !c.answered).length;
  const fp = cases.filter((c) => c.expectAnswered && !c.answered).length;
  const fn = cases.filter((c) => !c.expectAnswered && c.answered).length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  // F1 needs cases that should abstain; without any it is n/a (not 0).
  const f1 = tp + fn === 0 ? null
    : precision.value !== null && recall.value !== null && precision.value + recall.value > 0
      ? (2 * precision.value * recall.value) / (precision.value + recall.value)
      : 0;
  const withActors = cases.filter((c) => c.actorsShown > 0);
  const grounded = cases.filter((c) => c.ungrounded !== null);
  const withTraps = cases.filter((c) => c.mustNotTotal > 0);
  const latencies = cases.map((c) => c.latencyMs);
  return {
    topicAccuracy: mean(should.map((c) => b(c.topicOk === true))),
    hit1: mean(ranked.map((r) => b(hitAt(r, 1)))),
    hit3: mean(ranked.map((r) => b(hitAt(r, 3)))),
    mrr: mean(ranked.map((r) => reciprocalRank(r))),
    answerLanguage: mean(cases.map((c) => b(c.languageOk))),
    abstentionPrecision: precision,
    abstentionRecall: recall,
    abstentionF1: { value: f1, n: tp + fp + fn },
    regionCorrectness: mean(withActors.map((c) => b(c.badActors.length === 0))),
    actorRecall: mean(cases.filter((c) => c.actorRecall !== null).map((c) => c.actorRecall!)),
    grounding: mean(grounded.map((c) => b(c.ungrounded!.length === 0))),
    contactIntegrity: mean(cases.map((c) => b(c.invented.length === 0))),
    mustIncludeCoverage: ratio(cases.reduce((s, c) => s + c.mustIncludeTotal - c.mustIncludeMissing.length, 0), cases.reduce((s, c) => s + c.mustIncludeTotal, 0)),
    trapHitRate: mean(withTraps.map((c) => b(c.mustNotHits.length > 0))),
    passRate: mean(cases.map((c) => b(c.pass))),
    languageId: mean(langId.map((l) => b(l.ok))),
    parityGap: parity(cases).gap,
    latencyP50: { value: percentile(latencies, 50), n: latencies.length },
    latencyP95: { value: percentile(latencies, 95), n: latencies.length },
    // Median length of first answers from a card: the first phone screen (issue 10).
    firstAnswerChars: (() => { const xs = cases.filter((c) => c.firstAnswer).map((c) => c.answerChars); return { value: percentile(xs, 50), n: xs.length }; })(),
    unnamedActorRate: mean(withActors.map((c) => b(c.unnamedActors.length > 0))),
  };
}

export interface Breakdowns {
  overall: MetricSet;
  byLanguage: Record<string, MetricSet>;
  byTopic: Record<string, MetricSet>;
  byRegion: Record<string, MetricSet>;
  byDataset: Record<string, MetricSet>;
  parityByLanguage: Record<string, number>;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return new Map([...m].sort(([a], [c]) => a.localeCompare(c)));
}

export function breakdowns(cases: readonly CaseScore[], langId: readonly LangIdScore[]): Breakdowns {
  const by = (key: (c: CaseScore) => string, withLangId = false) =>
    Object.fromEntries([...groupBy(cases, key)].map(([k, xs]) => [k, computeMetrics(xs, withLangId ? langId.filter((l) => l.lang === k) : [])]));
  return {
    overall: computeMetrics(cases, langId),
    byLanguage: by((c) => c.lang, true),
    byTopic: by((c) => c.topic),
    byRegion: by((c) => c.region),
    byDataset: by((c) => c.dataset),
    parityByLanguage: parity(cases).byLanguage,
  };
}
