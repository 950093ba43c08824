import { loadKnowledgeStrict } from '../server/src/knowledge/load-knowledge';
import type { KnowledgeBase } from '../server/src/knowledge/knowledge-types';
import { SUPPORTED_LANGUAGES } from '../server/src/language/languages';
import { askCases, loadDatasets, type Datasets } from './lib/load-datasets';
import { nearCopies } from './lib/similarity';

export const MINIMUMS = { core: 450, corePerLanguage: 20, 'out-of-scope': 60, adversarial: 40, 'multi-turn': 30, 'language-id': 300 } as const;

export interface DatasetCheck {
  errors: string[];
  warnings: string[];
}

/**
 * Structural checks of the gold sets: schema (zod), unique ids, every card/actor/tenant id exists, expected
 * cards apply where the case is asked, minimum sizes, and no case copies a card's example question.
 */
export function checkDatasets(ds: Datasets, kb: KnowledgeBase): DatasetCheck {
  const errors = [...ds.errors];
  const warnings: string[] = [];
  const cards = new Map(kb.cards.map((c) => [c.id, c]));
  const actors = new Set(kb.actors.map((a) => a.id));
  const tenants = new Map(kb.tenants.map((t) => [t.slug, t]));
  const examples = kb.cards.flatMap((c) => Object.values(c.texts).flatMap((t) => (t ? t.questions.map((q) => ({ text: q, from: `${c.id}/${t.lang}` })) : [])));

  const ids = new Set<string>();
  const all = [...ds.single.core, ...ds.single['out-of-scope'], ...ds.single.adversarial, ...ds.multiTurn];
  for (const c of [...all, ...ds.languageId]) {
    if (ids.has(c.id)) errors.push(`${c.id}: duplicate id`);
    ids.add(c.id);
  }
  for (const c of all) if (!tenants.has(c.tenant)) errors.push(`${c.id}: unknown tenant "${c.tenant}"`);

  for (const c of askCases(ds)) {
    const tenant = tenants.get(c.tenant);
    const region = c.region ?? tenant?.region;
    for (const id of c.expect.actors) if (!actors.has(id)) errors.push(`${c.id}: unknown actor "${id}"`);
    for (const id of c.expect.cards) {
      const card = cards.get(id);
      if (!card) {
        errors.push(`${c.id}: unknown card "${id}"`);
        continue;
      }
      if (!c.expect.topics.includes(card.topic)) errors.push(`${c.id}: card ${id} has topic ${card.topic}, not in expect.topics`);
      if (region && !card.regions.includes('all') && !card.regions.includes(region)) errors.push(`${c.id}: card ${id} does not apply in ${region}`);
    }
    if (c.expect.answered && !c.expect.cards.length) warnings.push(`${c.id}: answered case lists no acceptable card`);
    for (const copy of nearCopies(c.question, examples)) {
      errors.push(`${c.id}: question copies the example question of ${copy.from} ("${copy.text}", similarity ${copy.score.toFixed(2)})`);
    }
  }

  const count = (n: number, min: number, what: string) => n < min && errors.push(`${what}: ${n} cases, at least ${min} needed`);
  count(ds.single.core.length, MINIMUMS.core, 'core');
  count(ds.single['out-of-scope'].length, MINIMUMS['out-of-scope'], 'out-of-scope');
  count(ds.single.adversarial.length, MINIMUMS.adversarial, 'adversarial');
  count(ds.multiTurn.length, MINIMUMS['multi-turn'], 'multi-turn');
  count(ds.languageId.length, MINIMUMS['language-id'], 'language-id');
  for (const lang of SUPPORTED_LANGUAGES) {
    count(ds.single.core.filter((c) => c.lang === lang).length, MINIMUMS.corePerLanguage, `core/${lang}`);
    if (!ds.languageId.some((c) => c.lang === lang)) errors.push(`language-id/${lang}: no cases`);
  }

  // Coverage: every topic × region for which a card exists should have at least one core case.
  const covered = new Set(ds.single.core.flatMap((c) => c.expect.topics.map((t) => `${t}|${c.region ?? tenants.get(c.tenant)?.region}`)));
  for (const card of kb.cards) {
    const regions = card.regions.includes('all') ? ['flanders', 'brussels', 'wallonia', 'german-speaking'] : card.regions;
    for (const r of regions) if (!covered.has(`${card.topic}|${r}`)) warnings.push(`coverage: no core case for ${card.topic} × ${r} (card ${card.id})`);
  }
  const uncited = kb.cards.filter((card) => !all.some((c) => ('expect' in c ? c.expect.cards : c.turns.flatMap((t) => t.expect.cards)).includes(card.id)));
  for (const card of uncited) warnings.push(`coverage: card ${card.id} is no case's expected card`);
  return { errors, warnings: [...new Set(warnings)] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = loadKnowledgeStrict('knowledge');
  const result = checkDatasets(loadDatasets(), kb);
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  for (const e of result.errors) console.error(`error: ${e}`);
  console.log(`${result.errors.length} errors, ${result.warnings.length} warnings`);
  process.exit(result.errors.length ? 1 : 0);
}
