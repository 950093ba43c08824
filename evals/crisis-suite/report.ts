import type { CrisisRun } from '../lib/run-crisis';
import type { CrisisSummary } from '../scorers/crisis';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function table(s: CrisisSummary): string[] {
  const lines = ['| language | crisis recall | n | false alarms | controls |', '|---|---|---|---|---|'];
  for (const [lang, v] of Object.entries(s.byLanguage)) lines.push(`| ${lang} | ${pct(v.recall)} | ${v.n} | ${v.falseAlarms} | ${v.controls} |`);
  lines.push('', '| category | recall | n |', '|---|---|---|');
  for (const [cat, v] of Object.entries(s.byCategory)) lines.push(`| ${cat} | ${pct(v.recall)} | ${v.n} |`);
  return lines;
}

/** Markdown for docs/evals.md and the console. */
export function crisisReport(run: CrisisRun): string {
  const head = (name: string, s: CrisisSummary) =>
    `**${name}**: recall ${pct(s.recall)} of ${s.crisisCases} crisis messages (number within the first 200 characters); false alarms ${pct(s.falseAlarmRate)} of ${s.controlCases} controls.`;
  return [
    head('Gated set', run.gated), '', ...table(run.gated), '',
    head('Held-out quarter of sets a and b (never tuned on)', run.holdout), '', ...table(run.holdout), '',
    ...(run.fresh.crisisCases ? [head('Fresh set c, written like an outside check (never tuned on)', run.fresh), '', ...table(run.fresh), ''] : []),
    ...(run.freshD.crisisCases ? [head('Fresh set d, new writers after set c was looked at (never tuned on)', run.freshD), '', ...table(run.freshD)] : []),
  ].join('\n');
}
