import { sql } from 'kysely';
import type { Db } from '../db/database';
import { groupQuestions, type UnansweredQuestion } from './question-groups';

// What the console shows about how the assistant is doing (issue 12): questions it could not answer (or
// answered unsure), feedback, and figures per day, topic and language.

/** Below this confidence an answered question is listed as "low confidence". */
export const LOW_CONFIDENCE = 0.45;
// Modes that are not answers from the knowledge: they never count as unanswered.
const NOT_QUESTIONS = ['crisis', 'human', 'small-talk', 'menu'];

// The question an answer answers: the conversation's last user message before it. Not "a.id - 1": on PostgreSQL
// two instances storing exchanges at once draw ids from one sequence, so a question and its answer need not be
// consecutive (issue 14).
const questionOf = sql<number>`(SELECT max(p.id) FROM messages p WHERE p.conversation_id = a.conversation_id AND p.role = 'user' AND p.id < a.id)`;

const sinceDays = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export function createInsightStore(db: Db) {
  async function unansweredRows(tenants: string[] | 'all', days: number): Promise<UnansweredQuestion[]> {
    let q = db.selectFrom('messages as a')
      .innerJoin('messages as u', (j) => j.onRef('u.conversation_id', '=', 'a.conversation_id').on('u.id', '=', questionOf))
      .innerJoin('conversations as c', 'c.id', 'a.conversation_id')
      .leftJoin('question_marks as qm', 'qm.message_id', 'a.id')
      .select(['a.id as messageId', 'a.conversation_id as conversationId', 'c.tenant as tenant', 'u.text as text', 'u.language as language', 'a.answered as answered', 'a.confidence as confidence', 'a.created_at as at', 'qm.message_id as handledId'])
      .where('a.role', '=', 'assistant')
      .where('u.role', '=', 'user')
      .where('a.created_at', '>=', sinceDays(days))
      .where((eb) => eb.or([eb('a.mode', 'is', null), eb('a.mode', 'not in', NOT_QUESTIONS)]))
      .where((eb) => eb.or([eb('a.answered', '=', 0), eb('a.confidence', '<', LOW_CONFIDENCE)]));
    if (tenants !== 'all') q = q.where('c.tenant', 'in', tenants.length ? tenants : ['']);
    const rows = await q.orderBy('a.id', 'desc').limit(3000).execute();
    return rows.map((r) => ({
      messageId: r.messageId, conversationId: r.conversationId, tenant: r.tenant, text: r.text, language: r.language,
      answered: r.answered === 1, confidence: r.confidence, at: r.at, handled: r.handledId !== null,
    }));
  }

  return {
    unansweredRows,
    async unanswered(tenants: string[] | 'all', days = 90) {
      return groupQuestions(await unansweredRows(tenants, days));
    },

    /** Marks questions as handled; returns the ids that belong to the given municipalities. */
    async markHandled(messageIds: number[], tenants: string[] | 'all', userId: number | null): Promise<number[]> {
      if (!messageIds.length) return [];
      let q = db.selectFrom('messages as a').innerJoin('conversations as c', 'c.id', 'a.conversation_id').select(['a.id', 'c.tenant']).where('a.id', 'in', messageIds).where('a.role', '=', 'assistant');
      if (tenants !== 'all') q = q.where('c.tenant', 'in', tenants.length ? tenants : ['']);
      const rows = await q.execute();
      const at = new Date().toISOString();
      for (const r of rows) {
        await db.insertInto('question_marks').values({ message_id: r.id, tenant: r.tenant, handled_by: userId, handled_at: at }).onConflict((oc) => oc.column('message_id').doNothing()).execute();
      }
      return rows.map((r) => r.id);
    },

    async feedback(tenants: string[] | 'all', days = 90) {
      let q = db.selectFrom('feedback as f')
        .innerJoin('messages as a', 'a.id', 'f.message_id')
        .innerJoin('conversations as c', 'c.id', 'f.conversation_id')
        .leftJoin('messages as u', (j) => j.onRef('u.conversation_id', '=', 'a.conversation_id').on('u.id', '=', questionOf))
        .select(['f.id', 'f.helpful', 'f.comment', 'f.created_at as at', 'c.tenant', 'a.language', 'a.topic', 'a.card_id as cardId', 'u.text as question'])
        .where('f.created_at', '>=', sinceDays(days));
      if (tenants !== 'all') q = q.where('c.tenant', 'in', tenants.length ? tenants : ['']);
      const rows = await q.orderBy('f.id', 'desc').limit(1000).execute();
      return rows.map((r) => ({ ...r, helpful: r.helpful === 1 }));
    },

    /** Figures for the console's charts. */
    async stats(tenants: string[] | 'all', days = 30) {
      const since = sinceDays(days);
      const scope = <T extends { where: (...a: never[]) => T }>(q: T, column: string): T => (tenants === 'all' ? q : (q.where as (c: string, op: string, v: string[]) => T)(column, 'in', tenants.length ? tenants : ['']));
      const answers = await scope(db.selectFrom('messages as a').innerJoin('conversations as c', 'c.id', 'a.conversation_id')
        .select(['a.created_at', 'a.language', 'a.topic', 'a.answered', 'a.mode'])
        .where('a.role', '=', 'assistant').where('a.created_at', '>=', since), 'c.tenant').execute();
      const perDay = new Map<string, { day: string; questions: number; answered: number; unanswered: number }>();
      const byTopic: Record<string, number> = {};
      const byLanguage: Record<string, number> = {};
      for (const a of answers) {
        if (a.mode && NOT_QUESTIONS.includes(a.mode) && a.mode !== 'crisis') continue;
        const day = a.created_at.slice(0, 10);
        const d = perDay.get(day) ?? { day, questions: 0, answered: 0, unanswered: 0 };
        d.questions++;
        if (a.answered) d.answered++;
        else d.unanswered++;
        perDay.set(day, d);
        byTopic[a.topic ?? 'none'] = (byTopic[a.topic ?? 'none'] ?? 0) + 1;
        byLanguage[a.language ?? '?'] = (byLanguage[a.language ?? '?'] ?? 0) + 1;
      }
      const handovers = await scope(db.selectFrom('handovers as h').leftJoin('handover_state as s', 's.handover_id', 'h.id')
        .select(['h.status', 'h.created_at', 's.first_reply_at']).where('h.created_at', '>=', since), 'h.tenant').execute();
      const waits = handovers.filter((h) => h.first_reply_at).map((h) => (Date.parse(h.first_reply_at!) - Date.parse(h.created_at)) / 60_000).sort((a, b) => a - b);
      const feedback = await this.feedback(tenants, days);
      const fb = (key: 'topic' | 'language') => {
        const out: Record<string, { helpful: number; notHelpful: number }> = {};
        for (const f of feedback) {
          const k = f[key] ?? 'none';
          out[k] ??= { helpful: 0, notHelpful: 0 };
          if (f.helpful) out[k].helpful++;
          else out[k].notHelpful++;
        }
        return out;
      };
      return {
        days: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
        byTopic, byLanguage,
        handovers: {
          open: handovers.filter((h) => h.status === 'open').length,
          assigned: handovers.filter((h) => h.status === 'assigned').length,
          closed: handovers.filter((h) => h.status === 'closed').length,
          medianMinutesToFirstReply: waits.length ? Math.round(waits[Math.floor(waits.length / 2)]) : null,
        },
        feedback: { byTopic: fb('topic'), byLanguage: fb('language') },
      };
    },
  };
}

export type InsightStore = ReturnType<typeof createInsightStore>;
