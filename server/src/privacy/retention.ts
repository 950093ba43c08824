import type { Db } from '../db/database';

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
 * open or assigned stays until a clerk closes it. Runs on SQLite and PostgreSQL (issue 14); with several
 * instances each runs it, which is harmless: a second run finds nothing left to delete.
 */
export function createRetention(db: Db, opts: RetentionOptions) {
  const now = opts.now ?? (() => new Date());
  // Ids go into IN lists in slices: SQLite and PostgreSQL both cap the parameters of one statement.
  const SLICE = 500;

  async function purgeConversations(cutoff: string): Promise<Omit<RetentionResult, 'auditEntries' | 'sessions'>> {
    return db.transaction().execute(async (trx) => {
      const stale = (await trx.selectFrom('conversations as c').select('c.id')
        .where('c.updated_at', '<', cutoff)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('handovers as h').select('h.id').whereRef('h.conversation_id', '=', 'c.id')
          // A request nobody has closed yet is never deleted: a person is still waiting for an answer (issue 12).
          .where((w) => w.or([w('h.created_at', '>=', cutoff), w('h.status', '<>', 'closed')])))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('handover_replies as r').select('r.id').whereRef('r.conversation_id', '=', 'c.id').where('r.created_at', '>=', cutoff))))
        .execute()).map((r) => r.id);
      const total = { conversations: 0, messages: 0, feedback: 0, handovers: 0, replies: 0 };
      const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
      for (let i = 0; i < stale.length; i += SLICE) {
        const ids = stale.slice(i, i + SLICE);
        const messages = trx.selectFrom('messages').select('id').where('conversation_id', 'in', ids);
        const handovers = trx.selectFrom('handovers').select('id').where('conversation_id', 'in', ids);
        await trx.deleteFrom('question_marks').where('message_id', 'in', messages).executeTakeFirst();
        total.feedback += n(await trx.deleteFrom('feedback').where('conversation_id', 'in', ids).executeTakeFirst());
        total.messages += n(await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst());
        await trx.deleteFrom('handover_state').where('handover_id', 'in', handovers).executeTakeFirst();
        total.replies += n(await trx.deleteFrom('handover_replies').where('conversation_id', 'in', ids).executeTakeFirst());
        total.handovers += n(await trx.deleteFrom('handovers').where('conversation_id', 'in', ids).executeTakeFirst());
        total.conversations += n(await trx.deleteFrom('conversations').where('id', 'in', ids).executeTakeFirst());
      }
      return total;
    });
  }

  return {
    /** Deletes everything past its time; returns how many rows of each kind went. */
    async run(): Promise<RetentionResult> {
      const at = now().getTime();
      const none = { conversations: 0, messages: 0, feedback: 0, handovers: 0, replies: 0 };
      const conv = opts.days > 0 ? await purgeConversations(new Date(at - opts.days * DAY).toISOString()) : none;
      const auditEntries = opts.auditDays > 0
        ? Number((await db.deleteFrom('audit_log').where('created_at', '<', new Date(at - opts.auditDays * DAY).toISOString()).executeTakeFirst()).numDeletedRows) : 0;
      // Expired sign-in sessions are of no use to anyone.
      const sessions = Number((await db.deleteFrom('sessions').where('expires_at', '<', new Date(at).toISOString()).executeTakeFirst()).numDeletedRows);
      return { ...conv, auditEntries, sessions };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
