import fs from 'node:fs';
import path from 'node:path';
import { placeNames } from '../../server/src/chat/wire-chat-service';
import { loadKnowledgeStrict } from '../../server/src/knowledge/load-knowledge';
import { createLanguageDetector } from '../../server/src/language/detect-language';
import { LanguageLexicon } from '../../server/src/language/language-lexicon';
import { isSupportedLanguage } from '../../server/src/language/languages';
import { loadLid176 } from '../../server/src/language/lid';
import { ROOT } from '../lib/eval-pipeline';

// Development sets for language identification (evals/language-dev, written by a helper who saw no code,
// eval or training line): short messages in our 15 languages, and messages in 39 languages we do not serve.
// Tuned on, so they are no blind measure; the floors below keep what was reached from slipping.
export const LANGUAGE_DEV_FLOORS = { short: 0.95, unsupported: 0.88 };

export interface LanguageDevRun {
  short: { n: number; right: number; rate: number };
  unsupported: { n: number; right: number; rate: number };
  /** Per language: [messages, recognised right]. */
  byLanguage: Record<string, [number, number]>;
  failures: string[];
}

export async function runLanguageDev(): Promise<LanguageDevRun> {
  const kb = loadKnowledgeStrict(path.join(ROOT, 'knowledge'));
  const detect = createLanguageDetector(new LanguageLexicon(kb), { lid: await loadLid176(), placeNames: placeNames(kb) });
  const dir = path.join(ROOT, 'evals', 'language-dev');
  const tally = { short: { n: 0, right: 0, rate: 0 }, unsupported: { n: 0, right: 0, rate: 0 } };
  const byLanguage: Record<string, [number, number]> = {};
  const failures: string[] = [];
  for (const set of ['short', 'unsupported'] as const) {
    const lines = fs.readFileSync(path.join(dir, `${set}.jsonl`), 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, i) => {
      const { text, lang } = JSON.parse(line) as { text: string; lang: string };
      // Half the messages on a Flemish page, half on a Walloon one: the fallback must not decide.
      const d = detect({ text, fallback: i % 2 ? 'fr' : 'nl' });
      const ok = isSupportedLanguage(lang) ? d.language === lang && !d.unsupported : d.unsupported !== null;
      tally[set].n++;
      byLanguage[lang] ??= [0, 0];
      byLanguage[lang][0]++;
      if (ok) {
        tally[set].right++;
        byLanguage[lang][1]++;
      } else failures.push(`${set}\t${lang}\tgot ${d.unsupported ? `unsupported ${d.unsupported}` : d.language}\t${text}`);
    });
    tally[set].rate = tally[set].right / tally[set].n;
  }
  return { ...tally, byLanguage, failures };
}

/** `npm run eval -- --suite language [--failures]`. */
export async function runLanguageSuite(args: string[]): Promise<number> {
  const run = await runLanguageDev();
  console.log(`Short messages in our languages: ${run.short.right}/${run.short.n} (${(run.short.rate * 100).toFixed(1)} %) answered in their language.`);
  console.log(`Messages in languages we do not serve: ${run.unsupported.right}/${run.unsupported.n} (${(run.unsupported.rate * 100).toFixed(1)} %) recognised as such.`);
  const weak = Object.entries(run.byLanguage).filter(([, [n, r]]) => r < n).map(([l, [n, r]]) => `${l} ${r}/${n}`);
  console.log(`Not all right: ${weak.join(', ')}`);
  if (args.includes('--failures')) console.log(run.failures.join('\n'));
  const ok = run.short.rate >= LANGUAGE_DEV_FLOORS.short && run.unsupported.rate >= LANGUAGE_DEV_FLOORS.unsupported;
  console.log(ok ? 'language floors passed' : 'language floors FAILED');
  return ok ? 0 : 1;
}
