import { findCourses, type CourseOffer } from '../actors/find-courses';
import { actorName, type ActorSelector, type Place } from '../actors/select-actors';
import type { Card, CardText, Tenant } from '../knowledge/knowledge-types';
import type { Actor } from '../knowledge/schemas';
import { LANGUAGE_NAMES, answerFallbackLanguage, type Language } from '../language/languages';
import type { ConceptMatch } from '../retrieval/glossary-matcher';
import { CANNED, fill } from './canned-messages';
import { courseQueryFrom } from './course-facets';

export interface ComposeInput {
  card: Card;
  lang: Language;
  place: Place;
  placeName: string | null;
  /** Set when the question named a place other than the tenant ("… in Charleroi?"). */
  namedPlace: string | null;
  question: string;
  concepts: ConceptMatch[];
}

export interface ComposedAnswer {
  text: string;
  /** The language the card text is in (differs from the asked one only when a translation is missing). */
  language: Language;
  actors: Actor[];
  courses: CourseOffer[];
  sources: { id: string; title: string; url: string | null }[];
}

export interface Composer {
  compose(input: ComposeInput): ComposedAnswer;
  unknown(lang: Language, tenant: Tenant | null): { text: string; actors: Actor[] };
}

// The answer format is paragraphs, bullets, **bold** and links (docs/api.md); cards mark local terms in
// *italics*, which becomes plain text here.
const ITALIC_RE = /(?<![*\w])\*(?![\s*])([^*\n]*?[^\s*])\*(?![*\w])/g;
export function plainItalics(text: string): string {
  return text.replace(ITALIC_RE, '$1');
}


function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function actorLine(actor: Actor, lang: Language): string {
  const parts = [`**${actorName(actor, lang)}**`];
  if (actor.website) parts.push(`[${hostOf(actor.website)}](${actor.website})`);
  if (actor.phone) parts.push(actor.phone);
  if (actor.email) parts.push(actor.email);
  // Opening hours are recorded in English only; elsewhere they would be a stray English phrase.
  if (actor.hours && lang === 'en') parts.push(actor.hours);
  return `- ${parts.join(' · ')}`;
}

/**
 * Extractive answers: the card's own sentences in the answer language, then who can help, then
 * course offers where asked. Nothing here invents a fact: every line is card text, actor data or
 * canned product copy.
 */
export function createComposer(deps: { actorSelector: ActorSelector; actors: Actor[]; tenantsBySlug: ReadonlyMap<string, Tenant> }): Composer {
  function compose(input: ComposeInput): ComposedAnswer {
    const { card, place } = input;
    let language = input.lang;
    let text: CardText | undefined = card.texts[language];
    const lines: string[] = [];
    if (!text) {
      language = card.texts[answerFallbackLanguage(place.region)] ? answerFallbackLanguage(place.region) : 'en';
      text = card.texts[language] ?? Object.values(card.texts)[0]!;
      language = text.lang;
      lines.push(fill(CANNED[input.lang].fallbackNote, { language: LANGUAGE_NAMES[language] }), '');
    }
    const m = CANNED[language];
    if (input.namedPlace) lines.push(fill(m.placeNote, { place: input.namedPlace }), '');
    lines.push(plainItalics(text.summary));
    if (text.steps.length) lines.push('', ...text.steps.map((s) => `- ${plainItalics(s)}`));
    for (const p of text.closing) lines.push('', plainItalics(p));

    const mentionText = [text.title, text.summary, ...text.steps, ...text.closing, card.texts.en?.summary ?? '', ...(card.texts.en?.steps ?? [])].join('\n');
    const actors = deps.actorSelector.select({ topics: card.actorTopics ?? [card.topic], place, mentionText, preferred: card.actors });
    if (actors.length) lines.push('', `**${m.whoCanHelp}:**`, ...actors.map((a) => actorLine(a, language)));

    let courses: CourseOffer[] = [];
    if (card.topic === 'language-courses') {
      courses = findCourses(deps.actors, place, deps.tenantsBySlug, courseQueryFrom(input.question, input.concepts, place.region));
      if (courses.length) {
        lines.push('', `**${fill(m.coursesHeading, { place: input.placeName ?? input.namedPlace ?? '' }).trim()}:**`);
        for (const offer of courses) {
          const facts = [offer.course.levels.map((l) => (l === 'literacy' ? m.literacy : l)).join(', '),
            ...offer.course.formats.map((f) => m[f === 'day' ? 'day' : f]),
            offer.course.childcare ? m.childcare : ''].filter(Boolean);
          lines.push(`- **${actorName(offer.actor, language)}**: ${facts.join(' · ')}${language === 'en' && offer.course.intake ? ` — ${offer.course.intake}` : ''}`);
        }
        lines.push('', m.coursesClosing);
      }
    }
    return {
      text: lines.join('\n').trim(),
      language,
      actors,
      courses,
      sources: card.sources.map((s, i) => ({ id: `${card.id}#${i + 1}`, title: s.title, url: s.url })),
    };
  }

  const actorsById = new Map(deps.actors.map((a) => [a.id, a]));

  function unknown(lang: Language, tenant: Tenant | null): { text: string; actors: Actor[] } {
    const m = CANNED[lang];
    const welcome = tenant?.welcome;
    const handover = welcome
      ? `${fill(m.handoverAt, { name: welcome.name })}${welcome.website ? `\n- [${hostOf(welcome.website)}](${welcome.website})` : ''}${welcome.phone ? `\n- ${welcome.phone}` : ''}`
      : fill(m.handoverTownHall, { place: tenant?.name ?? '' });
    const welcomeActor = welcome?.actorId ? actorsById.get(welcome.actorId) : undefined;
    return { text: `${m.dontKnow}\n\n${handover}`, actors: welcomeActor ? [welcomeActor] : [] };
  }

  return { compose, unknown };
}
