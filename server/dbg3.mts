import { loadKnowledgeStrict } from './src/knowledge/load-knowledge';
import { createCrisisResponder } from './src/safety/crisis-answer';
const kb = loadKnowledgeStrict('/work/main/knowledge');
const r = createCrisisResponder({ routing: kb.crisis.routing!, answers: kb.crisis.answers, actors: kb.actors });
let worst = 0;
for (const lang of Object.keys(kb.crisis.answers)) for (const c of ['medical','poisoning','fire','violence','sexual-violence','child-danger','suicide','urgent-doctor'] as const) for (const region of ['flanders','brussels','wallonia','german-speaking'] as const) {
  const a = r.answer([c], region, lang as any);
  const pos = Math.max(...a.calls.slice(0, 3).map((x) => a.text.indexOf(x.number) + x.number.length));
  if (pos > worst) { worst = pos; console.log(lang, c, region, pos); }
}
console.log(r.answer(['poisoning'], 'flanders', 'en').text);
console.log(r.answer(['suicide'], 'brussels', 'ar').text);
