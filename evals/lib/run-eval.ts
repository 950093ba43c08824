import { ROOT, withPipeline, type EvalPipeline } from './eval-pipeline';
import { createLanguageDetector } from '../../server/src/language/detect-language';
import { LanguageLexicon } from '../../server/src/language/language-lexicon';
import { checkDatasets, type DatasetCheck } from '../check-datasets';
import { scoreCase, type CaseScore } from '../scorers/case-score';
import { buildCorpus } from '../scorers/corpus';
import { scoreLanguageId, type LangIdScore } from '../scorers/language-id';
import { breakdowns, computeMetrics, type Breakdowns, type MetricSet } from '../scorers/metrics';
import { askCases, fastSubset, loadDatasets } from './load-datasets';
import { setImmediate as nextTurn } from 'node:timers/promises';

export { ROOT };

export interface EvalRun {
  generatedAt: string;
  fast: boolean;
  knowledgeHash: string;
  counts: Record<string, number>;
  check: DatasetCheck;
  metrics: Breakdowns;
  /** Overall metrics of the --fast subset (also computed on full runs, for the fast gate's baseline). */
  fastMetrics: MetricSet;
  cases: CaseScore[];
  languageId: LangIdScore[];
}

export interface RunOptions {
  fast?: boolean;
  /** Override the abstention threshold (config minConfidence) to measure the trade-off. */
  minConfidence?: number;
  onStart?: (total: number) => void;
  onProgress?: (done: number, label: string) => void;
  /** An open pipeline to use (several suites in one run); otherwise one is opened and closed. */
  pipeline?: EvalPipeline;
}

const conversationIdOf = (id: string) => `eval-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 64);

/** Loads the gold sets, asks every question through the real pipeline and scores the answers. */
export async function runEval(opts: RunOptions = {}): Promise<EvalRun> {
  return withPipeline(opts.pipeline, async (p) => {
    const all = loadDatasets();
    const check = checkDatasets(all, p.knowledge);
    const fastIds = new Set(askCases(fastSubset(all)).map((c) => c.id));
    const fastLangIds = new Set(fastSubset(all).languageId.map((c) => c.id));
    const ds = opts.fast ? fastSubset(all) : all;
    const cases = askCases(ds);
    const corpus = buildCorpus(p.knowledge);
    const detect = createLanguageDetector(new LanguageLexicon(p.knowledge));
    opts.onStart?.(cases.length + ds.languageId.length);

    const scores: CaseScore[] = [];
    let done = 0;
    for (const c of cases) {
      const tenant = p.tenants.resolve(c.tenant);
      if (!tenant) throw new Error(`${c.id}: unknown tenant ${c.tenant}`);
      const started = performance.now();
      if (done % 20 === 19) await nextTurn(); // a macrotask turn now and then (see run-blind.ts)
      const r = await p.chat.ask({ message: c.question, tenant: c.tenant, conversationId: c.conversation ? conversationIdOf(c.conversation) : undefined });
      scores.push(scoreCase(c, r, tenant.region, corpus, performance.now() - started));
      opts.onProgress?.(++done, c.id);
    }
    const languageId = scoreLanguageId(ds.languageId, detect);
    opts.onProgress?.(done + languageId.length, 'language-id');

    return {
      generatedAt: new Date().toISOString(), fast: !!opts.fast, knowledgeHash: p.knowledge.hash,
      counts: {
        core: ds.single.core.length, 'out-of-scope': ds.single['out-of-scope'].length, adversarial: ds.single.adversarial.length,
        'multi-turn': ds.multiTurn.length, 'multi-turn turns': cases.filter((c) => c.dataset === 'multi-turn').length,
        'language-id': ds.languageId.length, cards: p.knowledge.cards.length,
      },
      check,
      metrics: breakdowns(scores, languageId),
      fastMetrics: computeMetrics(scores.filter((s) => fastIds.has(s.id)), languageId.filter((l) => fastLangIds.has(l.id))),
      cases: scores,
      languageId,
    };
  }, opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {});
}
