import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor, Region, Topic } from '../knowledge/schemas';
import type { Language } from '../language/languages';
import { normalizeText } from '../retrieval/text-normalize';

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
  select(input: { topics: Topic[]; place: Place; mentionText: string; preferred?: string[]; limit?: number }): Actor[];
}

/**
 * Up to `limit` actors for the topic, shown municipality → province → region → federal (issue 2).
 * Actors the card itself names ("NARIC-Vlaanderen") are picked before generic ones at the same level.
 */
export function createActorSelector(actors: Actor[]): ActorSelector {
  const names = new Map(actors.map((a) => [a.id, [a.name, ...Object.values(a.names)].map((n) => normalizeText(n)).filter((n) => n.length >= 3)]));
  const byTopic = new Map<Topic, Actor[]>();
  const byId = new Map(actors.map((a) => [a.id, [a]]));
  for (const a of actors) for (const t of a.topics) byTopic.set(t, [...(byTopic.get(t) ?? []), a]);

  // Card texts repeat across questions; normalising them once each keeps this off the hot path.
  const normalized = new Map<string, string>();
  const normalize = (text: string) => {
    let n = normalized.get(text);
    if (n === undefined) {
      n = normalizeText(text);
      if (normalized.size > 5000) normalized.clear();
      normalized.set(text, n);
    }
    return n;
  };

  return {
    select({ topics, place, mentionText, preferred = [], limit = 3 }) {
      const text = normalize(mentionText);
      const scored: { actor: Actor; level: ActorLevel; score: number; mentioned: boolean }[] = [];
      const candidates = new Set([...topics.flatMap((t) => byTopic.get(t) ?? []), ...preferred.flatMap((id) => byId.get(id) ?? [])]);
      for (const actor of candidates) {
        const level = actorLevel(actor, place);
        if (level === null) continue;
        const rank = preferred.indexOf(actor.id);
        const mentioned = rank >= 0 || names.get(actor.id)!.some((n) => text.includes(n)) || (!!actor.phone && phoneMentioned(text, actor.phone));
        // A Belgium-wide body is shown only when the card sends people to it: for "register at the
        // town hall" the Immigration Office or Fedasil would be noise next to the town hall itself.
        if (level === 3 && !mentioned) continue;
        const recommended = rank >= 0 ? 1 - rank * 0.1 : 0; // the card's own order among its recommendations
        scored.push({ actor, level, mentioned, score: (3 - level) + (mentioned ? 2.5 : 0) + recommended + (actor.website ? 0.1 : 0) });
      }
      // Region-wide bodies the card does not name only fill in when little else serves the place.
      const focused = scored.filter((s) => s.level < 2 || s.mentioned);
      const pool = focused.length >= 2 ? focused : scored;
      return pool
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .sort((a, b) => a.level - b.level || b.score - a.score)
        .map((s) => s.actor);
    },
  };
}

function phoneMentioned(text: string, phone: string): boolean {
  const digits = phone.replace(/\D/g, '');
  return new RegExp(`(^|\\D)${digits.split('').join('[ ./-]?')}(\\D|$)`).test(text);
}

export function actorName(actor: Actor, lang: Language): string {
  return actor.names[lang] ?? actor.name;
}
