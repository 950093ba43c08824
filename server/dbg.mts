import { loadKnowledgeStrict } from './src/knowledge/load-knowledge';
import { createCrisisMatcher } from './src/safety/crisis-matcher';
import { ordinaryWords } from './src/safety/ordinary-words';
import { loadCrisisCases } from '../evals/lib/crisis-data';
const kb = loadKnowledgeStrict('/work/main/knowledge');
const m = createCrisisMatcher(kb.crisis.vocabularies, { ordinaryWords: ordinaryWords(kb) });
const m0 = createCrisisMatcher(kb.crisis.vocabularies);
const { cases } = loadCrisisCases();
const ids = new Set(process.argv.slice(2));
for (const c of cases.filter((c) => !c.holdout && (ids.size ? ids.has(c.id) : true))) {
  const d = m.detect(c.message); const d0 = m0.detect(c.message);
  if (ids.size || (!!d !== !!c.category)) console.log(c.id, c.category, '|', c.message.slice(0, 90), '→', d ? d.matches.slice(0, 3).map((x) => `${x.language}:${x.pattern}`).join(', ') : 'none', d0 && !d ? '(found without ordinary filter)' : '');
}
