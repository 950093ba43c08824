import type { Card, CardText } from '../knowledge/knowledge-types';
import type { Language } from '../language/languages';

/** The text a card contributes to search in one language. */
export function cardSearchText(text: CardText): { title: string; questions: string; body: string } {
  return {
    title: text.title,
    questions: text.questions.join('\n'),
    body: [text.summary, ...text.steps, ...text.closing].join('\n'),
  };
}

export interface VectorDocSpec {
  text: string;
  cardId: string;
  lang: Language;
  kind: 'title' | 'question' | 'summary' | 'body';
}

/**
 * Several vectors per card and language: people's questions look like the example questions more than
 * like the body, so each example question gets its own vector and the best match counts.
 */
export function vectorDocs(card: Card): VectorDocSpec[] {
  const docs: VectorDocSpec[] = [];
  for (const [lang, text] of Object.entries(card.texts) as [Language, CardText][]) {
    docs.push({ text: text.title, cardId: card.id, lang, kind: 'title' });
    for (const q of text.questions) docs.push({ text: q, cardId: card.id, lang, kind: 'question' });
    docs.push({ text: `${text.title}\n${text.summary}`, cardId: card.id, lang, kind: 'summary' });
    docs.push({ text: [text.summary, ...text.steps].join('\n'), cardId: card.id, lang, kind: 'body' });
  }
  return docs;
}
