import type { HandoverResponse } from '../../server/src/chat/protocol';

// The small REST calls: feedback and handover (questions go through connection.ts).

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

export const sendFeedback = (origin: string, conversationId: string, messageId: number, helpful: boolean) =>
  post<{ id: number }>(`${origin}/api/feedback`, { conversationId, messageId, helpful });

export const requestHandover = (origin: string, body: { conversationId: string; tenant: string; language: string; contact?: string }) =>
  post<HandoverResponse>(`${origin}/api/handover`, body);
