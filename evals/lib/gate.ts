import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOWER_IS_BETTER, METRICS, type MetricKey, type MetricSet } from '../scorers/metrics';

const metricMap = z.partialRecord(z.enum(METRICS), z.number());
export const thresholdsSchema = z.object({
  _note: z.string().optional(),
  floors: metricMap,
  ceilings: metricMap.default({}),
  perLanguage: z.object({ floors: metricMap, overrides: z.record(z.string(), metricMap).default({}) }),
  fast: z.object({ floors: metricMap, ceilings: metricMap.default({}), maxDrop: z.number().optional() }),
  maxDrop: z.object({ default: z.number(), metrics: z.array(z.enum(METRICS)), overrides: metricMap.default({}) }),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export interface Baseline {
  savedAt: string;
  knowledgeHash: string;
  overall: MetricSet;
  byLanguage: Record<string, MetricSet>;
  fast: MetricSet;
}

export interface GateCheck {
  name: string;
  value: number | null;
  limit: number;
  ok: boolean;
}

export const EVAL_DIR = path.resolve(import.meta.dirname, '..');

export function loadThresholds(file = path.join(EVAL_DIR, 'thresholds.json')): Thresholds {
  return thresholdsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export function loadBaseline(file = path.join(EVAL_DIR, 'baseline.json')): Baseline | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline) : null;
}

function bound(name: string, value: number | null, limit: number, lowerIsBetter: boolean): GateCheck {
  // A metric with no applicable cases cannot fail a floor (it is reported as n/a).
  const ok = value === null || (lowerIsBetter ? value <= limit + 1e-9 : value >= limit - 1e-9);
  return { name, value, limit, ok };
}

/**
 * The gate: overall floors/ceilings, per-language floors, and the largest allowed drop against the saved
 * baseline. A fast run uses its own floors and the baseline's fast figures.
 */
export function evaluateGate(input: { overall: MetricSet; byLanguage: Record<string, MetricSet>; fast: boolean }, t: Thresholds, baseline: Baseline | null): GateCheck[] {
  const checks: GateCheck[] = [];
  const floors = input.fast ? t.fast.floors : t.floors;
  const ceilings = input.fast ? t.fast.ceilings : t.ceilings;
  for (const [k, v] of Object.entries(floors) as [MetricKey, number][]) checks.push(bound(`${k} ≥ ${v}`, input.overall[k].value, v, false));
  for (const [k, v] of Object.entries(ceilings) as [MetricKey, number][]) checks.push(bound(`${k} ≤ ${v}`, input.overall[k].value, v, true));
  if (!input.fast) {
    for (const [lang, set] of Object.entries(input.byLanguage)) {
      const own = { ...t.perLanguage.floors, ...(t.perLanguage.overrides[lang] ?? {}) };
      for (const [k, v] of Object.entries(own) as [MetricKey, number][]) checks.push(bound(`${lang}: ${k} ≥ ${v}`, set[k].value, v, false));
    }
  }
  const base = baseline ? (input.fast ? baseline.fast : baseline.overall) : null;
  if (base) {
    for (const k of t.maxDrop.metrics) {
      const before = base[k]?.value;
      if (before === null || before === undefined) continue;
      // The fast subset is small (one case moves a metric by a few points), so it may allow a larger drop.
      const drop = (input.fast ? t.fast.maxDrop : undefined) ?? t.maxDrop.overrides[k] ?? t.maxDrop.default;
      const lower = LOWER_IS_BETTER.has(k);
      const limit = lower ? before + drop : before - drop;
      checks.push(bound(`${k} within ${drop} of baseline ${before.toFixed(3)}`, input.overall[k].value, limit, lower));
    }
  }
  return checks;
}

/** All gate checks of a run: the dataset check first, then the metric checks. */
export function gateChecks(run: { fast: boolean; check: { errors: string[] }; metrics: { overall: MetricSet; byLanguage: Record<string, MetricSet> } }, t: Thresholds, baseline: Baseline | null): GateCheck[] {
  return [
    { name: 'gold sets pass check-datasets', value: run.check.errors.length, limit: 0, ok: run.check.errors.length === 0 },
    ...evaluateGate({ overall: run.metrics.overall, byLanguage: run.metrics.byLanguage, fast: run.fast }, t, baseline),
  ];
}
