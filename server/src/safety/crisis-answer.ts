import type { CrisisAnswers, CrisisRouting } from '../knowledge/crisis-schemas';
import type { Actor, Region } from '../knowledge/schemas';
import type { Language } from '../language/languages';
import type { CrisisCategory } from './crisis-categories';

/** A number the widget shows as a large tappable button. */
export interface CrisisCall {
  actorId: string;
  label: string;
  number: string;
  /** `tel:` URI (digits only). */
  tel: string;
}

export interface CrisisAnswer {
  category: CrisisCategory;
  language: Language;
  text: string;
  calls: CrisisCall[];
  actors: Actor[];
}

const PLACEHOLDER_RE = /\{([a-z0-9-]+)\}/g;

export const telUri = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * Crisis answers built from knowledge/crisis/: the answer leads with the number, in the person's language
 * (issue 8). Numbers come only from the actor directory; the texts hold placeholders.
 */
export function createCrisisResponder(deps: { routing: CrisisRouting; answers: Partial<Record<Language, CrisisAnswers>>; actors: Actor[] }) {
  const byId = new Map(deps.actors.map((a) => [a.id, a]));
  const texts = (lang: Language): CrisisAnswers => deps.answers[lang] ?? deps.answers.en!;
  const label = (actor: Actor, lang: Language) => actor.names[lang] ?? actor.name;

  /** The region's lines, those speaking the answer language first. */
  function linesFor(category: CrisisCategory, region: Region, lang: Language): Actor[] {
    const then = deps.routing[category].then;
    if (!then) return [];
    const ids = [...(then.all ?? []), ...(then[region] ?? [])];
    const actors = ids.map((id) => byId.get(id)).filter((a): a is Actor => !!a);
    return actors.map((a, i) => ({ a, i, speaks: a.languages.includes(lang) ? 0 : 1 })).sort((x, y) => x.speaks - y.speaks || x.i - y.i).map((x) => x.a);
  }

  function renderLine(actor: Actor, lang: Language): string {
    const name = label(actor, lang);
    if (!actor.phone) return actor.website ? `**${name}** (${actor.website.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')})` : `**${name}**`;
    const digits = actor.phone.replace(/\D/g, '');
    // "Zelfmoordlijn 1813" already says its number.
    return name.replace(/\D/g, '').includes(digits) ? `**${name}**` : `${name} **${actor.phone}**`;
  }

  function render(template: string, lines: Actor[], lang: Language): string {
    return template.replace(PLACEHOLDER_RE, (whole, key: string) => {
      if (key === 'then') return lines.slice(0, 3).map((a) => renderLine(a, lang)).join(', ');
      const actor = byId.get(key);
      return actor?.phone ? `**${actor.phone}**` : whole;
    });
  }

  /** A line's number first, so that it is seen within the first lines however long the names are. */
  function thenLine(template: string, lines: Actor[], lang: Language): string {
    const shown = lines.slice(0, 3);
    const numbers = shown.filter((a) => a.phone).slice(0, 2).map((a) => `**${a.phone}**`);
    const names = shown.map((a) => (a.phone ? label(a, lang) : renderLine(a, lang))).join(', ');
    // "…call the Poison Centre: Poison Centre." — a name the sentence already says is not repeated.
    const said = shown.every((a) => a.phone && template.toLowerCase().includes(label(a, lang).toLowerCase()));
    if (said) template = template.replace(/\s*[:：]?\s*\{then\}/, '');
    const sentence = template.replace(PLACEHOLDER_RE, (whole, key: string) => (key === 'then' ? names : byId.get(key)?.phone ? `**${byId.get(key)!.phone}**` : whole));
    return numbers.length ? `${numbers.join(' · ')} — ${sentence}` : sentence;
  }

  function answer(categories: CrisisCategory[], region: Region, lang: Language): CrisisAnswer {
    const t = texts(lang);
    const language = deps.answers[lang] ? lang : 'en';
    const [first] = categories;
    const paragraphs: string[] = [];
    const calls: Actor[] = [];
    const seenLines = new Set<string>();
    categories.forEach((category, index) => {
      const lines = linesFor(category, region, lang);
      if (index === 0) {
        // The lead sentence is bold as a whole: it is what a panicking reader must see first.
        paragraphs.push(`**${render(t[category].lead, lines, lang).replace(/\*\*/g, '')}**`);
        calls.push(...deps.routing[category].lead.map((id) => byId.get(id)).filter((a): a is Actor => !!a));
      }
      const fresh = lines.filter((a) => !seenLines.has(a.id));
      if (t[category].then && fresh.length) {
        paragraphs.push(thenLine(t[category].then!, fresh, lang));
        fresh.forEach((a) => seenLines.add(a.id));
        calls.push(...fresh);
      }
    });
    const steps = t[first].steps.map((s) => `- ${render(s, [], lang)}`);
    const unique = [...new Map(calls.map((a) => [a.id, a])).values()];
    return {
      category: first,
      language,
      text: [paragraphs.join('\n\n'), ...(steps.length ? ['', ...steps] : [])].join('\n'),
      calls: unique.filter((a) => a.phone).map((a) => ({ actorId: a.id, label: label(a, lang), number: a.phone!, tel: telUri(a.phone!) })),
      actors: unique,
    };
  }

  /** "In an emergency, call 112." in the person's language: the last line of every "I don't know". */
  function emergencyLine(lang: Language): string {
    return render(texts(lang).emergencyLine, [], lang);
  }

  return { answer, emergencyLine };
}

export type CrisisResponder = ReturnType<typeof createCrisisResponder>;
