import { afterEach, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../server/src/conversations/conversation-store';
import { openStoreDb, type StoreDb } from '../helpers/store-db';
import { record } from '../../server/src/turn/steps/record';
import type { TurnDeps } from '../../server/src/turn/turn-deps';
import { card, context } from './turn-fakes';

let opened: StoreDb | undefined;
afterEach(async () => opened?.close());
async function storeDb() {
  opened = await openStoreDb('sqlite');
  return { db: opened.sqlite!, store: createConversationStore(opened.db) };
}

describe('record step', () => {
  it('stores the exchange redacted, with its mode, and stores a re-sent question once', async () => {
    const { db, store } = await storeDb();
    const make = () => {
      const ctx = context('call me on 0470 12 34 56 about the gp', { lang: 'en' });
      ctx.request.clientMessageId = 'm1';
      ctx.mode = 'extractive';
      ctx.query = 'gp';
      ctx.retrieval = { results: [{ card: card('health-gp'), score: 1, signals: { lexical: 1, vector: 1, coverage: 1, concepts: 0 } }], confidence: 0.8, concepts: [] };
      ctx.answer = { language: 'en', answer: 'Find a GP.', details: null, answered: true, topic: 'health', sources: [], actors: [], handover: { offered: false } };
      return ctx;
    };
    const first = make();
    await record.run(first, { store } as unknown as TurnDeps);
    const again = make();
    await record.run(again, { store } as unknown as TurnDeps);
    expect(again.messageId).toBe(first.messageId);
    const rows = db.prepare('SELECT role, text, mode, card_id, query FROM messages ORDER BY id').all();
    expect(rows).toEqual([
      { role: 'user', text: 'call me on [phone] about the gp', mode: null, card_id: null, query: null },
      { role: 'assistant', text: 'Find a GP.', mode: 'extractive', card_id: 'health-gp', query: 'gp' },
    ]);
  });

  it('records a crisis turn as such, with the card about its numbers as the subject a follow-up builds on', async () => {
    const { db, store } = await storeDb();
    const ctx = context('my son swallowed pills', { lang: 'en' });
    ctx.mode = 'crisis';
    ctx.crisisAnswer = { category: 'poisoning', cardId: 'emergency-numbers', language: 'en', text: '**Call 112 now.**', actors: [], calls: [] };
    ctx.answer = { language: 'en', answer: '**Call 112 now.**', details: null, answered: true, topic: 'emergency', sources: [], actors: [], handover: { offered: false } };
    await record.run(ctx, { store } as unknown as TurnDeps);
    expect(db.prepare("SELECT mode, card_id, query, topic FROM messages WHERE role = 'assistant'").get()).toEqual({ mode: 'crisis', card_id: 'emergency-numbers', query: 'my son swallowed pills', topic: 'emergency' });
    expect(await store.state(ctx.conversationId)).toMatchObject({ lastMode: 'crisis', lastCardId: 'emergency-numbers', lastQuery: 'my son swallowed pills' });
  });
});
