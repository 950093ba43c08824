import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import type { TurnMode } from '../turn/turn-context';
import { redact } from './redact';

export const CONVERSATION_SCHEMA = `
  CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    language TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text TEXT NOT NULL,
    language TEXT,
    topic TEXT,
    card_id TEXT,
    sources TEXT,
    actors TEXT,
    confidence REAL,
    answered INTEGER,
    mode TEXT,
    query TEXT,
    place TEXT,
    client_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, id);
  CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    helpful INTEGER NOT NULL,
    comment TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS handovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    tenant TEXT NOT NULL,
    language TEXT,
    contact TEXT,
    note TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
  );
`;

export interface ConversationState {
  id: string;
  tenant: string;
  language: string | null;
  lastQuestion: string | null;
  lastCardId: string | null;
  lastTopic: string | null;
  /** The retrieval query behind the last answer (follow-ups build on it). */
  lastQuery: string | null;
  /** "region" or "region|slug" when the last answer was about a place the person named. */
  lastPlace: string | null;
  /** How the last answer was made (`crisis`, `extractive`…). */
  lastMode: string | null;
}

export interface ExchangeRecord {
  conversationId: string;
  tenant: string;
  question: string;
  answer: string;
  language: string;
  topic: string | null;
  cardId: string | null;
  sources: unknown[];
  actors: string[];
  confidence: number;
  answered: boolean;
  mode: TurnMode;
  query?: string | null;
  place?: string | null;
  clientMessageId?: string | null;
}


/**
 * The SQLite file's own schema path, kept for databases made before the migrations knew these tables: creates
 * them when missing and gives older files the follow-up and idempotency columns in place (nothing is lost).
 * Runs before the migrations on SQLite only; migration 002 then finds the tables and changes nothing.
 */
export function prepareSqliteConversationTables(db: Database.Database): void {
  db.exec(CONVERSATION_SCHEMA);
  const columns = new Set((db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name));
  for (const column of ['query', 'place', 'client_id']) if (!columns.has(column)) db.exec(`ALTER TABLE messages ADD COLUMN ${column} TEXT`);
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id ON messages(conversation_id, client_id) WHERE client_id IS NOT NULL');
}

/**
 * Questions, answers, feedback and handover requests, on SQLite or PostgreSQL (issue 14) through Kysely; the
 * tables come from the migrations. User text is redacted before it is kept.
 */
export function createConversationStore(db: Db) {
  /** The answer stored after the question with this client id: the first assistant message after it. */
  async function answerTo(conversationId: string, clientMessageId: string): Promise<number | null> {
    const row = await db.selectFrom('messages').select('id')
      .where('conversation_id', '=', conversationId).where('role', '=', 'assistant')
      .where('id', '>', db.selectFrom('messages as q').select('q.id').where('q.conversation_id', '=', conversationId).where('q.client_id', '=', clientMessageId))
      .orderBy('id').limit(1).executeTakeFirst();
    return row?.id ?? null;
  }

  return {
    async state(id: string): Promise<ConversationState | null> {
      const conv = await db.selectFrom('conversations').select(['id', 'tenant', 'language']).where('id', '=', id).executeTakeFirst();
      if (!conv) return null;
      const [assistant, user] = await db.selectFrom('messages').select(['text', 'topic', 'card_id', 'role', 'query', 'place', 'mode'])
        .where('conversation_id', '=', id).orderBy('id', 'desc').limit(2).execute();
      return {
        id: conv.id, tenant: conv.tenant, language: conv.language,
        lastQuestion: user?.role === 'user' ? user.text : null,
        lastCardId: assistant?.card_id ?? null,
        lastTopic: assistant?.topic ?? null,
        lastQuery: assistant?.query ?? null,
        lastPlace: assistant?.place ?? null,
        lastMode: assistant?.role === 'assistant' ? assistant.mode ?? null : null,
      };
    },

    /**
     * The question and its answer in one transaction: once this resolves both are committed, so an answer is
     * only sent (acknowledged) when it is stored. A question re-sent with the same clientMessageId, even by
     * another instance at the same moment, is stored once (the unique index); the existing answer's id is returned.
     */
    async recordExchange(r: ExchangeRecord): Promise<number> {
      const now = new Date().toISOString();
      const clientId = r.clientMessageId ?? null;
      const stored = await db.transaction().execute(async (trx) => {
        await trx.insertInto('conversations').values({ id: r.conversationId, tenant: r.tenant, language: r.language, created_at: now, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ language: eb.ref('excluded.language'), tenant: eb.ref('excluded.tenant'), updated_at: eb.ref('excluded.updated_at') })))
          .execute();
        const question = await trx.insertInto('messages').values({
          conversation_id: r.conversationId, role: 'user', text: redact(r.question), language: r.language, topic: null,
          card_id: null, sources: null, actors: null, confidence: null, answered: null, mode: null, query: null, place: null,
          client_id: clientId, created_at: now,
        }).onConflict((oc) => oc.columns(['conversation_id', 'client_id']).where('client_id', 'is not', null).doNothing())
          .returning('id').executeTakeFirst();
        if (!question) return null; // the same question is stored already
        const answer = await trx.insertInto('messages').values({
          conversation_id: r.conversationId, role: 'assistant', text: r.answer, language: r.language, topic: r.topic,
          card_id: r.cardId, sources: JSON.stringify(r.sources), actors: JSON.stringify(r.actors), confidence: r.confidence,
          answered: r.answered ? 1 : 0, mode: r.mode, query: r.query ? redact(r.query).slice(-400) : null, place: r.place ?? null,
          client_id: null, created_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        return answer.id;
      });
      if (stored !== null) return stored;
      const existing = await answerTo(r.conversationId, clientId!);
      if (existing === null) throw new Error(`Question ${clientId} is stored without its answer.`);
      return existing;
    },

    /** The stored answer to a question the client already sent (by its clientMessageId), if any. */
    answeredClientMessage: answerTo,

    async recordFeedback(conversationId: string, messageId: number, helpful: boolean, comment?: string): Promise<number | null> {
      const message = await db.selectFrom('messages').select('id').where('id', '=', messageId).where('conversation_id', '=', conversationId).where('role', '=', 'assistant').executeTakeFirst();
      if (!message) return null;
      const { id } = await db.insertInto('feedback').values({
        conversation_id: conversationId, message_id: messageId, helpful: helpful ? 1 : 0, comment: comment ? redact(comment) : null, created_at: new Date().toISOString(),
      }).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    async recordHandover(conversationId: string, tenant: string, language: string | null, contact: string | null, note: string | null): Promise<number> {
      // The contact is kept as given: the person left it precisely so that someone can reach them.
      const { id } = await db.insertInto('handovers').values({
        conversation_id: conversationId, tenant, language, contact, note: note ? redact(note) : null, status: 'open', created_at: new Date().toISOString(),
      }).returning('id').executeTakeFirstOrThrow();
      return id;
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
