import type { HandoverResponse, RepliesResponse } from '../../server/src/chat/protocol';

// The small REST calls: feedback and handover (questions go through connection.ts).

async function call<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST', credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}
const post = <T>(url: string, body: unknown, token?: string) => call<T>(url, body, token);

export const sendFeedback = (origin: string, conversationId: string, messageId: number, helpful: boolean) =>
  post<{ id: number }>(`${origin}/api/feedback`, { conversationId, messageId, helpful });

export const requestHandover = (origin: string, token: string | undefined, body: { conversationId: string; tenant: string; language: string; contact?: string }) =>
  post<HandoverResponse>(`${origin}/api/handover`, body, token);

/** Clerk replies the widget has not shown yet (its next visit, or no socket). */
export const fetchReplies = (origin: string, conversationId: string, token: string, after: number) =>
  call<RepliesResponse>(`${origin}/api/conversations/${encodeURIComponent(conversationId)}/replies?after=${after}`, undefined, token);
