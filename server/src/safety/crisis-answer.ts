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
  /** The card that says more about these numbers where the person lives (routing.yaml): follow-ups build on it. */
  cardId: string | null;
}

const PLACEHOLDER_RE = /\{([a-z0-9-]+)\}/g;

/** A "then" sentence without its `{then}` list, for when the sentence already names the line. */
export function withoutThen(template: string): string {
  return template.replace(/\s*[:：]?\s*\{then\}/, '');
}

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

  /** A region's line named in a sentence (its number is in the strip above). */
  function thenSentence(template: string, lines: Actor[], lang: Language): string {
    const shown = lines.slice(0, 3);
    // "…call the Poison Centre: Poison Centre." — a name the sentence already says is not repeated.
    if (shown.every((a) => a.phone && template.toLowerCase().includes(label(a, lang).toLowerCase()))) template = withoutThen(template);
    const names = shown.map((a) => (a.phone ? label(a, lang) : renderLine(a, lang))).join(', ');
    return template.replace(PLACEHOLDER_RE, (whole, key: string) => (key === 'then' ? names : byId.get(key)?.phone ? `**${byId.get(key)!.phone}**` : whole));
  }

  /**
   * Every number to call, on one line under the lead: seen at once, however long the sentences are. The
   * lead's own numbers need no label (the sentence above says what they are); long labels lose their
   * bracketed part.
   */
  function strip(calls: Actor[], leadIds: ReadonlySet<string>, lang: Language): string {
    return calls.filter((a) => a.phone).slice(0, 5).map((a) => {
      if (leadIds.has(a.id)) return `**${a.phone}**`;
      const name = label(a, lang).replace(a.phone!, '').replace(/\s*\([^)]*\)\s*$/, '').replace(/\s+/g, ' ').trim();
      return name ? `**${a.phone}** ${name}` : `**${a.phone}**`;
    }).join(' · ');
  }

  /**
   * `unsure`: only the classifier saw danger (no crisis words matched). The numbers still come first; a last
   * line says how to get an ordinary answer, so that a false alarm costs a rephrasing, not the question.
   */
  function answer(categories: CrisisCategory[], region: Region, lang: Language, opts: { unsure?: boolean } = {}): CrisisAnswer {
    const t = texts(lang);
    const language = deps.answers[lang] ? lang : 'en';
    const [first] = categories;
    const leadCalls: Actor[] = [];
    const laterLeads: Actor[] = [];
    const firstLines: Actor[] = [];
    const otherLines: Actor[] = [];
    const sentences: string[] = [];
    const seen = new Set<string>();
    categories.forEach((category, index) => {
      // Every category brings its own lead numbers (112, Child Focus…) and its region's lines.
      const leads = deps.routing[category].lead.map((id) => byId.get(id)).filter((a): a is Actor => !!a);
      const lines = linesFor(category, region, lang).filter((a) => !seen.has(a.id));
      (index === 0 ? leadCalls : laterLeads).push(...leads);
      firstLines.push(...lines.slice(0, 1));
      otherLines.push(...lines.slice(1));
      if (t[category].then && lines.length) sentences.push(thenSentence(t[category].then!, lines, lang));
      else if (index > 0 && !t[category].then) sentences.push(render(t[category].lead, lines, lang));
      [...leads, ...lines].forEach((a) => seen.add(a.id));
    });
    // The strip holds five numbers: the first category's lead numbers, then every category's first line, so
    // that a second category's own line is not pushed off by the first one's third (then the rest).
    const unique = [...new Map([...leadCalls, ...firstLines, ...laterLeads, ...otherLines].map((a) => [a.id, a])).values()];
    // The lead sentence is bold as a whole: it is what a panicking reader must see first; then every number.
    const lead = `**${render(t[first].lead, linesFor(first, region, lang), lang).replace(/\*\*/g, '')}**`;
    const steps = t[first].steps.map((s) => `- ${render(s, [], lang)}`);
    const paragraphs = [lead, strip(unique, new Set(deps.routing[first].lead), lang), ...sentences].filter(Boolean);
    return {
      category: first,
      language,
      text: [paragraphs.join('\n\n'), ...(steps.length ? ['', ...steps] : []), ...(opts.unsure ? ['', render(t.notInDanger, [], lang)] : [])].join('\n'),
      calls: unique.filter((a) => a.phone).map((a) => ({ actorId: a.id, label: label(a, lang), number: a.phone!, tel: telUri(a.phone!) })),
      actors: unique,
      cardId: deps.routing[first].card?.[region] ?? deps.routing[first].card?.all ?? null,
    };
  }

  /** "In an emergency, call 112." in the person's language: the last line of every "I don't know". */
  function emergencyLine(lang: Language): string {
    return render(texts(lang).emergencyLine, [], lang);
  }

  return { answer, emergencyLine };
}

export type CrisisResponder = ReturnType<typeof createCrisisResponder>;
