import { describe, expect, it } from 'vitest';
import { createCrisisResponder } from '../../server/src/safety/crisis-answer';
import { realKnowledge } from '../helpers/fixture-knowledge';

describe('crisis answer with two categories', () => {
  const kb = realKnowledge();
  const responder = createCrisisResponder({ routing: kb.crisis.routing!, answers: kb.crisis.answers, actors: kb.actors });

  it("puts the second category's own line in the number strip before the first category's further lines", () => {
    const answer = responder.answer(['child-danger', 'violence'], 'brussels', 'en');
    const strip = answer.text.split('\n\n')[1];
    const numbers = [...strip.matchAll(/\*\*([\d ]+)\*\*/g)].map((m) => m[1]);
    expect(numbers.slice(0, 2)).toEqual(['112', '116 000']);
    expect(numbers).toContain('0800 30 030');
    expect(numbers.indexOf('0800 30 030')).toBeLessThan(numbers.indexOf('101'));
    expect(answer.calls.map((c) => c.number).slice(0, numbers.length)).toEqual(numbers);
  });

  it('names the card that says more about the numbers where the person lives (a follow-up builds on it)', () => {
    expect(responder.answer(['poisoning'], 'wallonia', 'fr').cardId).toBe('emergency-numbers');
    expect(responder.answer(['suicide'], 'flanders', 'nl').cardId).toBe('emergency-crisis-lines-flanders');
    expect(responder.answer(['suicide'], 'brussels', 'fr').cardId).toBe('emergency-crisis-lines-french');
    expect(responder.answer(['violence'], 'german-speaking', 'de').cardId).toBe('emergency-violence-helplines');
  });

  it('keeps one category\'s order as routed: its lead numbers, then its lines', () => {
    const answer = responder.answer(['violence'], 'flanders', 'nl');
    expect(answer.calls.map((c) => c.number).slice(0, 3)).toEqual(['112', '101', '1712']);
  });
});
