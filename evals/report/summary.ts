import type { EvalRun } from '../lib/run-eval';
import type { GateCheck } from '../lib/gate';
import { METRICS, type MetricKey, type MetricSet } from '../scorers/metrics';
import { LABELS, fmt, textTable } from './format';

const BY_GROUP: MetricKey[] = ['topicAccuracy', 'hit1', 'hit3', 'mrr', 'answerLanguage', 'abstentionF1', 'regionCorrectness', 'grounding', 'contactIntegrity', 'languageId', 'passRate'];
const SHORT: Partial<Record<MetricKey, string>> = {
  topicAccuracy: 'topic', hit1: 'hit@1', hit3: 'hit@3', mrr: 'MRR', answerLanguage: 'lang', abstentionF1: 'abstF1',
  regionCorrectness: 'region', grounding: 'ground', contactIntegrity: 'contact', languageId: 'langID', passRate: 'pass',
};

function groupTable(title: string, groups: Record<string, MetricSet>, extra?: Record<string, number>): string {
  const keys = BY_GROUP.filter((k) => Object.values(groups).some((g) => g[k].value !== null));
  const rows = Object.entries(groups).map(([name, set]) => [name, String(set.passRate.n), ...keys.map((k) => fmt(set[k], k)), ...(extra ? [extra[name]?.toFixed(3) ?? ''] : [])]);
  return `${title}\n${textTable([title.split(' ').pop()!, 'n', ...keys.map((k) => SHORT[k]!), ...(extra ? ['parity'] : [])], rows)}`;
}

/** The console summary printed at the end of `npm run eval`. */
export function summaryText(run: EvalRun, gate: GateCheck[]): string {
  const overall = textTable(['metric', 'value', 'n'], METRICS.map((k) => [LABELS[k], fmt(run.metrics.overall[k], k), String(run.metrics.overall[k].n)]));
  const failed = gate.filter((g) => !g.ok);
  return [
    `Cases: ${Object.entries(run.counts).map(([k, v]) => `${k} ${v}`).join(', ')}${run.fast ? ' (fast subset)' : ''}`,
    '', overall,
    '', groupTable('By language', run.metrics.byLanguage, run.metrics.parityByLanguage),
    '', groupTable('By topic', run.metrics.byTopic),
    '', groupTable('By region', run.metrics.byRegion),
    '', groupTable('By dataset', run.metrics.byDataset),
    ...(run.check.errors.length ? ['', `Dataset check: ${run.check.errors.length} errors`, ...run.check.errors.slice(0, 20).map((e) => `  ${e}`)] : []),
    ...(failed.length ? ['', 'Failed gate checks:', ...failed.map((g) => `  ✗ ${g.name} (measured ${g.value === null ? 'n/a' : g.value.toFixed(3)})`)] : []),
  ].join('\n');
}
