import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/**
 * Every message is checked against every language's crisis vocabulary before anything else (issue 8):
 * small talk, declines, retrieval and confidence thresholds all come after a person in danger.
 */
export const understandCrisis: TurnStep<TurnDeps> = {
  name: 'understand-crisis',
  run(ctx, deps) {
    // In a running conversation the detector is stricter (a short "and at night?" leans on the answer before it),
    // but not right after a crisis answer: the next message is as likely to be the same danger told again
    // ("he still doesn't breathe") as a question about it.
    // After "I don't know" too: "w f lil?" (and at night?) leans on the question before it just the same, though
    // an unanswered question leaves no subject behind.
    const answered = !!ctx.state?.lastQuery || ctx.state?.lastMode === 'unknown';
    const followUp = answered && ctx.state?.lastMode !== 'crisis';
    ctx.crisis = deps.crisis.detector.detect(ctx.message, { followUp });
    note(ctx, this.name, ctx.crisis
      ? `${ctx.crisis.categories.join(', ')} (${ctx.crisis.matches.slice(0, 3).map((m) => `${m.language}: "${m.pattern}"`).join('; ')})`
      : 'none');
  },
};
