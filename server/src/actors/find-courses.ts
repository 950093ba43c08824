import type { Tenant } from '../knowledge/knowledge-types';
import type { Actor, Course } from '../knowledge/schemas';
import { actorLevel, type Place } from './select-actors';

export interface CourseQuery {
  language?: 'nl' | 'fr' | 'de' | 'en' | null;
  levels?: string[];
  formats?: string[];
  childcare?: boolean;
}

export interface CourseOffer {
  actor: Actor;
  course: Course;
  distanceKm: number | null;
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Course offers that match what the person asked for, from organisations serving their place,
 * nearest first (by the approximate town centres in municipalities.csv).
 */
export function findCourses(
  actors: Actor[],
  place: Place,
  tenantsBySlug: ReadonlyMap<string, Tenant>,
  query: CourseQuery,
  limit = 4,
): CourseOffer[] {
  const origin = place.slug ? tenantsBySlug.get(place.slug) : undefined;
  const offers: (CourseOffer & { level: number })[] = [];
  for (const actor of actors) {
    if (!actor.courses.length) continue;
    const level = actorLevel(actor, place);
    if (level === null) continue;
    for (const course of actor.courses) {
      if (query.language && course.language !== query.language) continue;
      if (query.levels?.length && !query.levels.some((l) => course.levels.includes(l as Course['levels'][number]))) continue;
      if (query.formats?.length && course.formats.length && !query.formats.some((f) => course.formats.includes(f as Course['formats'][number]))) continue;
      if (query.childcare && course.childcare === false) continue;
      const distances = actor.municipalities
        .map((m) => tenantsBySlug.get(m))
        .filter((t): t is Tenant => !!t)
        .map((t) => (origin ? haversineKm(origin, t) : 0));
      offers.push({ actor, course, distanceKm: distances.length && origin ? Math.min(...distances) : null, level });
    }
  }
  return offers
    .sort((a, b) => (a.distanceKm ?? 1e6) - (b.distanceKm ?? 1e6) || a.level - b.level)
    .slice(0, limit)
    .map(({ level: _level, ...offer }) => offer);
}
