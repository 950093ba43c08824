import { findCourses, type CourseOffer } from '../actors/find-courses';
import { actorName, type ActorSelector, type Place } from '../actors/select-actors';
import type { Card, CardText, Tenant } from '../knowledge/knowledge-types';
import type { Actor } from '../knowledge/schemas';
import { LANGUAGE_NAMES, answerFallbackLanguage, type Language } from '../language/languages';
import type { ConceptMatch } from '../retrieval/glossary-matcher';
import { CANNED, fill } from './canned-messages';
import { courseQueryFrom } from './course-facets';
import { partsOf, pickParts, type CardFacet, type CardPart, type WordWeight } from './pick-parts';

export interface ComposeInput {
  card: Card;
  lang: Language;
  place: Place;
  placeName: string | null;
  /** Set when the question named a place other than the tenant ("… in Charleroi?"). */
  namedPlace: string | null;
  question: string;
  concepts: ConceptMatch[];
  /** What the question asks about, when known (cost, documents, where…). */
  facet?: CardFacet | null;
  /** A follow-up gets only the parts of its facet, never the whole card again. */
  followUp?: boolean;
}

export interface ComposedAnswer {
  /** The short answer: the part that answers the question, a few more steps, who can help, courses. */
  text: string;
  /** The rest of the card, behind "more" (null when the short answer is the whole card). */
  details: string | null;
  /** The language the card text is in (differs from the asked one only when a translation is missing). */
  language: Language;
  actors: Actor[];
  courses: CourseOffer[];
  sources: { id: string; title: string; url: string | null }[];
}

export interface Composer {
  compose(input: ComposeInput): ComposedAnswer;
  unknown(lang: Language, tenant: Tenant | null): { text: string; actors: Actor[] };
  /** Re-reads the actor list after it changed in place (a clerk's edit, issue 12). */
  refresh(): void;
}

// The answer format is paragraphs, bullets, **bold** and links (docs/api.md); cards mark local terms in
// *italics*, which becomes plain text here.
const ITALIC_RE = /(?<![*\w])\*(?![\s*])([^*\n]*?[^\s*])\*(?![*\w])/g;
export function plainItalics(text: string): string {
  return text.replace(ITALIC_RE, '$1');
}

/**
 * Text hygiene after the italics go (issue 10): a gloss that repeats its word ("demandeur d'emploi
 * (demandeur d'emploi)") and doubled punctuation ("::", ",,") come from translations, never from meaning.
 */
export function tidy(text: string): string {
  return text
    .replace(/([\p{L}][\p{L}\p{M}' -]{1,60}?) \(\1\)/gu, '$1')
    .replace(/([:;,])\1+/g, '$1');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** An organisation's opening hours in the answer language only (never English inside another language). */
export function hoursIn(actor: Actor, lang: Language): string | null {
  if (!actor.hours) return null;
  return typeof actor.hours === 'string' ? (lang === 'en' ? actor.hours : null) : actor.hours[lang] ?? null;
}

/** `**Official name** — what they do for you · links`, in the answer language apart from the name. */
export function actorLine(actor: Actor, lang: Language): string {
  const description = actor.descriptions[lang];
  const parts = [description ? `**${actorName(actor, lang)}** — ${description}` : `**${actorName(actor, lang)}**`];
  if (actor.website) parts.push(`[${hostOf(actor.website)}](${actor.website})`);
  if (actor.phone) parts.push(actor.phone);
  if (actor.email) parts.push(actor.email);
  const hours = hoursIn(actor, lang);
  if (hours) parts.push(hours);
  return `- ${parts.join(' · ')}`;
}

function render(parts: CardPart[]): string {
  const out: string[] = [];
  let inList = false;
  parts.forEach((p, i) => {
    const text = tidy(plainItalics(p.text));
    // A step that leads the answer reads as its first paragraph, not as a lone bullet.
    if (p.kind === 'step' && i > 0) {
      if (!inList && out.length) out.push('');
      out.push(`- ${text}`);
      inList = true;
    } else {
      if (out.length) out.push('');
      out.push(text);
      inList = false;
    }
  });
  return out.join('\n');
}

/**
 * Extractive answers: the card's own parts in the answer language — first the one that answers the
 * question, the rest behind "more" — then the organisations the card names, then course offers where
 * asked. Nothing here invents a fact: every line is card text, actor data or canned product copy.
 */
export function createComposer(deps: { actorSelector: ActorSelector; actors: Actor[]; tenantsBySlug: ReadonlyMap<string, Tenant>; wordWeight?: WordWeight }): Composer {
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
    const picked = pickParts(partsOf(card, text), { question: input.question, facet: input.facet ?? null, followUp: !!input.followUp, weight: deps.wordWeight, lang: language });
    lines.push(render(picked.lead));

    // A follow-up on the same card repeats the organisations only when it asks where to go or when.
    const placeFacet = input.facet === 'where' || input.facet === 'hours';
    const actors = input.followUp && !placeFacet ? [] : deps.actorSelector.forCard({ named: card.actors, place });
    if (actors.length) lines.push('', `**${tidy(m.whoCanHelp)}:**`, ...actors.map((a) => actorLine(a, language)));

    let courses: CourseOffer[] = [];
    if (card.topic === 'language-courses' && (!input.followUp || placeFacet)) {
      courses = findCourses(deps.actors, place, deps.tenantsBySlug, courseQueryFrom(input.question, input.concepts, place.region)).slice(0, 3);
      if (courses.length) {
        // Some translations end the heading with a colon already ("Курси поблизу: {place}").
        const heading = fill(m.coursesHeading, { place: input.placeName ?? input.namedPlace ?? '' }).trim().replace(/[:：]\s*$/, '');
        lines.push('', `**${heading}:**`);
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
      details: picked.more.length ? render(picked.more) : null,
      language,
      actors,
      courses,
      sources: card.sources.map((s, i) => ({ id: `${card.id}#${i + 1}`, title: s.title, url: s.url })),
    };
  }

  const actorsById = new Map(deps.actors.map((a) => [a.id, a]));
  /** After the actor list changed in place (a clerk's edit): re-index it. */
  function refresh() {
    actorsById.clear();
    for (const a of deps.actors) actorsById.set(a.id, a);
    deps.actorSelector.refresh();
  }

  function unknown(lang: Language, tenant: Tenant | null): { text: string; actors: Actor[] } {
    const m = CANNED[lang];
    const welcome = tenant?.welcome;
    const welcomeActor = welcome?.actorId ? actorsById.get(welcome.actorId) : undefined;
    // The official name in the answer language where the office has one (Brussels: French or Dutch).
    const name = welcomeActor ? actorName(welcomeActor, lang) : welcome?.name;
    const handover = welcome
      ? `${fill(m.handoverAt, { name: name! })}${welcome.website ? `\n- [${hostOf(welcome.website)}](${welcome.website})` : ''}${welcome.phone ? `\n- ${welcome.phone}` : ''}`
      : fill(m.handoverTownHall, { place: tenant?.name ?? '' });
    return { text: `${m.dontKnow}\n\n${handover}`, actors: welcomeActor ? [welcomeActor] : [] };
  }

  return { compose, unknown, refresh };
}
