import type { ChatResponse, ServerFrame } from './protocol';

/** Paragraph-sized pieces: the widget shows the answer growing, and the pieces join back exactly. */
export function splitDeltas(answer: string): string[] {
  return answer.split(/(?<=\n\n)/).filter(Boolean);
}

/**
 * One answer over the WebSocket: `start`, `delta`…, `done`. An LLM answer's checked pieces are sent as the
 * model writes them (issue 13); an extractive answer is split after the fact. The deltas since the last `reset`
 * always join to the `done` frame's answer: when a later check replaced a streamed LLM answer (the guard fell
 * back to the extractive one, or added a note in front), a `reset` frame tells the client to drop what it has.
 */
export function createAnswerFrames(send: (frame: ServerFrame) => void, tokenFor: (conversationId: string) => string | undefined) {
  let started = false;
  let streamed = '';
  const start = (conversationId: string, language: string) => {
    if (started) return;
    started = true;
    const token = tokenFor(conversationId);
    send({ type: 'start', conversationId, language, ...(token ? { conversationToken: token } : {}) });
  };
  return {
    /** For `chat.ask(ask, { onDelta })`. */
    onDelta: (text: string, turn: { conversationId: string; language: string }) => {
      start(turn.conversationId, turn.language);
      streamed += text;
      send({ type: 'delta', text });
    },
    done(response: ChatResponse) {
      start(response.conversationId, response.language);
      let rest = response.answer;
      if (streamed) {
        if (response.answer.startsWith(streamed)) rest = response.answer.slice(streamed.length);
        else send({ type: 'reset' });
      }
      for (const text of splitDeltas(rest)) send({ type: 'delta', text });
      const token = tokenFor(response.conversationId);
      send({ type: 'done', ...response, ...(token ? { conversationToken: token } : {}) });
    },
  };
}
