import type { ActorRef } from '../../server/src/chat/protocol';
import type { Actor } from '../../server/src/knowledge/schemas';
import { cardUnits, type KnowledgeCorpus } from './corpus';

export interface GroundingInput {
  answer: string;
  /** Card ids the answer cites (response.sources ids are `<card-id>#n`). */
  cardIds: string[];
  /** Actors listed with the answer. */
  actors: Pick<ActorRef, 'id'>[];
}

const SENTENCE_SPLIT = /(?<=[.!?؟።:;])\s+/u;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
// Emphasis markers are presentation, not content: the composer may drop the card's *italics* (plainItalics).
const plain = (s: string) => squash(s.replace(/\*+/g, ''));

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function isActorContact(part: string, actor: Actor): boolean {
  if (actor.website && part === `[${hostOf(actor.website)}](${actor.website})`) return true;
  const hours = typeof actor.hours === 'string' ? [actor.hours] : Object.values(actor.hours ?? {});
  return part === actor.phone || part === actor.email || hours.includes(part);
}

/** `**Name** — what they do · [host](url) · phone · email · hours` for a listed actor, with its own data only. */
function isActorLine(line: string, corpus: KnowledgeCorpus, listed: Set<string>): boolean {
  const m = /^\*\*(.+?)\*\*(.*)$/.exec(line);
  if (!m) return false;
  return (corpus.actorByName.get(m[1]) ?? []).some((a) => {
    if (!listed.has(a.id)) return false;
    let rest = m[2];
    if (rest.startsWith(' — ')) {
      const description = Object.values(a.descriptions).find((d) => rest.slice(3) === d || rest.slice(3).startsWith(`${d} · `));
      if (!description) return false;
      rest = rest.slice(3 + description.length);
    }
    if (!rest) return true;
    if (!rest.startsWith(' · ')) return false;
    return rest.slice(3).split(' · ').every((p) => isActorContact(p, a));
  });
}

/** `**Name**: A1, A2 · evening · childcare — intake` built from one actor's course offers and canned words. */
function isCourseLine(line: string, corpus: KnowledgeCorpus): boolean {
  const m = /^\*\*(.+?)\*\*: (.+)$/.exec(line);
  if (!m) return false;
  return (corpus.actorByName.get(m[1]) ?? []).some((a) => {
    const [facts, ...intake] = m[2].split(' — ');
    if (intake.length && !(a.courses ?? []).some((c) => c.intake === intake.join(' — '))) return false;
    return facts.split(' · ').every((f) => f.split(', ').every((w) => corpus.courseWords.has(w)));
  });
}

/** A crisis answer's strip of numbers: `**112** · **1813** Zelfmoordlijn`, each an actor's phone and name. */
function isCallStrip(line: string, corpus: KnowledgeCorpus): boolean {
  return line.split(' · ').every((part) => {
    const m = /^\*\*([^*]+)\*\*(?: (.+))?$/.exec(part.trim());
    if (!m) return false;
    return [...corpus.actors.values()].some((a) => a.phone === m[1] && (!m[2] || [a.name, ...Object.values(a.names)].some((n) => n.includes(m[2]))));
  });
}

function isHandoverLine(line: string, corpus: KnowledgeCorpus): boolean {
  const link = /^\[(.+?)\]\((.+)\)$/.exec(line);
  if (link) return corpus.welcome.urls.has(link[2]) && link[1] === hostOf(link[2]);
  return corpus.welcome.phones.has(line);
}

/**
 * Lines (and, failing that, sentences) of an extractive answer that do not come from the cited cards'
 * text, the listed actors' data or the canned product messages. Empty = fully grounded.
 */
export function ungroundedParts(input: GroundingInput, corpus: KnowledgeCorpus): string[] {
  const units = input.cardIds.flatMap((id) => {
    const card = corpus.cards.get(id);
    return card ? cardUnits(card).map(plain) : [];
  });
  const cardText = units.join('\n');
  const listed = new Set(input.actors.map((a) => a.id));
  const bad: string[] = [];
  for (const raw of input.answer.split('\n')) {
    const line = squash(raw).replace(/^- /, '');
    if (!line) continue;
    if (corpus.canned.some((re) => re.test(line)) || corpus.crisis.some((re) => re.test(plain(line)))) continue;
    if (isActorLine(line, corpus, listed) || isCourseLine(line, corpus) || isHandoverLine(line, corpus) || isCallStrip(line, corpus)) continue;
    if (units.includes(plain(line))) continue;
    for (const sentence of plain(line).split(SENTENCE_SPLIT)) {
      const s = squash(sentence);
      if (s && !cardText.includes(s) && !corpus.canned.some((re) => re.test(s)) && !corpus.crisis.some((re) => re.test(s))) bad.push(s);
    }
  }
  return bad;
}
