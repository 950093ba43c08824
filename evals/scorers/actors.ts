import type { ActorRef } from '../../server/src/chat/protocol';
import type { ActorRegion } from '../../server/src/knowledge/schemas';

/**
 * Actors shown from a region the person is not asking about (federal actors are fine everywhere, and so
 * is a regional one that also serves the region, such as a Dutch-language helpline in Brussels).
 */
export function actorsOutOfRegion(actors: readonly Pick<ActorRef, 'id' | 'region'>[], allowed: readonly ActorRegion[], alsoRegions: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  return actors
    .filter((a) => a.region !== 'federal' && !allowed.includes(a.region) && !(alsoRegions.get(a.id) ?? []).some((r) => allowed.includes(r as ActorRegion)))
    .map((a) => `${a.id} (${a.region})`);
}

/** Share of the expected actors that were shown; null when the case expects none. */
export function actorRecall(actors: readonly Pick<ActorRef, 'id'>[], expected: readonly string[]): number | null {
  if (!expected.length) return null;
  const shown = new Set(actors.map((a) => a.id));
  return expected.filter((id) => shown.has(id)).length / expected.length;
}
