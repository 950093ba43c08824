import { describe, expect, it } from 'vitest';
import { runTurn, type TurnStep } from '../../server/src/turn/run-turn';
import { context } from './turn-fakes';

describe('runTurn', () => {
  it('runs the steps in order, and after a step ends the turn only those marked always', async () => {
    const ran: string[] = [];
    const step = (name: string, opts: { ends?: boolean; always?: boolean } = {}): TurnStep<null> => ({
      name, always: opts.always, run: (ctx) => { ran.push(name); if (opts.ends) ctx.ended = true; },
    });
    await runTurn(context('x'), [step('a'), step('b', { ends: true }), step('c'), step('guard', { always: true }), step('record', { always: true })], null);
    expect(ran).toEqual(['a', 'b', 'guard', 'record']);
  });
});
