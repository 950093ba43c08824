import { describe, expect, it } from 'vitest';
import { understandIntent } from '../../server/src/turn/steps/understand-intent';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { context } from './turn-fakes';

describe('understand-intent step', () => {
  it('recognises greetings and thanks in our languages, and leaves questions alone', () => {
    const hello = context('merhaba');
    understandIntent.run(hello, {} as TurnDeps);
    expect(hello.smallTalk).toMatchObject({ kind: 'greeting', langs: ['tr'] });
    const question = context('hello, how do I register?');
    understandIntent.run(question, {} as TurnDeps);
    expect(question.smallTalk).toBeNull();
  });
});
