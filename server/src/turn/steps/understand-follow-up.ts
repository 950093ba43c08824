import type { ConversationState } from '../../conversations/conversation-store';
import { tokenize } from '../../retrieval/text-normalize';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

const FOLLOW_UP_MAX_WORDS = 6;

export function isFollowUp(message: string, state: ConversationState | null): boolean {
  return !!state?.lastQuery && tokenize(message).length <= FOLLOW_UP_MAX_WORDS;
}

/** A short message after an answer builds on it ("and in Brussels?", "what does it cost?"). */
export const understandFollowUp: TurnStep<TurnDeps> = {
  name: 'understand-follow-up',
  run(ctx) {
    ctx.followUp = isFollowUp(ctx.message, ctx.state);
    note(ctx, this.name, ctx.followUp ? `follows up on "${ctx.state?.lastTopic ?? '?'}"` : 'new question');
  },
};
