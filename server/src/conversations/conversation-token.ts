import crypto from 'node:crypto';

// Issue 12: the first answer of a conversation hands the widget a per-conversation secret. Without it, a
// conversation id alone no longer lets anyone read its replies, add to it or hand it over. The token is an
// HMAC of the id, so every instance that shares the app secret can check it without a lookup.
export function createConversationTokens(key: Buffer) {
  const sign = (conversationId: string) => crypto.createHmac('sha256', key).update(conversationId).digest('base64url');
  return {
    issue: sign,
    verify(conversationId: string, token: string | null | undefined): boolean {
      if (!token) return false;
      const expected = Buffer.from(sign(conversationId));
      const given = Buffer.from(token);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}

export type ConversationTokens = ReturnType<typeof createConversationTokens>;

/** The bearer token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1] : null;
}
