import fs from 'node:fs';
import path from 'node:path';
import { multiTurnCaseSchema, singleCaseSchema, type AskCase } from './schema';

// The blind test (issue 9): written before any model training by people who never saw the cards' example
// questions; its sha256 is in docs/evals.md. Nothing may be tuned on it: no weights, thresholds, examples
// or glossary entries derived from its failures. Only aggregate figures are ever printed.
export const BLIND_DIR = path.resolve(import.meta.dirname, '..', 'blind');

export function loadBlind(dir = BLIND_DIR): { cases: AskCase[]; errors: string[] } {
  const cases: AskCase[] = [];
  const errors: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    fs.readFileSync(path.join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let raw: { turns?: unknown };
      try {
        raw = JSON.parse(line);
      } catch (error) {
        errors.push(`${file}:${i + 1}: invalid JSON (${(error as Error).message})`);
        return;
      }
      if (raw.turns) {
        const parsed = multiTurnCaseSchema.safeParse(raw);
        if (!parsed.success) return errors.push(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        const c = parsed.data;
        c.turns.forEach((t, n) => cases.push({
          id: `${c.id}#${n + 1}`, dataset: 'blind', conversation: c.id, turn: n, tenant: c.tenant, question: t.question, lang: t.lang,
          facet: t.facet, region: t.region ?? c.region ?? null, expect: t.expect,
          tags: n ? [...new Set([...c.tags, 'follow-up'])] : c.tags.filter((x) => x !== 'follow-up'),
          parallelId: null, mustInclude: t.must_include, mustNotInclude: t.must_not_include,
        }));
      } else {
        const parsed = singleCaseSchema.safeParse(raw);
        if (!parsed.success) return errors.push(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        const c = parsed.data;
        cases.push({
          id: c.id, dataset: 'blind', conversation: null, turn: 0, tenant: c.tenant, question: c.question, lang: c.lang,
          region: c.region ?? null, expect: c.expect, tags: c.tags, parallelId: null, mustInclude: c.must_include, mustNotInclude: c.must_not_include,
        });
      }
    });
  }
  return { cases, errors };
}
