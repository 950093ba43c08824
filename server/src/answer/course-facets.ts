import type { CourseQuery } from '../actors/find-courses';
import type { Region } from '../knowledge/schemas';
import type { ConceptMatch } from '../retrieval/glossary-matcher';
import { normalizeText } from '../retrieval/text-normalize';

// Glossary concepts in knowledge/glossary/course-facets.yaml carry these ids.
const FORMAT_CONCEPTS: Record<string, string> = {
  'course-evening': 'evening', 'course-daytime': 'day', 'course-weekend': 'weekend', 'course-online': 'online',
};
const LANGUAGE_CONCEPTS: Record<string, CourseQuery['language']> = {
  'course-dutch': 'nl', 'course-french': 'fr', 'course-german': 'de',
};

/** What the person asked of a course: language taught, level, format, childcare. */
export function courseQueryFrom(question: string, concepts: ConceptMatch[], region: Region): CourseQuery {
  const ids = new Set(concepts.map((c) => c.id));
  const levels = new Set<string>();
  for (const m of normalizeText(question).matchAll(/\b([abc][12])\b/g)) levels.add(m[1].toUpperCase());
  if (ids.has('course-literacy')) levels.add('literacy');
  if (ids.has('course-beginner')) levels.add('A1');
  const named = Object.entries(LANGUAGE_CONCEPTS).filter(([id]) => ids.has(id)).map(([, l]) => l);
  const regional = region === 'flanders' ? 'nl' : region === 'wallonia' ? 'fr' : region === 'german-speaking' ? 'de' : null;
  return {
    language: named.length === 1 ? named[0] : regional,
    levels: [...levels],
    formats: Object.entries(FORMAT_CONCEPTS).filter(([id]) => ids.has(id)).map(([, f]) => f),
    childcare: ids.has('course-childcare'),
  };
}
