import { smallTalk } from '../../answer/small-talk';
import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

/** What kind of message it is beyond danger: a greeting, a thank-you, a goodbye, or a question. */
export const understandIntent: TurnStep<TurnDeps> = {
  name: 'understand-intent',
  run(ctx) {
    ctx.smallTalk = smallTalk(ctx.message);
    note(ctx, this.name, ctx.smallTalk ? `small talk: ${ctx.smallTalk.kind}` : 'question');
  },
};
