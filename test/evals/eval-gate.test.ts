import { describe, expect, it } from 'vitest';
import { gateChecks, loadBaseline, loadThresholds } from '../../evals/lib/gate';
import { runEval } from '../../evals/lib/run-eval';

// The same code path as `npm run eval -- --fast`: gold sets checked, the fast subset asked through the
// real pipeline, then the gate from evals/thresholds.json and evals/baseline.json.
describe('answer-quality gate (fast subset)', () => {
  it('passes every gate check', async () => {
    const run = await runEval({ fast: true });
    const checks = gateChecks(run, loadThresholds(), loadBaseline());
    const failed = checks.filter((c) => !c.ok).map((c) => `${c.name} (measured ${c.value})`);
    expect(run.check.errors).toEqual([]);
    expect(run.cases.length).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  }, 180_000);
});
