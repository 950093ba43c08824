import crypto from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { OUT_OF_SCOPE } from '../knowledge/load-training';
import { tokenize } from '../retrieval/text-normalize';

export { OUT_OF_SCOPE };

// The question model's data (issue 9): knowledge/training/<lang>/<card-id>.txt — one question per line,
// written per language in a newcomer's register — plus each card's title and example questions, plus
// knowledge/training/<lang>/out-of-scope.txt for the "not ours to answer" class.
export interface TrainingLine {
  label: string;
  lang: string;
  text: string;
  source: 'training' | 'example' | 'title';
  /** Held out from the model: the fusion and thresholds are learned on these. */
  dev: boolean;
}

/** The text as the model sees it: folded and tokenised exactly like the search index. */
export function modelText(text: string): string {
  return tokenize(text).join(' ');
}

// A fixed, content-based split: the same line is always on the same side, whoever adds lines elsewhere.
const DEV_SHARE = 0.12;
export function isDev(label: string, lang: string, text: string): boolean {
  const h = crypto.createHash('sha1').update(`${label}\u0000${lang}\u0000${text}`).digest();
  return h.readUInt32BE(0) / 0xffffffff < DEV_SHARE;
}

export function loadTrainingCorpus(kb: Pick<KnowledgeBase, 'cards' | 'training'>): TrainingLine[] {
  const lines: TrainingLine[] = [];
  const add = (label: string, lang: string, raw: string, source: TrainingLine['source']) => {
    const text = modelText(raw);
    if (text) lines.push({ label, lang, text, source, dev: source === 'training' && isDev(label, lang, text) });
  };
  for (const l of kb.training.lines) add(l.label, l.lang, l.text, 'training');
  for (const card of kb.cards) {
    for (const [lang, t] of Object.entries(card.texts)) {
      add(card.id, lang, t!.title, 'title');
      for (const q of t!.questions) add(card.id, lang, q, 'example');
    }
  }
  // The same line under two labels teaches nothing but confusion; keep the first.
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.lang}|${l.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
