import type { Card, CardText } from '../../server/src/knowledge/knowledge-types';
import type { Language } from '../../server/src/language/languages';
import type { Page } from './data';

export interface AdapterOptions {
  /** Lines per extra passage document (0 = page-level documents only). */
  passageLines: number;
  /** Restrict each document to its page's city (the city-scoped variant). */
  cityScoped: boolean;
}

const SEP = '~';
export const pageOf = (docId: string) => docId.split(SEP)[0];
const slug = (city: string) => city.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function text(lang: Language, title: string, lines: string[]): CardText {
  return { lang, title, questions: [], summary: lines.join('\n'), steps: [], closing: [], body: lines.join('\n') };
}

/**
 * Integreat pages as Card-shaped objects so the product's retrieval runs on them unchanged: id = pageId,
 * topic 'other', regions ['all'], title = the first line, summary = the rest. Optional passage documents
 * (`<pageId>~<n>`) carry the page title plus a window of lines, so long pages still match specific questions.
 */
export function pagesToCards(pages: Page[], lang: Language, opts: AdapterOptions): Card[] {
  const cards: Card[] = [];
  const card = (id: string, city: string, t: CardText): Card => ({
    id, topic: 'other', regions: ['all'], municipalities: opts.cityScoped ? [slug(city)] : [], concepts: [], weight: 1, actors: [], complete: false,
    reviewed: '2024-01-01', sources: [{ title: 'Integreat', url: 'https://integreat-app.de/' }], translations: { [lang]: { status: 'source', by: null, on: null } },
    texts: { [lang]: t }, dir: '',
  });
  for (const p of pages) {
    const [title, ...rest] = p.lines.filter((l, i) => i === 0 || l !== p.lines[0]);
    cards.push(card(String(p.pageId), p.city, text(lang, title ?? '', rest)));
    if (opts.passageLines > 0 && rest.length > opts.passageLines) {
      const step = Math.max(1, Math.floor(opts.passageLines / 2));
      for (let i = 0, n = 0; i < rest.length; i += step, n++) {
        cards.push(card(`${p.pageId}${SEP}${n}`, p.city, text(lang, title ?? '', rest.slice(i, i + opts.passageLines))));
        if (i + opts.passageLines >= rest.length) break;
      }
    }
  }
  return cards;
}

export const citySlug = slug;
