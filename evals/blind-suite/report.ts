import type { BlindRun, GroupFigures } from '../lib/run-blind';

const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

function table(title: string, groups: Record<string, GroupFigures>): string[] {
  return [
    `| ${title} | n | fully right | topic | hit@1 | abstention F1 | language |`, '|---|---|---|---|---|---|---|',
    ...Object.entries(groups).map(([k, g]) => `| ${k} | ${g.n} | ${f(g.fullyRight)} | ${f(g.topic)} | ${f(g.hit1)} | ${f(g.abstentionF1)} | ${f(g.language)} |`),
  ];
}

/** Aggregates only: the blind set is never read case by case while the product is being improved. */
export function blindSummary(run: BlindRun): string {
  const o = run.overall;
  return [
    `Blind test: ${run.cases} questions. Fully right ${f(run.fullyRight)}; topic ${f(o.topicAccuracy.value)}, hit@1 ${f(o.hit1.value)}, hit@3 ${f(o.hit3.value)}, ` +
      `abstention F1 ${f(o.abstentionF1.value)} (P ${f(o.abstentionPrecision.value)}, R ${f(o.abstentionRecall.value)}), answer language ${f(o.answerLanguage.value)}, ` +
      `must-include ${f(o.mustIncludeCoverage.value)}, median first answer ${run.medianFirstAnswerChars ?? 'n/a'} chars.`,
    '', ...table('language', run.byLanguage), '', ...table('tag', run.byTag),
  ].join('\n');
}
