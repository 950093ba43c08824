import type { Baseline, GateCheck } from '../lib/gate';
import type { EvalRun } from '../lib/run-eval';
import { LOWER_IS_BETTER, METRICS, type MetricKey } from '../scorers/metrics';
import { barChart, esc } from './charts';
import { LABELS, fmt } from './format';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222;max-width:1300px}h1,h2{font-weight:600}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.ok{color:#2e7d32}.bad{color:#c62828}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:12px}pre{white-space:pre-wrap;margin:0;max-height:14em;overflow:auto;font-size:12px}
details{margin-bottom:1rem}`;

const CHART_METRICS: MetricKey[] = ['passRate', 'topicAccuracy', 'hit3', 'answerLanguage'];

function diffCell(k: MetricKey, now: number | null, before: number | null | undefined): string {
  if (now === null || before === null || before === undefined) return '<td></td>';
  const d = now - before;
  if (Math.abs(d) < 1e-9) return '<td>±0</td>';
  const better = LOWER_IS_BETTER.has(k) ? d < 0 : d > 0;
  return `<td class="${better ? 'ok' : 'bad'}">${d > 0 ? '+' : ''}${d.toFixed(3)}</td>`;
}

/** A self-contained HTML report: no external CSS, scripts or fonts. */
export function renderHtml(run: EvalRun, gate: GateCheck[], baseline: Baseline | null): string {
  const base = baseline ? (run.fast ? baseline.fast : baseline.overall) : null;
  const overall = METRICS.map((k) => `<tr><td>${LABELS[k]}</td><td>${fmt(run.metrics.overall[k], k)}</td><td>${run.metrics.overall[k].n}</td>`
    + `<td>${base ? fmt(base[k], k) : ''}</td>${diffCell(k, run.metrics.overall[k].value, base?.[k]?.value)}</tr>`).join('');
  const charts = (title: string, groups: EvalRun['metrics']['byLanguage']) =>
    `<h2>By ${title}</h2><div class="charts">${CHART_METRICS.map((k) => barChart(`${LABELS[k]} by ${title}`, groups, k)).join('')}</div>`;
  const failing = run.cases.filter((c) => !c.pass);
  const failRows = failing.map((c) => `<tr><td>${esc(c.id)}</td><td>${c.lang}</td><td>${esc(c.tenant)}</td><td>${esc(c.question)}</td>`
    + `<td>${esc(c.failures.join('; '))}</td><td>${esc(c.got.cardIds.slice(0, 3).join(', '))}</td><td><pre>${esc(c.got.answer)}</pre></td></tr>`).join('');
  const langFails = run.languageId.filter((l) => !l.ok).map((l) => `<tr><td>${esc(l.text)}</td><td>${l.lang}</td><td>${l.got}</td><td>${l.source}</td></tr>`).join('');
  const gateRows = gate.map((g) => `<tr><td class="${g.ok ? 'ok' : 'bad'}">${g.ok ? '✓' : '✗'}</td><td>${esc(g.name)}</td><td>${g.value === null ? 'n/a' : g.value.toFixed(3)}</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Welcome Desk eval ${esc(run.generatedAt)}</title><style>${CSS}</style></head><body>
<h1>Welcome Desk answer-quality eval</h1>
<p>${esc(run.generatedAt)}${run.fast ? ' — fast subset' : ''} · knowledge ${esc(run.knowledgeHash.slice(0, 12))} · ${Object.entries(run.counts).map(([k, v]) => `${esc(k)} ${v}`).join(', ')}</p>
<p><b>Gate:</b> ${gate.filter((g) => g.ok).length} passed, ${gate.filter((g) => !g.ok).length} failed${baseline ? ` · baseline saved ${esc(baseline.savedAt)}` : ' · no baseline'}</p>
<h2>Overall</h2><table><tr><th>Metric</th><th>Value</th><th>n</th><th>Baseline</th><th>Δ</th></tr>${overall}</table>
${charts('language', run.metrics.byLanguage)}${charts('topic', run.metrics.byTopic)}${charts('region', run.metrics.byRegion)}
<h2>Failing cases (${failing.length})</h2><table><tr><th>id</th><th>lang</th><th>tenant</th><th>question</th><th>why</th><th>top cards</th><th>answer given</th></tr>${failRows}</table>
<h2>Language-ID misses (${run.languageId.filter((l) => !l.ok).length} of ${run.languageId.length})</h2><table><tr><th>text</th><th>expected</th><th>got</th><th>source</th></tr>${langFails}</table>
<details><summary><b>Gate checks</b></summary><table><tr><th></th><th>check</th><th>measured</th></tr>${gateRows}</table></details>
${run.check.errors.length || run.check.warnings.length ? `<details><summary><b>Dataset check</b> (${run.check.errors.length} errors, ${run.check.warnings.length} warnings)</summary><pre>${esc([...run.check.errors, ...run.check.warnings].join('\n'))}</pre></details>` : ''}
</body></html>`;
}
