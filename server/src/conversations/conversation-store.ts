import type Database from 'better-sqlite3';
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


/** Questions, answers, feedback and handover requests in SQLite; user text is redacted before it is kept. */
export function createConversationStore(db: Database.Database) {
  db.exec(CONVERSATION_SCHEMA);
  // Databases created before follow-up memory existed gain its columns in place; nothing is lost.
  const columns = new Set((db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name));
  for (const column of ['query', 'place', 'client_id']) if (!columns.has(column)) db.exec(`ALTER TABLE messages ADD COLUMN ${column} TEXT`);
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS messages_client_id ON messages(conversation_id, client_id) WHERE client_id IS NOT NULL');
  const upsertConversation = db.prepare(
    `INSERT INTO conversations (id, tenant, language, created_at, updated_at) VALUES (@id, @tenant, @language, @now, @now)
     ON CONFLICT(id) DO UPDATE SET language = excluded.language, tenant = excluded.tenant, updated_at = excluded.updated_at`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, role, text, language, topic, card_id, sources, actors, confidence, answered, mode, query, place, client_id, created_at)
     VALUES (@conversationId, @role, @text, @language, @topic, @cardId, @sources, @actors, @confidence, @answered, @mode, @query, @place, @clientId, @now)`,
  );
  const getConversation = db.prepare<[string], { id: string; tenant: string; language: string | null }>(
    'SELECT id, tenant, language FROM conversations WHERE id = ?',
  );
  const lastExchange = db.prepare<[string], { text: string; topic: string | null; card_id: string | null; role: string; query: string | null; place: string | null }>(
    `SELECT text, topic, card_id, role, query, place FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT 2`,
  );
  const messageExists = db.prepare<[number, string], { id: number }>('SELECT id FROM messages WHERE id = ? AND conversation_id = ? AND role = \'assistant\'');
  const insertFeedback = db.prepare(
    'INSERT INTO feedback (conversation_id, message_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertHandover = db.prepare(
    'INSERT INTO handovers (conversation_id, tenant, language, contact, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const answerToClientMessage = db.prepare<[string, string, string], { id: number }>(
    `SELECT id FROM messages WHERE conversation_id = ? AND role = 'assistant'
       AND id > (SELECT id FROM messages WHERE conversation_id = ? AND client_id = ?) ORDER BY id LIMIT 1`,
  );

  const recordExchange = db.transaction((r: ExchangeRecord): number => {
    const now = new Date().toISOString();
    upsertConversation.run({ id: r.conversationId, tenant: r.tenant, language: r.language, now });
    insertMessage.run({
      conversationId: r.conversationId, role: 'user', text: redact(r.question), language: r.language, topic: null,
      cardId: null, sources: null, actors: null, confidence: null, answered: null, mode: null, query: null, place: null,
      clientId: r.clientMessageId ?? null, now,
    });
    const info = insertMessage.run({
      conversationId: r.conversationId, role: 'assistant', text: r.answer, language: r.language, topic: r.topic,
      cardId: r.cardId, sources: JSON.stringify(r.sources), actors: JSON.stringify(r.actors), confidence: r.confidence,
      answered: r.answered ? 1 : 0, mode: r.mode, query: r.query ? redact(r.query).slice(-400) : null, place: r.place ?? null,
      clientId: null, now,
    });
    return Number(info.lastInsertRowid);
  });

  return {
    state(id: string): ConversationState | null {
      const conv = getConversation.get(id);
      if (!conv) return null;
      const [assistant, user] = lastExchange.all(id);
      return {
        id: conv.id, tenant: conv.tenant, language: conv.language,
        lastQuestion: user?.role === 'user' ? user.text : null,
        lastCardId: assistant?.card_id ?? null,
        lastTopic: assistant?.topic ?? null,
        lastQuery: assistant?.query ?? null,
        lastPlace: assistant?.place ?? null,
      };
    },
    recordExchange,
    /** The stored answer to a question the client already sent (by its clientMessageId), if any. */
    answeredClientMessage(conversationId: string, clientMessageId: string): number | null {
      return answerToClientMessage.get(conversationId, conversationId, clientMessageId)?.id ?? null;
    },
    recordFeedback(conversationId: string, messageId: number, helpful: boolean, comment?: string): number | null {
      if (!messageExists.get(messageId, conversationId)) return null;
      const info = insertFeedback.run(conversationId, messageId, helpful ? 1 : 0, comment ? redact(comment) : null, new Date().toISOString());
      return Number(info.lastInsertRowid);
    },
    recordHandover(conversationId: string, tenant: string, language: string | null, contact: string | null, note: string | null): number {
      // The contact is kept as given: the person left it precisely so that someone can reach them.
      const info = insertHandover.run(conversationId, tenant, language, contact, note ? redact(note) : null, new Date().toISOString());
      return Number(info.lastInsertRowid);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
