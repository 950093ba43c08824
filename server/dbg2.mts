import { loadKnowledgeStrict } from './src/knowledge/load-knowledge';
import { trainClassifier } from './src/question-model/fasttext';
import { isDev, modelText } from './src/question-model/training-corpus';
import { augment } from './src/question-model/augment';
const kb = loadKnowledgeStrict('/work/main/knowledge');
const lines = kb.training.lines.map((l) => ({ label: l.lang, lang: l.lang, text: modelText(l.text), source: 'training' as const, dev: isDev(l.label, l.lang, modelText(l.text)) }));
const facets = kb.training.facets.map((f) => ({ label: f.lang, lang: f.lang, text: modelText(f.text), source: 'training' as const, dev: f.index % 5 === 4 }));
const cardLines = kb.cards.flatMap((c) => Object.values(c.texts).flatMap((t) => [t!.title, ...t!.questions, t!.summary, ...t!.steps].map((x) => ({ label: t!.lang, lang: t!.lang, text: modelText(x), source: 'example' as const, dev: false }))));
const all = [...lines, ...facets, ...cardLines].filter((l) => l.text);
for (const params of JSON.parse(process.env.P ?? '[{"epoch":5,"lr":0.5,"dim":16,"wordNgrams":1,"minn":2,"maxn":5,"bucket":50000,"minCount":1,"seed":3}]')) {
  const t0 = performance.now();
  const { classifier } = await trainClassifier(augment(all, kb.glossary, 5), params);
  const ms = performance.now() - t0;
  const dev = all.filter((l) => l.dev);
  const buckets = new Map<string, [number, number]>();
  for (const l of dev) {
    const n = l.text.split(' ').length;
    const b = n <= 2 ? '1-2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : '9+';
    const ok = classifier.predict(l.text, 1)[0].label === l.lang;
    const x = buckets.get(b) ?? [0, 0]; x[0] += ok ? 1 : 0; x[1]++; buckets.set(b, x);
  }
  console.log(JSON.stringify(params), ms.toFixed(0), [...buckets].map(([b, [ok, n]]) => `${b}: ${(ok / n).toFixed(3)}`).join('  '));
}
