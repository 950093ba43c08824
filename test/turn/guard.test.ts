import { describe, expect, it } from 'vitest';
import { guard, knownNumbers } from '../../server/src/turn/steps/guard';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { context } from './turn-fakes';

const responder = { emergencyLine: () => 'In an emergency, call **112**.', answer: () => { throw new Error('unused'); } };
const deps = { crisis: { responder }, knownNumbers: knownNumbers(['112', '1733', '070 245 245'], ['Call 0800 12 800 for Unia.']) } as unknown as TurnDeps & { knownNumbers: Set<string> };
const answer = (text: string, answered = true) => ({ language: 'en', answer: text, details: null, answered, topic: null, sources: [], actors: [], handover: { offered: !answered } });

describe('guard step', () => {
  it('ends every "I don\'t know" with the emergency line, once', () => {
    const ctx = context('x', { lang: 'en' });
    ctx.answer = answer('I do not know.', false);
    ctx.mode = 'unknown';
    guard.run(ctx, deps);
    guard.run(ctx, deps);
    expect(ctx.answer!.answer).toBe('I do not know.\n\nIn an emergency, call **112**.');
  });

  it('puts the emergency line first if a crisis answer ever lost its number', () => {
    const ctx = context('x', { lang: 'en' });
    ctx.mode = 'crisis';
    ctx.crisisAnswer = { category: 'medical', cardId: null, language: 'en', text: '', actors: [], calls: [{ actorId: 'emergency-112', label: '112', number: '112', tel: 'tel:112' }] };
    ctx.answer = answer('Stay calm and wait.');
    guard.run(ctx, deps);
    expect(ctx.answer.answer.startsWith('In an emergency, call **112**.\n\nStay calm')).toBe(true);
  });

  it('replaces an LLM answer that names a number the knowledge does not hold by the extractive one', () => {
    const ctx = context('x', { lang: 'en' });
    ctx.mode = 'llm';
    ctx.extractive = 'Call 1733 at night.';
    ctx.answer = answer('Call 1733 or 02 555 12 34 at night.');
    guard.run(ctx, deps);
    expect([ctx.answer.answer, ctx.mode]).toEqual(['Call 1733 at night.', 'extractive']);
    const fine = context('x', { lang: 'en' });
    fine.mode = 'llm';
    fine.extractive = 'e';
    fine.answer = answer('Call 1733, or Unia on 0800 12 800.');
    guard.run(fine, deps);
    expect(fine.mode).toBe('llm');
  });

  it('says when the question\'s language is one we do not answer in, except above a crisis answer', () => {
    const ctx = context('x', { lang: 'en' });
    ctx.language!.note = 'Note.';
    ctx.mode = 'extractive';
    ctx.answer = answer('Body.');
    guard.run(ctx, deps);
    expect(ctx.answer.answer).toBe('Note.\n\nBody.');
  });
});
