import type Database from 'better-sqlite3';
import { normalizeText, tokenize } from './text-normalize';

export const LEXICAL_SCHEMA = `
  CREATE VIRTUAL TABLE IF NOT EXISTS card_docs USING fts5(
    card_id UNINDEXED, lang UNINDEXED, title, questions, body,
    tokenize = 'unicode61 remove_diacritics 2'
  );
`;

export interface LexicalHit {
  cardId: string;
  lang: string;
  score: number;
}

/** FTS5 query: OR of the words, with a prefix form for long words so inflections still match. */
export function buildMatchQuery(query: string): string | null {
  const terms = new Set<string>();
  for (const token of tokenize(query)) {
    terms.add(`"${token}"`);
    if (token.length >= 7) terms.add(`"${token.slice(0, token.length - 2)}"*`);
  }
  return terms.size ? [...terms].join(' OR ') : null;
}

/** BM25 over card texts in SQLite FTS5. Texts are stored normalised so queries meet them. */
export class LexicalIndex {
  private readonly search: Database.Statement<[string, number], { card_id: string; lang: string; score: number }>;

  constructor(private readonly db: Database.Database) {
    // Column weights: a hit in the title or an example question says more than one in the body.
    this.search = db.prepare(
      `SELECT card_id, lang, bm25(card_docs, 0, 0, 3.0, 2.0, 1.0) AS score
         FROM card_docs WHERE card_docs MATCH ? ORDER BY score LIMIT ?`,
    );
  }

  static insertAll(db: Database.Database, docs: { cardId: string; lang: string; title: string; questions: string; body: string }[]): void {
    const insert = db.prepare('INSERT INTO card_docs (card_id, lang, title, questions, body) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const d of docs) insert.run(d.cardId, d.lang, normalizeText(d.title), normalizeText(d.questions), normalizeText(d.body));
    })();
  }

  /** Best BM25 per card (higher is better), restricted to `allowed` cards. */
  query(query: string, allowed: ReadonlySet<string>, lang: string, limit = 400): LexicalHit[] {
    const match = buildMatchQuery(query);
    if (!match) return [];
    const best = new Map<string, LexicalHit>();
    for (const row of this.search.all(match, limit)) {
      if (!allowed.has(row.card_id)) continue;
      // bm25() is negative; a same-language document is worth a little more than a cross-language one.
      const score = -row.score * (row.lang === lang ? 1 : 0.8);
      const prev = best.get(row.card_id);
      if (!prev || score > prev.score) best.set(row.card_id, { cardId: row.card_id, lang: row.lang, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
