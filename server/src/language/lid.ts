import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadClassifier } from '../question-model/fasttext';

// fastText's lid.176 (176 languages), shipped inside the fasttext.wasm.js package: it recognises the
// languages we do not answer in (Italian, Portuguese, Bulgarian, Hindi, Chinese…), so that they are not
// mistaken for a supported one. It has no Tigrinya and is weak on short Somali and on Turkish without its
// letters: the script rules and our own word model decide those.
export interface LanguageIdentifier {
  /** ISO 639-1 (or the model's own code) with probability, best first. */
  identify(text: string, k?: number): { lang: string; p: number }[];
}

export async function loadLid176(): Promise<LanguageIdentifier> {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve('fasttext.wasm.js/package.json'));
  const model = await loadClassifier(pathToFileURL(path.join(pkg, 'dist/models/language-identification/assets/lid.176.ftz')).href);
  return {
    identify(text: string, k = 3) {
      return model.predict(text.replace(/\s+/g, ' ').trim(), k).map((r) => ({ lang: r.label, p: r.p }));
    },
  };
}
