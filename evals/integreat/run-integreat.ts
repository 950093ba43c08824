import fs from 'node:fs';
import path from 'node:path';
import { textTable } from '../report/format';
import { openCorpus, evaluatePair, type Corpus, type PairResult } from './bench';
import { available, INTEGREAT_DIR, type IntegreatLang, type Split } from './data';

const SAME: IntegreatLang[] = ['de', 'en', 'fr', 'ar', 'uk'];
const CROSS: [IntegreatLang, IntegreatLang][] = [['ar', 'de'], ['uk', 'en'], ['fr', 'de']];
export const ATTRIBUTION = 'Integreat QA / OMoS-QA (Tür an Tür – Digitalfabrik gGmbH, KONVENS 2024), CC-BY-4.0.';

/** `npm run eval -- --suite integreat-qa [--split dev|test] [--passages N]`: the retrieval core on an external benchmark. */
export async function runIntegreat(args: string[]): Promise<number> {
  if (!available()) {
    console.error(`integreat-qa not found in ${INTEGREAT_DIR} (set INTEGREAT_DIR)`);
    return 2;
  }
  const splitAt = args.indexOf('--split');
  const split = (splitAt >= 0 ? args[splitAt + 1] : 'test') as Split;
  const pAt = args.indexOf('--passages');
  const passages = pAt >= 0 ? Number(args[pAt + 1]) : DEFAULT_PASSAGE_LINES;
  const corpora = new Map<IntegreatLang, Corpus>();
  const corpus = async (l: IntegreatLang) => {
    if (!corpora.has(l)) corpora.set(l, await openCorpus(l, passages));
    return corpora.get(l)!;
  };
  const results: PairResult[] = [];
  for (const scoped of [false, true]) {
    for (const l of SAME) results.push(await evaluatePair(await corpus(l), l, split, scoped));
    for (const [q, c] of CROSS) results.push(await evaluatePair(await corpus(c), q, split, scoped));
  }
  for (const c of corpora.values()) c.index.close();
  const rows = results.map((r) => [`${r.query} → ${r.corpus}`, r.scoped ? 'city' : 'all', String(r.n), r.r1.toFixed(3), r.r5.toFixed(3), r.mrr10.toFixed(3)]);
  console.log(`integreat-qa, split ${split}, passage window ${passages} lines — ${ATTRIBUTION}\n`);
  console.log(textTable(['query → corpus', 'scope', 'n', 'R@1', 'R@5', 'MRR@10'], rows));
  const out = path.resolve(import.meta.dirname, '..', 'reports', `integreat-${split}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ generatedAt: new Date().toISOString(), split, passages, attribution: ATTRIBUTION, results }, null, 1));
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
  return 0;
}

/** Tuned on dev (see docs/evals.md). */
export const DEFAULT_PASSAGE_LINES = 0;
