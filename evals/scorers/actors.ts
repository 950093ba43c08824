import type { ActorRef } from '../../server/src/chat/protocol';
import type { ActorRegion } from '../../server/src/knowledge/schemas';
import type { KnowledgeCorpus } from './corpus';

/**
 * Actors shown from a region the person is not asking about (federal actors are fine everywhere, and so
 * is a regional one that also serves the region, such as a Dutch-language helpline in Brussels).
 */
export function actorsOutOfRegion(actors: readonly Pick<ActorRef, 'id' | 'region'>[], allowed: readonly ActorRegion[], alsoRegions: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  return actors
    .filter((a) => a.region !== 'federal' && !allowed.includes(a.region) && !(alsoRegions.get(a.id) ?? []).some((r) => allowed.includes(r as ActorRegion)))
    .map((a) => `${a.id} (${a.region})`);
}

/**
 * Share of the expected actors that were shown; null when the case expects none. The local office of an
 * expected regional actor counts as that actor (issue 10 shows the nearest office of each kind).
 */
export function actorRecall(actors: readonly Pick<ActorRef, 'id'>[], expected: readonly string[], localOffices: ReadonlyMap<string, ReadonlySet<string>> = new Map()): number | null {
  if (!expected.length) return null;
  return expected.filter((id) => missingActor(actors, id, localOffices) === false).length / expected.length;
}

export function missingActor(actors: readonly Pick<ActorRef, 'id'>[], id: string, localOffices: ReadonlyMap<string, ReadonlySet<string>> = new Map()): boolean {
  return !actors.some((a) => a.id === id || localOffices.get(id)?.has(a.id));
}

/**
 * Actors shown that none of the cited cards names, by id or by one of the actor's roles (issue 10:
 * "showing nothing beats showing something irrelevant"). Crisis and handover answers are not scored here.
 */
export function actorsNotNamed(actors: readonly Pick<ActorRef, 'id'>[], cardIds: readonly string[], corpus: Pick<KnowledgeCorpus, 'cards' | 'actors'>): string[] {
  const named = new Set(cardIds.flatMap((id) => corpus.cards.get(id)?.actors ?? []));
  return actors
    .filter((a) => !named.has(a.id) && !(corpus.actors.get(a.id)?.roles ?? []).some((role) => named.has(`role:${role}`)))
    .map((a) => a.id);
}
