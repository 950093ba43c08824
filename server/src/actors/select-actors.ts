import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor, Region } from '../knowledge/schemas';
import type { Language } from '../language/languages';

export type ActorLevel = 0 | 1 | 2 | 3; // municipality, province, region, federal

export interface Place {
  region: Region;
  slug: string | null;
  province: string | null;
}

/** How close an actor is to the place, or null when it does not serve it (wrong region, other town). */
export function actorLevel(actor: Actor, place: Place): ActorLevel | null {
  if (place.slug && actor.excludeMunicipalities.includes(place.slug)) return null;
  if (actor.region === 'federal') return 3;
  if (actor.region !== place.region && !actor.alsoRegions.includes(place.region)) return null;
  if (actor.municipalities.length) return place.slug && actor.municipalities.includes(place.slug) ? 0 : null;
  if (actor.province) return actor.province === place.province ? 1 : null;
  return 2;
}

export function placeOf(tenant: Tenant | null, region: Region): Place {
  return tenant && tenant.region === region
    ? { region, slug: tenant.slug, province: tenant.province }
    : { region, slug: null, province: null };
}

export interface ActorSelector {
  /**
   * The organisations a card names (issue 10), by id or by role (`role:population-service`), that serve the
   * place: municipality → province → region → federal, then the card's own order. Programmes and
   * procedures are not organisations; a card that names none shows none.
   */
  forCard(input: { named: readonly string[]; place: Place; limit?: number }): Actor[];
  /** Re-reads the actor list after it changed in place (a clerk's edit, issue 12). */
  refresh(): void;
}

export function createActorSelector(actors: Actor[]): ActorSelector {
  const byId = new Map<string, Actor>();
  const byRole = new Map<string, Actor[]>();
  function index() {
    byId.clear();
    byRole.clear();
    for (const a of actors) {
      byId.set(a.id, a);
      for (const r of a.roles) byRole.set(r, [...(byRole.get(r) ?? []), a]);
    }
  }
  index();
  return {
    refresh: index,
    forCard({ named, place, limit = 3 }) {
      const found: { actor: Actor; level: ActorLevel; rank: number }[] = [];
      const seen = new Set<string>();
      named.forEach((entry, rank) => {
        const role = entry.startsWith('role:');
        let candidates = (role ? byRole.get(entry.slice(5)) ?? [] : [byId.get(entry)].filter((a): a is Actor => !!a))
          .filter((a) => a.type !== 'programme' && !seen.has(a.id))
          .map((actor) => ({ actor, level: actorLevel(actor, place), rank }))
          .filter((c): c is { actor: Actor; level: ActorLevel; rank: number } => c.level !== null);
        // A role met by the town's own office needs no regional or federal stand-in for the same role.
        if (role && candidates.length) {
          const nearest = Math.min(...candidates.map((c) => c.level));
          candidates = candidates.filter((c) => c.level === nearest);
        }
        for (const c of candidates) {
          seen.add(c.actor.id);
          found.push(c);
        }
      });
      return found.sort((a, b) => a.level - b.level || a.rank - b.rank).slice(0, limit).map((f) => f.actor);
    },
  };
}

export function actorName(actor: Actor, lang: Language): string {
  return actor.names[lang] ?? actor.name;
}
