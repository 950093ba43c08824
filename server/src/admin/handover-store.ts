import type { Db } from '../db/database';
import type { ClerkReply } from './reply-bus';

export type HandoverStatus = 'open' | 'assigned' | 'closed';

export interface HandoverSummary {
  id: number;
  conversationId: string;
  tenant: string;
  language: string | null;
  topic: string | null;
  status: HandoverStatus;
  assigneeId: number | null;
  contact: string | null;
  note: string | null;
  createdAt: string;
  firstReplyAt: string | null;
  closedAt: string | null;
}

export interface TranscriptLine {
  id: number;
  role: 'user' | 'assistant' | 'clerk';
  text: string;
  language: string | null;
  at: string;
}

const now = () => new Date().toISOString();

/** The handover inbox (issue 12): requests, who took them, replies and closing. Tenant checks are the caller's. */
export function createHandoverStore(db: Db) {
  const base = () => db.selectFrom('handovers as h')
    .leftJoin('handover_state as s', 's.handover_id', 'h.id')
    .select(['h.id', 'h.conversation_id', 'h.tenant', 'h.language', 'h.contact', 'h.note', 'h.status', 'h.created_at', 's.assignee_id', 's.first_reply_at', 's.closed_at'])
    .select((eb) => eb.selectFrom('messages as m').select('m.topic').whereRef('m.conversation_id', '=', 'h.conversation_id').where('m.topic', 'is not', null).orderBy('m.id', 'desc').limit(1).as('topic'));

  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const toSummary = (r: Row): HandoverSummary => ({
    id: r.id, conversationId: r.conversation_id, tenant: r.tenant, language: r.language, topic: r.topic ?? null,
    status: r.status as HandoverStatus, assigneeId: r.assignee_id ?? null, contact: r.contact, note: r.note, createdAt: r.created_at,
    firstReplyAt: r.first_reply_at ?? null, closedAt: r.closed_at ?? null,
  });

  async function ensureState(handoverId: number) {
    await db.insertInto('handover_state').values({ handover_id: handoverId, assignee_id: null, assigned_at: null, first_reply_at: null, closed_at: null, closed_by: null })
      .onConflict((oc) => oc.column('handover_id').doNothing()).execute();
  }

  return {
    /** Requests per status, all municipalities (the handovers gauge on /metrics, issue 13). */
    async countByStatus(): Promise<Record<HandoverStatus, number>> {
      const rows = await db.selectFrom('handovers').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const counts: Record<HandoverStatus, number> = { open: 0, assigned: 0, closed: 0 };
      for (const r of rows) if (r.status in counts) counts[r.status as HandoverStatus] = Number(r.n);
      return counts;
    },

    async list(tenants: string[] | 'all', status: HandoverStatus | 'all' = 'open', limit = 200): Promise<HandoverSummary[]> {
      let q = base();
      if (tenants !== 'all') q = q.where('h.tenant', 'in', tenants.length ? tenants : ['']);
      if (status !== 'all') q = q.where('h.status', '=', status);
      return (await q.orderBy('h.id', 'desc').limit(limit).execute()).map(toSummary);
    },

    async get(id: number): Promise<HandoverSummary | null> {
      const row = await base().where('h.id', '=', id).executeTakeFirst();
      return row ? toSummary(row) : null;
    },

    /** The conversation as the clerk sees it: stored (redacted) questions, answers and clerk replies, in order. */
    async transcript(conversationId: string): Promise<TranscriptLine[]> {
      const messages = await db.selectFrom('messages').select(['id', 'role', 'text', 'language', 'created_at']).where('conversation_id', '=', conversationId).orderBy('id').execute();
      const replies = await db.selectFrom('handover_replies').select(['id', 'text', 'language', 'created_at']).where('conversation_id', '=', conversationId).orderBy('id').execute();
      return [
        ...messages.map((m) => ({ id: m.id, role: m.role, text: m.text, language: m.language, at: m.created_at })),
        ...replies.map((r) => ({ id: r.id, role: 'clerk' as const, text: r.text, language: r.language, at: r.created_at })),
      ].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
    },

    async assign(id: number, userId: number): Promise<void> {
      await ensureState(id);
      await db.updateTable('handover_state').set({ assignee_id: userId, assigned_at: now() }).where('handover_id', '=', id).execute();
      await db.updateTable('handovers').set({ status: 'assigned' }).where('id', '=', id).where('status', '=', 'open').execute();
    },

    /** Stores a reply first (so it is never lost), then the caller publishes it. */
    async addReply(h: HandoverSummary, input: { text: string; language: string; authorId: number | null; cannedId: string | null }): Promise<ClerkReply> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('handover_replies').values({
          handover_id: h.id, conversation_id: h.conversationId, author_id: input.authorId, text: input.text, language: input.language, canned_id: input.cannedId, created_at: at,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('handover_state').values({ handover_id: h.id, assignee_id: input.authorId, assigned_at: at, first_reply_at: at, closed_at: null, closed_by: null })
          .onConflict((oc) => oc.column('handover_id').doUpdateSet((eb) => ({
            first_reply_at: eb.fn.coalesce('handover_state.first_reply_at', eb.val(at)),
            assignee_id: eb.fn.coalesce('handover_state.assignee_id', eb.val(input.authorId)),
          }))).execute();
        await trx.updateTable('handovers').set({ status: 'assigned' }).where('id', '=', h.id).where('status', '=', 'open').execute();
        return { id, handoverId: h.id, conversationId: h.conversationId, text: input.text, language: input.language, at };
      });
    },

    async close(id: number, userId: number | null): Promise<void> {
      await ensureState(id);
      await db.updateTable('handover_state').set({ closed_at: now(), closed_by: userId }).where('handover_id', '=', id).execute();
      await db.updateTable('handovers').set({ status: 'closed' }).where('id', '=', id).execute();
    },

    /** Replies the widget has not shown yet (after its last seen reply id). */
    async repliesFor(conversationId: string, afterId = 0): Promise<ClerkReply[]> {
      const rows = await db.selectFrom('handover_replies').selectAll().where('conversation_id', '=', conversationId).where('id', '>', afterId).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, handoverId: r.handover_id, conversationId: r.conversation_id, text: r.text, language: r.language, at: r.created_at }));
    },

    /** The conversation's handover that a person is answering (assigned, not closed), if any. */
    async activeFor(conversationId: string): Promise<HandoverSummary | null> {
      const row = await base().where('h.conversation_id', '=', conversationId).where('h.status', '=', 'assigned').orderBy('h.id', 'desc').executeTakeFirst();
      return row ? toSummary(row) : null;
    },

    async latestFor(conversationId: string): Promise<HandoverSummary | null> {
      const row = await base().where('h.conversation_id', '=', conversationId).orderBy('h.id', 'desc').executeTakeFirst();
      return row ? toSummary(row) : null;
    },
  };
}

export type HandoverStore = ReturnType<typeof createHandoverStore>;
