import type { KnowledgeBase } from '../knowledge/knowledge-types';
import { crisisWords } from './crisis-text';

// Topics whose texts talk about danger: their words are exactly the ones a crisis vocabulary must be able
// to reach with a typo's tolerance, so they are not counted as ordinary.
const DANGER_TOPICS = new Set(['emergency']);

/** Every word the cards and the glossary use outside emergencies, in all languages. */
export function ordinaryWords(kb: Pick<KnowledgeBase, 'cards' | 'glossary'>): Set<string> {
  const words = new Set<string>();
  for (const card of kb.cards) {
    if (DANGER_TOPICS.has(card.topic) || card.id.startsWith('health-mental')) continue;
    for (const t of Object.values(card.texts)) for (const w of crisisWords(`${t!.title} ${t!.body} ${t!.questions.join(' ')}`)) words.add(w);
  }
  for (const concept of kb.glossary) {
    if (concept.topic === 'emergency') continue;
    for (const terms of Object.values(concept.terms)) for (const w of crisisWords((terms ?? []).join(' '))) words.add(w);
  }
  return words;
}
