import type Database from 'better-sqlite3';

export interface RetentionOptions {
  /** Conversations (with everything hanging off them) untouched for this many days are deleted; 0 keeps them. */
  days: number;
  /** Audit entries (what staff did) older than this many days are deleted; 0 keeps them. */
  auditDays: number;
  now?: () => Date;
}

export interface RetentionResult {
  conversations: number;
  messages: number;
  feedback: number;
  handovers: number;
  replies: number;
  auditEntries: number;
  sessions: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes what the GDPR record (docs/privacy.md) says is kept no longer (issue 13: "Nothing is ever deleted").
 * A conversation goes when its last activity — the last question, a handover request, a clerk's reply — is
 * older than `days`, and with it its messages, feedback, handovers (their contact included), the handovers'
 * state and replies, and the questions a clerk marked as handled. A conversation with a handover that is still
 * open or assigned stays until a clerk closes it.
 */
export function createRetention(db: Database.Database, opts: RetentionOptions) {
  const now = opts.now ?? (() => new Date());
  const tables = () => new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));

  const purgeConversations = db.transaction((cutoff: string, has: Set<string>) => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS stale_conversations (id TEXT PRIMARY KEY)');
    db.exec('DELETE FROM stale_conversations');
    const activity = [
      has.has('handovers') ? 'SELECT 1 FROM handovers h WHERE h.conversation_id = c.id AND h.created_at >= @cutoff' : null,
      // A request nobody has closed yet is never deleted: a person is still waiting for an answer (issue 12).
      has.has('handovers') ? "SELECT 1 FROM handovers h WHERE h.conversation_id = c.id AND h.status <> 'closed'" : null,
      has.has('handover_replies') ? 'SELECT 1 FROM handover_replies r WHERE r.conversation_id = c.id AND r.created_at >= @cutoff' : null,
    ].filter(Boolean).map((q) => `AND NOT EXISTS (${q})`).join(' ');
    db.prepare(`INSERT INTO stale_conversations SELECT c.id FROM conversations c WHERE c.updated_at < @cutoff ${activity}`).run({ cutoff });
    const del = (sql: string) => db.prepare(sql).run().changes;
    if (has.has('question_marks')) del('DELETE FROM question_marks WHERE message_id IN (SELECT id FROM messages WHERE conversation_id IN (SELECT id FROM stale_conversations))');
    const feedback = del('DELETE FROM feedback WHERE conversation_id IN (SELECT id FROM stale_conversations)');
    const messages = del('DELETE FROM messages WHERE conversation_id IN (SELECT id FROM stale_conversations)');
    if (has.has('handover_state')) del('DELETE FROM handover_state WHERE handover_id IN (SELECT id FROM handovers WHERE conversation_id IN (SELECT id FROM stale_conversations))');
    const replies = has.has('handover_replies') ? del('DELETE FROM handover_replies WHERE conversation_id IN (SELECT id FROM stale_conversations)') : 0;
    const handovers = del('DELETE FROM handovers WHERE conversation_id IN (SELECT id FROM stale_conversations)');
    const conversations = del('DELETE FROM conversations WHERE id IN (SELECT id FROM stale_conversations)');
    db.exec('DELETE FROM stale_conversations');
    return { conversations, messages, feedback, handovers, replies };
  });

  return {
    /** Deletes everything past its time; returns how many rows of each kind went. */
    run(): RetentionResult {
      const has = tables();
      const at = now().getTime();
      const none = { conversations: 0, messages: 0, feedback: 0, handovers: 0, replies: 0 };
      const conv = opts.days > 0 && has.has('conversations') ? purgeConversations(new Date(at - opts.days * DAY).toISOString(), has) : none;
      const auditEntries = opts.auditDays > 0 && has.has('audit_log')
        ? db.prepare('DELETE FROM audit_log WHERE created_at < ?').run(new Date(at - opts.auditDays * DAY).toISOString()).changes : 0;
      // Expired sign-in sessions are of no use to anyone.
      const sessions = has.has('sessions') ? db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(new Date(at).toISOString()).changes : 0;
      return { ...conv, auditEntries, sessions };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
