import fs from 'node:fs';
import path from 'node:path';
import { openEvalPipeline } from '../lib/eval-pipeline';
import { BLIND_TARGETS, blindGate, runBlind } from '../lib/run-blind';
import { blindSummary } from './report';

const DEV_DIR = path.resolve(import.meta.dirname, '..', 'dev');

/** `npm run eval -- --suite blind`: the blind test through today's pipeline, with its CI gates. */
export async function runBlindSuite(): Promise<number> {
  const p = await openEvalPipeline();
  try {
    const run = await runBlind(p, { onProgress: (d, t) => { if (d % 250 === 0 || d === t) process.stderr.write(`blind ${d}/${t}\n`); } });
    const dir = path.resolve(import.meta.dirname, '..', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    // The per-case file stays in the ignored reports folder; it is for the final review, not for tuning.
    fs.writeFileSync(path.join(dir, 'blind.json'), JSON.stringify(run, null, 1));
    console.log(blindSummary(run));
    const gate = blindGate(run);
    for (const g of gate) console.log(`${g.ok ? 'ok  ' : 'FAIL'} ${g.name}: ${g.value.toFixed(3)}`);
    console.log('\nIssue 9 targets:');
    for (const g of blindGate(run, BLIND_TARGETS)) console.log(`${g.ok ? 'met    ' : 'not met'} ${g.name}: ${g.value.toFixed(3)}`);
    if (run.errors.length) console.error(run.errors.join('\n'));
    return gate.every((g) => g.ok) && !run.errors.length ? 0 : 1;
  } finally {
    p.close();
  }
}

/**
 * `npm run eval -- --suite dev`: the development conversations and short messages (evals/dev/, written for
 * tuning the follow-up and language logic) through the same scorer, with no gates. Unlike the blind set,
 * its cases may be read one by one: `--failures` lists them.
 */
export async function runDevSuite(args: string[]): Promise<number> {
  const p = await openEvalPipeline();
  try {
    const run = await runBlind(p, { dir: DEV_DIR });
    const dir = path.resolve(import.meta.dirname, '..', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'dev.json'), JSON.stringify(run, null, 1));
    console.log(blindSummary(run).replace(/^Blind test/, 'Dev set'));
    if (args.includes('--failures')) for (const s of run.scores.filter((x) => x.failures.length)) console.log(`${s.id} [${s.lang}] ${s.question.slice(0, 90)} → ${s.failures.join('; ')}`);
    if (run.errors.length) console.error(run.errors.join('\n'));
    return run.errors.length ? 1 : 0;
  } finally {
    p.close();
  }
}
