import { describe, expect, it } from 'vitest';
import { createAnswerFrames } from '../../server/src/chat/answer-frames';
import type { ChatResponse, ServerFrame } from '../../server/src/chat/protocol';

const response = (answer: string) => ({ conversationId: 'c1', messageId: 1, language: 'en', answer }) as ChatResponse;
const turn = { conversationId: 'c1', language: 'en' };

function run(deltas: string[], final: string, token?: string) {
  const sent: ServerFrame[] = [];
  const frames = createAnswerFrames((f) => sent.push(f), () => token);
  for (const d of deltas) frames.onDelta(d, turn);
  frames.done(response(final));
  return sent;
}
const texts = (fs: ServerFrame[]) => fs.filter((f) => f.type === 'delta').map((f) => (f as { text: string }).text);

describe('createAnswerFrames', () => {
  it('splits an answer that was not streamed into paragraph deltas after one start', () => {
    const sent = run([], 'One.\n\nTwo.', 'tok');
    expect(sent.map((f) => f.type)).toEqual(['start', 'delta', 'delta', 'done']);
    expect(sent[0]).toMatchObject({ conversationId: 'c1', conversationToken: 'tok' });
    expect(sent.at(-1)).toMatchObject({ answer: 'One.\n\nTwo.', conversationToken: 'tok' });
  });

  it('starts once before the first streamed piece and sends only what is left at the end', () => {
    const sent = run(['One.', ' Two.'], 'One. Two.\n\nThree.');
    expect(sent.map((f) => f.type).filter((t) => t !== 'delta')).toEqual(['start', 'done']);
    expect(texts(sent).slice(0, 2)).toEqual(['One.', ' Two.']);
    expect(texts(sent).join('')).toBe('One. Two.\n\nThree.');
  });

  it('resets when the final answer does not continue what was streamed', () => {
    const sent = run(['One.', ' Two.'], 'Something else.');
    const reset = sent.findIndex((f) => f.type === 'reset');
    expect(reset).toBe(3);
    expect(texts(sent.slice(reset)).join('')).toBe('Something else.');
  });
});
