import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp, tempDir } from '../helpers/test-app';

describe('conversations survive a restart', () => {
  it('continues the same conversation after the app is rebuilt on the same data folder', async () => {
    const dataDir = tempDir();
    try {
      let app = await buildTestApp({ dataDir });
      const first = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'كيف أسجل في البلدية؟', tenant: 'genk' } })).json();
      await app.close();

      app = await buildTestApp({ dataDir });
      // A two-word follow-up keeps Arabic only because the stored conversation remembers it.
      const second = (await app.inject({ method: 'POST', url: '/api/chat', headers: { authorization: `Bearer ${first.conversationToken}` }, payload: { message: 'ok mutuelle', tenant: 'genk', conversationId: first.conversationId } })).json();
      expect(second.language).toBe('ar');
      const count = app.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(first.conversationId) as { n: number };
      expect(count.n).toBe(4);
      await app.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
