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
    ctx.crisis = deps.crisis.detector.detect(ctx.message, { followUp: !!ctx.state?.lastQuery });
    note(ctx, this.name, ctx.crisis
      ? `${ctx.crisis.categories.join(', ')} (${ctx.crisis.matches.slice(0, 3).map((m) => `${m.language}: "${m.pattern}"`).join('; ')})`
      : 'none');
  },
};
