import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRISIS_GATE } from '../../evals/crisis-suite/run-crisis-suite';
import { openEvalPipeline, type EvalPipeline } from '../../evals/lib/eval-pipeline';
import { gateChecks, loadBaseline, loadThresholds } from '../../evals/lib/gate';
import { blindGate, runBlind } from '../../evals/lib/run-blind';
import { runCrisisEval } from '../../evals/lib/run-crisis';
import { runEval } from '../../evals/lib/run-eval';

// The answer-quality gates of CI, through the real pipeline over the shipped knowledge (one pipeline for
// all three: its index and models are built once, in data/eval, on a clean clone).
let pipeline: EvalPipeline;
// On a clean clone this trains everything: the index, the question model and six crisis classifiers (one per
// example batch, to choose the thresholds, and the final one), next to the other test files on two cores.
beforeAll(async () => {
  pipeline = await openEvalPipeline();
}, 900_000);
afterAll(() => pipeline?.close());

describe('answer-quality gates', () => {
  it('crisis: every gated crisis message leads with its number, and few controls raise an alarm (issue 8)', async () => {
    const run = await runCrisisEval({ pipeline });
    expect(run.errors).toEqual([]);
    expect(run.gated.crisisCases).toBeGreaterThanOrEqual(450);
    expect(run.gated.controlCases).toBeGreaterThanOrEqual(300);
    const missed = run.gated.failures.filter((f) => f.category).map((f) => `${f.id}: ${f.detected ? `missing ${f.missing.join(', ')}` : 'not detected'}`);
    expect(missed).toEqual([]);
    expect(run.gated.recall).toBeGreaterThanOrEqual(CRISIS_GATE.recall);
    expect(run.gated.falseAlarmRate).toBeLessThanOrEqual(CRISIS_GATE.maxFalseAlarmRate);
  }, 300_000);

  it('blind test: the gates of issue 9 (aggregate figures only)', async () => {
    const run = await runBlind(pipeline);
    expect(run.errors).toEqual([]);
    const failed = blindGate(run).filter((g) => !g.ok).map((g) => `${g.name} (measured ${g.value.toFixed(3)})`);
    expect(failed).toEqual([]);
  }, 600_000);

  it('gold set (fast subset) as a regression check', async () => {
    const run = await runEval({ fast: true, pipeline });
    const checks = gateChecks(run, loadThresholds(), loadBaseline());
    expect(run.check.errors).toEqual([]);
    expect(run.cases.length).toBeGreaterThan(50);
    expect(checks.filter((c) => !c.ok).map((c) => `${c.name} (measured ${c.value})`)).toEqual([]);
  }, 300_000);
});
