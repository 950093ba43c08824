import type { ConversationState } from '../../conversations/conversation-store';
import { tokenize } from '../../retrieval/text-normalize';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

const FOLLOW_UP_MAX_WORDS = 6;
// Longer messages count as a follow-up only when the facet model is sure they ask one more thing about
// the same subject ("and how much does it cost if I am on the OCMW?").
const FACET_FOLLOW_UP_MAX_WORDS = 12;
const FACET_SURE = 0.6;

export function isFollowUp(message: string, state: ConversationState | null): boolean {
  return !!state?.lastQuery && tokenize(message).length <= FOLLOW_UP_MAX_WORDS;
}

/**
 * A short message after an answer builds on it ("and in Brussels?", "what does it cost?"). The facet model
 * says what it asks about: one more part of the same subject, the same for another language or place, or
 * a new subject.
 */
export const understandFollowUp: TurnStep<TurnDeps> = {
  name: 'understand-follow-up',
  run(ctx, deps) {
    ctx.followUp = isFollowUp(ctx.message, ctx.state);
    const words = tokenize(ctx.message).length;
    // Right after an emergency answer a person keeps asking about that emergency ("et ça coûte quelque chose
    // d'appeler ?" after a poisoning answer): a message of up to 12 words builds on it unless the facet model
    // is sure it starts a new subject, so that the emergency's own card answers rather than any card that
    // happens to match the words.
    const afterCrisis = ctx.state?.lastMode === 'crisis';
    if (ctx.state?.lastQuery && deps.questionModel?.facets && words <= FACET_FOLLOW_UP_MAX_WORDS) {
      const facet = deps.questionModel.facets.classify(ctx.message);
      const sureNew = facet.facet === 'new-topic' && facet.p >= FACET_SURE;
      if (ctx.followUp || (facet.facet !== 'new-topic' && facet.p >= FACET_SURE) || (afterCrisis && !sureNew)) {
        ctx.followUp = true;
        ctx.facet = facet;
      }
    }
    note(ctx, this.name, ctx.followUp
      ? `follows up on "${ctx.state?.lastTopic ?? '?'}"${ctx.facet ? `: ${ctx.facet.facet} (${ctx.facet.p.toFixed(2)})` : ''}`
      : 'new question');
  },
};
