import type Database from 'better-sqlite3';
import { normalizeText, tokenize } from './text-normalize';

const TABLE_RE = /^[a-z]{2}$/;

/** One FTS5 table per language: a query only ever scores documents in the answer language. */
export function lexicalSchema(lang: string): string {
  if (!TABLE_RE.test(lang)) throw new Error(`bad language code ${lang}`);
  // Words, and character trigrams: trigrams meet inflected, compounded and misspelt forms that words miss.
  return `CREATE VIRTUAL TABLE IF NOT EXISTS card_docs_${lang} USING fts5(
    card_id UNINDEXED, title, questions, body, tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS card_grams_${lang} USING fts5(
    card_id UNINDEXED, title, questions, body, tokenize = 'trigram'
  );`;
}

const MAX_TRIGRAMS = 32;

/**
 * FTS5 trigram query: the trigrams of the longer words, longest words first. Short words' trigrams
 * ("the", "ing") match nearly every document and only cost time.
 */
export function buildTrigramQuery(query: string): string | null {
  const grams = new Set<string>();
  const words = [...new Set(tokenize(query))].filter((t) => t.length >= 5).sort((a, b) => b.length - a.length);
  for (const token of words) {
    for (let i = 0; i + 3 <= token.length && grams.size < MAX_TRIGRAMS; i++) grams.add(token.slice(i, i + 3));
  }
  return grams.size ? [...grams].map((g) => `"${g}"`).join(' OR ') : null;
}

export interface LexicalHit {
  cardId: string;
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

type Row = { card_id: string; score: number };

/** BM25 over card texts in SQLite FTS5. Texts are stored normalised so queries meet them. */
export class LexicalIndex {
  private readonly statements = new Map<string, Database.Statement<[string, number], Row>>();
  private readonly gramStatements = new Map<string, Database.Statement<[string, number], Row>>();

  constructor(private readonly db: Database.Database) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB 'card_docs_??' OR name GLOB 'card_grams_??')").all() as { name: string }[];
    for (const { name } of tables) {
      // Column weights: a hit in the title or an example question says more than one in the body.
      const statement = db.prepare<[string, number], Row>(`SELECT card_id, bm25(${name}, 0, 3.0, 2.0, 1.0) AS score FROM ${name} WHERE ${name} MATCH ? ORDER BY score LIMIT ?`);
      (name.startsWith('card_grams_') ? this.gramStatements : this.statements).set(name.slice(-2), statement);
    }
  }

  static insertAll(db: Database.Database, docs: { cardId: string; lang: string; title: string; questions: string; body: string }[]): void {
    db.transaction(() => {
      const inserts = new Map<string, Database.Statement>();
      for (const d of docs) {
        let insert = inserts.get(d.lang);
        if (!insert) {
          db.exec(lexicalSchema(d.lang));
          insert = db.prepare(`INSERT INTO card_docs_${d.lang} (card_id, title, questions, body) VALUES (?, ?, ?, ?)`);
          inserts.set(d.lang, insert);
          inserts.set(`grams:${d.lang}`, db.prepare(`INSERT INTO card_grams_${d.lang} (card_id, title, questions, body) VALUES (?, ?, ?, ?)`));
        }
        const row = [d.cardId, normalizeText(d.title), normalizeText(d.questions), normalizeText(d.body)];
        insert.run(...row);
        inserts.get(`grams:${d.lang}`)!.run(...row);
      }
    })();
  }

  /** Card texts in the index, all languages (the readiness check, issue 13); throws once the index is closed. */
  documentCount(): number {
    let n = 0;
    for (const lang of this.statements.keys()) n += (this.db.prepare(`SELECT count(*) AS n FROM card_docs_${lang}`).get() as { n: number }).n;
    return n;
  }

  /** BM25 per card (higher is better) in `lang`, restricted to `allowed` cards. */
  query(query: string, allowed: ReadonlySet<string>, lang: string, limit = 80): LexicalHit[] {
    return this.run(this.statements.get(lang), buildMatchQuery(query), allowed, limit);
  }

  /** The same over character trigrams. */
  queryGrams(query: string, allowed: ReadonlySet<string>, lang: string, limit = 40): LexicalHit[] {
    return this.run(this.gramStatements.get(lang), buildTrigramQuery(query), allowed, limit);
  }

  private run(statement: Database.Statement<[string, number], Row> | undefined, match: string | null, allowed: ReadonlySet<string>, limit: number): LexicalHit[] {
    if (!statement || !match) return [];
    const hits: LexicalHit[] = [];
    for (const row of statement.all(match, limit)) {
      if (allowed.has(row.card_id)) hits.push({ cardId: row.card_id, score: -row.score }); // bm25() is negative
    }
    return hits;
  }
}
