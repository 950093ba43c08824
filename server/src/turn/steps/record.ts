import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/** Stores the exchange, redacted, with the mode that says why it ended as it did (a crisis is countable). */
export const record: TurnStep<TurnDeps> = {
  name: 'record',
  always: true,
  async run(ctx, deps) {
    const answer = ctx.answer!;
    const clientMessageId = ctx.request.clientMessageId ?? null;
    // A question re-sent after a dropped connection gets its answer again, but is stored only once.
    const already = clientMessageId ? await deps.store.answeredClientMessage(ctx.conversationId, clientMessageId) : null;
    if (already !== null) {
      ctx.messageId = already;
      note(ctx, this.name, `already stored as ${already}`);
      return;
    }
    const top = ctx.retrieval?.results[0];
    const fromCard = answer.answered && (ctx.mode === 'extractive' || ctx.mode === 'llm');
    // After a crisis answer, "and does it cost anything?" asks about the numbers just given: the card that says
    // more about them is the subject a follow-up builds on, and the message is its query.
    const crisisCard = ctx.mode === 'crisis' ? ctx.crisisAnswer?.cardId ?? null : null;
    // Resolves once the question and the answer are committed: only then is the answer sent (acknowledged).
    ctx.messageId = await deps.store.recordExchange({
      conversationId: ctx.conversationId, tenant: ctx.tenant.slug, question: ctx.message, answer: answer.answer,
      language: ctx.answerLanguage ?? answer.language, topic: answer.topic, cardId: fromCard && top ? top.card.id : crisisCard,
      sources: answer.sources, actors: answer.actors.map((a) => a.id), confidence: ctx.confidence, answered: answer.answered,
      mode: ctx.mode ?? 'unknown', query: fromCard ? ctx.query : crisisCard ? ctx.message : null, place: ctx.place?.key ?? null, clientMessageId,
    });
    note(ctx, this.name, `stored as ${ctx.messageId} (${ctx.mode})`);
  },
};
