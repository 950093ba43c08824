import path from 'node:path';
import { createPipeline } from '../../server/src/pipeline';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type EvalPipeline = Awaited<ReturnType<typeof createPipeline>>;

/**
 * The real pipeline over the shipped knowledge, as the evals use it: offline, no rate limit, its index and
 * models cached in data/eval (built on first use). One pipeline can serve several suites in a row.
 */
export function openEvalPipeline(overrides: { minConfidence?: number } = {}): Promise<EvalPipeline> {
  return createPipeline({
    dataDir: path.join(ROOT, 'data', 'eval'), knowledgeDir: path.join(ROOT, 'knowledge'), promptsDir: path.join(ROOT, 'prompts'),
    logLevel: 'silent', rateLimitPerMinute: 0, llmProvider: 'none', ...overrides,
  });
}

/** Runs `fn` on the given pipeline, or on one opened (and closed) for the occasion. */
export async function withPipeline<T>(given: EvalPipeline | undefined, fn: (p: EvalPipeline) => Promise<T>, overrides = {}): Promise<T> {
  if (given) return fn(given);
  const p = await openEvalPipeline(overrides);
  try {
    return await fn(p);
  } finally {
    p.close();
  }
}
