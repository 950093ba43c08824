import { withoutActorList } from '../../server/src/answer/actor-list';
import type { ChatResult } from '../../server/src/chat/create-chat-service';
import type { Region } from '../../server/src/knowledge/schemas';
import type { AskCase } from '../lib/schema';
import { actorRecall, actorsNotNamed, actorsOutOfRegion, missingActor } from './actors';
import { inventedContacts } from './contacts';
import type { KnowledgeCorpus } from './corpus';
import { ungroundedParts } from './grounding';
import { firstRank } from './retrieval';
import { includes } from './traps';

export interface CaseScore {
  id: string;
  dataset: AskCase['dataset'];
  lang: string;
  topic: string;
  region: Region;
  tags: string[];
  parallelId: string | null;
  question: string;
  tenant: string;
  expectAnswered: boolean;
  answered: boolean;
  topicOk: boolean | null;
  /** 1-based rank of the first acceptable card in trace.cardIds, 0 = missing; null when not applicable. */
  rank: number | null;
  languageOk: boolean;
  badActors: string[];
  actorsShown: number;
  actorRecall: number | null;
  /** Actors shown that none of the cited cards names (issue 10: nothing irrelevant). */
  unnamedActors: string[];
  ungrounded: string[] | null;
  invented: string[];
  mustIncludeMissing: string[];
  mustIncludeTotal: number;
  mustNotHits: string[];
  mustNotTotal: number;
  latencyMs: number;
  /** Characters of the short answer without its organisation list (shown as cards); details behind "more" are not counted. */
  answerChars: number;
  /** A first answer from a card (not a follow-up, crisis or "I don't know"): the median-length population. */
  firstAnswer: boolean;
  got: { language: string; topic: string | null; cardIds: string[]; mode: string; confidence: number; answer: string; actors: string[] };
  pass: boolean;
  failures: string[];
}

/** How much of the answer must hold the facts a case asks for (issue 10: ≈ one phone screen). */
export const FIRST_SCREEN_CHARS = 500;

/** Scores one answer against its case. Everything here is deterministic and offline. */
export function scoreCase(c: AskCase, r: ChatResult, tenantRegion: Region, corpus: KnowledgeCorpus, latencyMs: number): CaseScore {
  const e = c.expect;
  const region = c.region ?? tenantRegion;
  const topicOk = e.answered ? r.answered && r.topic !== null && e.topics.includes(r.topic) : null;
  const rank = e.answered && e.cards.length ? firstRank(r.trace.cardIds, e.cards) : null;
  // Actors must serve the tenant's region, or the region the question names (federal actors are fine everywhere).
  const allowed = e.actorRegions.length ? e.actorRegions : [region];
  const badActors = actorsOutOfRegion(r.actors, allowed, corpus.alsoRegions);
  const cited = [...new Set(r.sources.map((s) => s.id.split('#')[0]))];
  const ungrounded = r.trace.mode === 'llm' ? null : ungroundedParts({ answer: r.answer, cardIds: cited, actors: r.actors }, corpus);
  const invented = inventedContacts(r.answer, corpus);
  // Facts must be on the first screen, not behind "more" (issue 10): the first 500 characters of the text,
  // with the organisations beside it as the widget shows them (cards, not part of the text's length).
  const text = withoutActorList(r.answer, r.actors);
  const firstScreen = `${text.slice(0, FIRST_SCREEN_CHARS)}\n${r.actors.map((a) => a.name).join('\n')}`;
  const inc = includes(firstScreen, c.mustInclude);
  const fromCard = r.trace.mode === 'extractive' || r.trace.mode === 'llm';
  const unnamed = fromCard ? actorsNotNamed(r.actors, cited, corpus) : [];
  const not = includes(r.answer, c.mustNotInclude);
  const failures: string[] = [];
  if (r.answered !== e.answered) failures.push(e.answered ? 'abstained' : 'answered out of scope');
  if (topicOk === false && r.answered) failures.push(`topic ${r.topic} ∉ [${e.topics.join(', ')}]`);
  if (rank !== null && (rank === 0 || rank > 3)) failures.push(rank ? `card rank ${rank}` : 'card not retrieved');
  if (r.language !== e.language) failures.push(`answered in ${r.language}, expected ${e.language}`);
  if (badActors.length) failures.push(`actors outside region: ${badActors.join(', ')}`);
  const recall = actorRecall(r.actors, e.actors, corpus.localOffices);
  if (recall !== null && recall < 1) failures.push(`missing actors: ${e.actors.filter((a) => missingActor(r.actors, a, corpus.localOffices)).join(', ')}`);
  if (ungrounded?.length) failures.push(`ungrounded: ${ungrounded[0].slice(0, 80)}`);
  if (unnamed.length) failures.push(`organisations the card does not name: ${unnamed.join(', ')}`);
  if (invented.length) failures.push(`invented contacts: ${invented.join(', ')}`);
  if (inc.missing.length) failures.push(`missing phrases: ${inc.missing.join(', ')}`);
  if (not.found.length) failures.push(`trap phrases: ${not.found.join(', ')}`);
  return {
    id: c.id, dataset: c.dataset, lang: c.lang, topic: e.answered ? e.topics[0] : 'out-of-scope', region, tags: c.tags,
    parallelId: c.parallelId, question: c.question, tenant: c.tenant,
    expectAnswered: e.answered, answered: r.answered, topicOk, rank, languageOk: r.language === e.language,
    badActors, actorsShown: r.actors.length, actorRecall: recall, unnamedActors: unnamed, ungrounded, invented,
    mustIncludeMissing: inc.missing, mustIncludeTotal: c.mustInclude.length, mustNotHits: not.found, mustNotTotal: c.mustNotInclude.length,
    latencyMs, answerChars: text.length, firstAnswer: c.turn === 0 && fromCard,
    got: { language: r.language, topic: r.topic, cardIds: r.trace.cardIds, mode: r.trace.mode, confidence: r.trace.confidence, answer: r.answer, actors: r.actors.map((a) => a.id) },
    pass: failures.length === 0, failures,
  };
}
