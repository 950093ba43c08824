import { withPipeline, type EvalPipeline } from './eval-pipeline';
import { loadCrisisCases, type CrisisCase } from './crisis-data';
import { scoreCrisisAnswer, summarizeCrisis, type CrisisScore, type CrisisSummary } from '../scorers/crisis';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface CrisisRun {
  errors: string[];
  /** The gated set: what the vocabulary may be improved on. */
  gated: CrisisSummary;
  /** Held out of sets a and b: reported only. */
  holdout: CrisisSummary;
  /** Set c, written later like an outside check and held out whole. */
  fresh: CrisisSummary;
  /** Set d, written the same way by new writers after set c had been looked at: the untouched figure. */
  freshD: CrisisSummary;
  scores: CrisisScore[];
}

/** Every crisis and control message through the real pipeline, each as the first message of a new chat. */
export async function runCrisisEval(opts: { onProgress?: (done: number, total: number) => void; pipeline?: EvalPipeline } = {}): Promise<CrisisRun> {
  const { cases, errors } = loadCrisisCases();
  return withPipeline(opts.pipeline, async (p) => {
    const scores: CrisisScore[] = [];
    for (const c of cases as CrisisCase[]) {
      const tenant = p.tenants.resolve(c.tenant);
      if (!tenant) {
        errors.push(`${c.id}: unknown tenant ${c.tenant}`);
        continue;
      }
      if (scores.length % 20 === 19) await nextTurn(); // a macrotask turn now and then (see run-blind.ts)
      const r = await p.chat.ask({ message: c.message, tenant: c.tenant });
      scores.push(scoreCrisisAnswer({
        id: c.id, lang: c.lang, category: c.category, set: c.set, region: r.trace.region, answer: r.answer,
        mode: r.trace.mode, language: r.language, categories: r.trace.crisis,
      }));
      opts.onProgress?.(scores.length, cases.length);
    }
    return {
      errors, scores,
      gated: summarizeCrisis(scores.filter((s) => s.set === 'gated')),
      holdout: summarizeCrisis(scores.filter((s) => s.set === 'holdout')),
      fresh: summarizeCrisis(scores.filter((s) => s.set === 'fresh')),
      freshD: summarizeCrisis(scores.filter((s) => s.set === 'fresh-d')),
    };
  });
}
