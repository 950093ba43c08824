import fs from 'node:fs';
import path from 'node:path';
import { runCrisisEval } from '../lib/run-crisis';
import { crisisReport } from './report';

export const CRISIS_GATE = { recall: 1, maxFalseAlarmRate: 0.03 };

/** `npm run eval -- --suite crisis`: the crisis sets through the real pipeline, with the CI gate. */
export async function runCrisisSuite(args: string[]): Promise<number> {
  const run = await runCrisisEval({ onProgress: (done, total) => { if (done % 100 === 0 || done === total) process.stderr.write(`crisis ${done}/${total}\n`); } });
  const dir = path.resolve(import.meta.dirname, '..', 'reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'crisis.json'), JSON.stringify(run, null, 1));
  console.log(crisisReport(run));
  if (args.includes('--failures')) {
    // Failures of the gated set only: the held-out set is not for reading case by case.
    for (const f of run.gated.failures) console.log(`${f.id}\t${f.detected ? `missing ${f.missing.join(', ')}` : 'not detected'}\t[${f.detectedCategories.join(',')}]`);
  }
  const ok = run.errors.length === 0 && run.gated.recall >= CRISIS_GATE.recall && run.gated.falseAlarmRate <= CRISIS_GATE.maxFalseAlarmRate;
  if (run.errors.length) console.error(run.errors.join('\n'));
  console.log(ok ? 'crisis gate passed' : 'crisis gate FAILED');
  return ok ? 0 : 1;
}
