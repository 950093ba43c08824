import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  DATASETS, langIdCaseSchema, multiTurnCaseSchema, singleCaseSchema,
  type AskCase, type DatasetName, type LangIdCase, type MultiTurnCase, type SingleCase,
} from './schema';

export const DATASET_DIR = path.resolve(import.meta.dirname, '..', 'datasets');

export interface Datasets {
  single: Record<Exclude<DatasetName, 'multi-turn' | 'language-id' | 'blind'>, SingleCase[]>;
  multiTurn: MultiTurnCase[];
  languageId: LangIdCase[];
  /** Schema problems, as `file:line: message`. */
  errors: string[];
}

function readJsonl<T>(file: string, schema: z.ZodType<T>, errors: string[]): T[] {
  if (!fs.existsSync(file)) {
    errors.push(`${path.basename(file)}: missing`);
    return [];
  }
  const out: T[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      errors.push(`${path.basename(file)}:${i + 1}: invalid JSON (${(err as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else errors.push(...parsed.error.issues.map((is) => `${path.basename(file)}:${i + 1}: ${is.path.join('.') || '(case)'}: ${is.message}`));
  });
  return out;
}

export function loadDatasets(dir = DATASET_DIR): Datasets {
  const errors: string[] = [];
  const file = (name: DatasetName) => path.join(dir, `${name}.jsonl`);
  return {
    single: {
      core: readJsonl(file('core'), singleCaseSchema, errors),
      'out-of-scope': readJsonl(file('out-of-scope'), singleCaseSchema, errors),
      adversarial: readJsonl(file('adversarial'), singleCaseSchema, errors),
    },
    multiTurn: readJsonl(file('multi-turn'), multiTurnCaseSchema, errors),
    languageId: readJsonl(file('language-id'), langIdCaseSchema, errors),
    errors,
  };
}

/** Every question to ask through the pipeline, conversations unrolled into their turns. */
export function askCases(ds: Datasets): AskCase[] {
  const out: AskCase[] = [];
  for (const name of ['core', 'out-of-scope', 'adversarial'] as const) {
    for (const c of ds.single[name]) {
      out.push({
        id: c.id, dataset: name, conversation: null, turn: 0, tenant: c.tenant, question: c.question, lang: c.lang,
        region: c.region ?? null, expect: c.expect, tags: c.tags, parallelId: c.parallel_id ?? null,
        mustInclude: c.must_include, mustNotInclude: c.must_not_include,
      });
    }
  }
  for (const c of ds.multiTurn) {
    c.turns.forEach((t, i) => out.push({
      id: `${c.id}#${i + 1}`, dataset: 'multi-turn', conversation: c.id, turn: i, tenant: c.tenant, question: t.question, lang: t.lang,
      region: t.region ?? c.region ?? null, expect: t.expect, tags: i ? [...c.tags, 'follow-up'] : c.tags.filter((x) => x !== 'follow-up'),
      parallelId: c.parallel_id ? `${c.parallel_id}#${i + 1}` : null, mustInclude: t.must_include, mustNotInclude: t.must_not_include,
    }));
  }
  return out;
}

/** Deterministic subset: `perLang` cases per language in each dataset, spread evenly over the file (whole conversations). */
export function fastSubset(ds: Datasets, perLang = 2): Datasets {
  const pick = <T extends { lang: string }>(list: T[]): T[] => {
    const byLang = new Map<string, T[]>();
    for (const c of list) byLang.set(c.lang, [...(byLang.get(c.lang) ?? []), c]);
    const chosen = new Set<T>();
    for (const group of byLang.values()) {
      for (let i = 0; i < Math.min(perLang, group.length); i++) chosen.add(group[Math.floor((i * group.length) / perLang)]);
    }
    return list.filter((c) => chosen.has(c));
  };
  return {
    single: { core: pick(ds.single.core), 'out-of-scope': pick(ds.single['out-of-scope']), adversarial: pick(ds.single.adversarial) },
    multiTurn: pick(ds.multiTurn),
    languageId: pick(ds.languageId),
    errors: ds.errors,
  };
}

export { DATASETS };
