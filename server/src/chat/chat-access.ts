import { AppError } from '../errors';
import type { ConversationStore } from '../conversations/conversation-store';
import type { ConversationTokens } from '../conversations/conversation-token';
import type { ChatResult } from './create-chat-service';
import type { ChatRequest, ChatResponse } from './protocol';

/** What a client sees of a turn: everything but the trace (shared by REST and WebSocket). */
export function publicResponse(result: ChatResult): ChatResponse {
  const { trace: _trace, ...response } = result;
  return response;
}

/**
 * Issue 12: asking in an existing conversation needs its token. The one exception is a question re-sent with
 * the same clientMessageId (its first answer, and so the token, may have been lost with the connection).
 * Returns whether the conversation is new, in which case the answer hands out the token.
 */
export async function checkConversationAccess(ask: ChatRequest, token: string | null, store: ConversationStore, tokens: ConversationTokens): Promise<{ isNew: boolean; replay: boolean }> {
  if (!ask.conversationId) return { isNew: true, replay: false };
  const state = await store.state(ask.conversationId);
  if (!state) return { isNew: true, replay: false };
  if (tokens.verify(ask.conversationId, token)) return { isNew: false, replay: false };
  if (ask.clientMessageId && (await store.answeredClientMessage(ask.conversationId, ask.clientMessageId)) !== null) return { isNew: false, replay: true };
  throw new AppError('invalid_token');
}
