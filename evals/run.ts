import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { EVAL_DIR, gateChecks, loadBaseline, loadThresholds, type Baseline } from './lib/gate';
import { runEval } from './lib/run-eval';
import { renderHtml } from './report/html';
import { summaryText } from './report/summary';

// npm run eval [-- --fast] [-- --baseline] [-- --suite blind|dev|crisis|language|integreat-qa] [-- --min-confidence 0.3 (measurement only)]
const args = process.argv.slice(2);
const suiteAt = args.indexOf('--suite');
const suite = suiteAt >= 0 ? args[suiteAt + 1] : 'gold';

async function main(): Promise<number> {
  if (suite === 'integreat-qa') {
    const { runIntegreat } = await import('./integreat/run-integreat');
    return runIntegreat(args);
  }
  if (suite === 'blind') {
    const { runBlindSuite } = await import('./blind-suite/run-blind-suite');
    return runBlindSuite();
  }
  if (suite === 'dev') {
    const { runDevSuite } = await import('./blind-suite/run-blind-suite');
    return runDevSuite(args);
  }
  if (suite === 'language') {
    const { runLanguageSuite } = await import('./language-suite/run-language-suite');
    return runLanguageSuite(args);
  }
  if (suite === 'crisis') {
    const { runCrisisSuite } = await import('./crisis-suite/run-crisis-suite');
    return runCrisisSuite(args);
  }
  if (suite !== 'gold') throw new Error(`Unknown suite "${suite}" (gold, blind, dev, crisis, language, integreat-qa)`);
  const fast = args.includes('--fast');
  const saveBaseline = args.includes('--baseline');
  if (fast && saveBaseline) throw new Error('--baseline needs a full run (it saves the fast figures too)');

  const bar = new cliProgress.SingleBar({ format: 'eval [{bar}] {value}/{total} {label}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  const mcAt = args.indexOf('--min-confidence');
  const minConfidence = mcAt >= 0 ? Number(args[mcAt + 1]) : undefined;
  const run = await runEval({
    fast, minConfidence,
    onStart: (total) => bar.start(total, 0, { label: '' }),
    onProgress: (done, label) => bar.update(done, { label }),
  });
  bar.stop();

  const reports = path.join(EVAL_DIR, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  if (saveBaseline) {
    const baseline: Baseline = {
      savedAt: run.generatedAt, knowledgeHash: run.knowledgeHash, overall: run.metrics.overall, byLanguage: run.metrics.byLanguage, fast: run.fastMetrics,
    };
    fs.writeFileSync(path.join(EVAL_DIR, 'baseline.json'), `${JSON.stringify(baseline, null, 1)}\n`);
    console.log('Saved evals/baseline.json');
  }
  const baseline = loadBaseline();
  const gate = gateChecks(run, loadThresholds(), baseline);
  const name = fast ? 'latest-fast' : 'latest';
  fs.writeFileSync(path.join(reports, `${name}.json`), JSON.stringify({ ...run, gate }, null, 1));
  fs.writeFileSync(path.join(reports, `${name}.html`), renderHtml(run, gate, baseline));
  console.log(summaryText(run, gate));
  console.log(`\nReports: evals/reports/${name}.json, evals/reports/${name}.html`);
  const failed = gate.filter((g) => !g.ok).length;
  console.log(`${gate.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
