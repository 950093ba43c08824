import type { TurnContext } from './turn-context';

export interface TurnStep<D> {
  name: string;
  /** Runs even after a step ended the turn (guard, record). */
  always?: boolean;
  run(ctx: TurnContext, deps: D): void | Promise<void>;
}

/**
 * Runs the steps in order over one context (after govuk-chat's pipeline runner): once a step ends the
 * turn with its answer, only the steps marked `always` still run.
 */
export async function runTurn<D>(ctx: TurnContext, steps: TurnStep<D>[], deps: D): Promise<TurnContext> {
  for (const step of steps) {
    if (ctx.ended && !step.always) continue;
    await step.run(ctx, deps);
  }
  return ctx;
}
