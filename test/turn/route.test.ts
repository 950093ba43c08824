import { describe, expect, it } from 'vitest';
import { createCrisisResponder } from '../../server/src/safety/crisis-answer';
import { route } from '../../server/src/turn/steps/route';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { fixtureKnowledge } from '../helpers/fixture-knowledge';
import { context, GENK } from './turn-fakes';

const kb = fixtureKnowledge();
const deps = { crisis: { detector: null as never, responder: createCrisisResponder({ routing: kb.crisis.routing!, answers: kb.crisis.answers, actors: kb.actors }) } } as unknown as TurnDeps;
const place = { mention: null, named: false, region: 'flanders' as const, tenant: GENK, key: null };

describe('route step', () => {
  it('ends the turn with the crisis answer before anything else, whatever else the message looks like', () => {
    const ctx = context('hello, i want to kill myself', { lang: 'en' });
    ctx.place = { ...place, wording: ctx.message };
    ctx.crisis = { categories: ['suicide'], matches: [] };
    ctx.smallTalk = { kind: 'greeting', langs: ['en'] };
    route.run(ctx, deps);
    expect(ctx.ended).toBe(true);
    expect(ctx.mode).toBe('crisis');
    expect(ctx.answer!.answer.startsWith('**If you or someone else is in danger now, call 112.**')).toBe(true);
    expect(ctx.answer!.crisis!.calls.map((c) => c.tel)).toEqual(['tel:112', 'tel:1813']);
    expect(ctx.answer!.answer).not.toContain('Write your question again');
  });

  it('ends a crisis answer only the classifier saw with how to get an ordinary answer, numbers still first', () => {
    const ctx = context('he is outside the door again with the thing from last time', { lang: 'en' });
    ctx.place = { ...place, wording: ctx.message };
    ctx.crisis = { categories: ['violence'], matches: [{ category: 'violence', language: 'classifier', pattern: 'p=0.91', strong: false, certain: false }] };
    route.run(ctx, deps);
    expect(ctx.answer!.answer.startsWith('**If you are in danger now, call 112')).toBe(true);
    expect(ctx.answer!.answer.trim().endsWith('Write your question again in other words and I will answer it.')).toBe(true);
  });

  it('answers small talk, then a lone place name with the menu, and sends the rest to retrieval', () => {
    const talk = context('thanks!', { lang: 'en' });
    talk.place = { ...place, wording: 'thanks!' };
    talk.smallTalk = { kind: 'thanks', langs: ['en'] };
    route.run(talk, deps);
    expect([talk.mode, talk.ended]).toEqual(['small-talk', true]);

    const lone = context('Genk', { lang: 'en' });
    lone.place = { ...place, wording: '' };
    route.run(lone, deps);
    expect([lone.mode, lone.ended]).toEqual(['menu', true]);

    const question = context('how do I register?', { lang: 'en' });
    question.place = { ...place, wording: 'how do I register?' };
    route.run(question, deps);
    expect([question.route, question.ended]).toEqual(['answer', false]);
  });
});
