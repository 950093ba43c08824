import { loadKnowledgeStrict } from './src/knowledge/load-knowledge';
import { createCrisisMatcher } from './src/safety/crisis-matcher';
import { ordinaryWords } from './src/safety/ordinary-words';
import { trainCrisisModel } from './src/safety/train-crisis-model';
const kb = loadKnowledgeStrict('/work/main/knowledge');
const m = createCrisisMatcher(kb.crisis.vocabularies, { ordinaryWords: ordinaryWords(kb) });
const t = await trainCrisisModel(kb, m);
console.log(JSON.stringify(t?.meta.report));
