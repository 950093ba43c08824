import type { Metric, MetricKey } from '../scorers/metrics';

export const LABELS: Record<MetricKey, string> = {
  topicAccuracy: 'Topic accuracy', hit1: 'Card hit@1', hit3: 'Card hit@3', mrr: 'Card MRR', answerLanguage: 'Answer language',
  abstentionPrecision: 'Abstention precision', abstentionRecall: 'Abstention recall', abstentionF1: 'Abstention F1',
  regionCorrectness: 'Actor region correctness', actorRecall: 'Actor recall', grounding: 'Grounding', contactIntegrity: 'Contact integrity',
  mustIncludeCoverage: 'must_include coverage', trapHitRate: 'Trap hit rate', passRate: 'Case pass rate', languageId: 'Language ID (short)',
  parityGap: 'Language parity gap', latencyP50: 'Latency p50 (ms)', latencyP95: 'Latency p95 (ms)',
  firstAnswerChars: 'First answer, median chars', unnamedActorRate: 'Answers with an unnamed organisation',
};

export function fmt(m: Metric | undefined, key?: MetricKey): string {
  if (!m || m.value === null) return 'n/a';
  if (key === 'latencyP50' || key === 'latencyP95') return m.value.toFixed(1);
  if (key === 'firstAnswerChars') return m.value.toFixed(0);
  return m.value.toFixed(3);
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A plain monospace table. */
export function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
