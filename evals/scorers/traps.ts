import { normalizeText } from '../../server/src/retrieval/text-normalize';

const fold = (s: string) => normalizeText(s).replace(/\s+/g, ' ');

/** Which of the expected phrases the answer contains (case- and accent-insensitive). */
export function includes(answer: string, phrases: readonly string[]): { found: string[]; missing: string[] } {
  const text = fold(answer);
  const found: string[] = [];
  const missing: string[] = [];
  for (const p of phrases) (text.includes(fold(p)) ? found : missing).push(p);
  return { found, missing };
}
