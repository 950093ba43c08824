import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app';

// Issue 13, finding 3: personal data was stored as typed in messages.text, messages.query, feedback comments
// and handover notes. Everything a newcomer types goes through the app here, then the rows are read back.
const PERSONAL = [
  '(0470) 12 34 56', '+32 (0)470 12 34 56', 'be68539007547034', 'BE68-5390-0754-7034', '591-1234567-53',
  'Stationsstraat 12', 'jan(at)example.be', 'amina.k@example.com', '85.07.30-033.28', '4111 1111 1111 1111', 'EH123456', 'Amina El Amrani', '12/03/1985',
];
/** What is left of the personal data: any piece as typed, or a run of five digits once separators are gone. */
const leaks = (text: string) => [...PERSONAL.filter((p) => text.includes(p)), ...(text.replace(/[\s()./-]/g, '').match(/\d{5,}/g) ?? [])];

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => app?.close());

describe('stored text holds no personal data', () => {
  it('redacts the question, the retrieval query, a feedback comment and a handover note, and keeps the contact as given', async () => {
    const question = 'My name is Amina El Amrani, born 12/03/1985. How do I register at the town hall? I live at Stationsstraat 12, 3600 Genk. '
      + 'Call me on (0470) 12 34 56 or +32 (0)470 12 34 56, mail jan(at)example.be. IBAN be68539007547034, eID 591-1234567-53, passport EH123456.';
    const first = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: question, tenant: 'genk' } });
    expect(first.statusCode).toBe(200);
    const { conversationId, conversationToken, messageId } = first.json();
    // A follow-up builds its query on the last one, so the stored query is checked on both turns.
    const second = await app.inject({
      method: 'POST', url: '/api/chat', headers: { authorization: `Bearer ${conversationToken}` },
      payload: { message: 'And with card 4111 1111 1111 1111 and number 85.07.30-033.28, where do I register?', tenant: 'genk', conversationId },
    });
    expect(second.statusCode).toBe(200);

    const feedback = await app.inject({
      method: 'POST', url: '/api/feedback',
      payload: { conversationId, messageId, helpful: false, comment: 'Not helpful, write to amina.k@example.com or BE68-5390-0754-7034' },
    });
    expect(feedback.statusCode).toBe(201);
    const handover = await app.inject({
      method: 'POST', url: '/api/handover', headers: { authorization: `Bearer ${conversationToken}` },
      payload: { conversationId, tenant: 'genk', language: 'en', contact: '+32 (0)470 12 34 56', note: 'Please call (0470) 12 34 56, I live at Stationsstraat 12' },
    });
    expect(handover.statusCode).toBe(201);

    const messages = app.db.prepare('SELECT role, text, query FROM messages WHERE conversation_id = ? ORDER BY id').all(conversationId) as { role: string; text: string; query: string | null }[];
    const userTexts = messages.filter((m) => m.role === 'user').map((m) => m.text);
    const queries = messages.map((m) => m.query).filter((q): q is string => !!q);
    expect(userTexts).toHaveLength(2);
    expect(queries.length).toBeGreaterThan(0);
    const { comment } = app.db.prepare('SELECT comment FROM feedback WHERE conversation_id = ?').get(conversationId) as { comment: string };
    const { note, contact } = app.db.prepare('SELECT note, contact FROM handovers WHERE conversation_id = ?').get(conversationId) as { note: string; contact: string };

    for (const text of [...userTexts, ...queries, comment, note]) expect(leaks(text), text).toEqual([]);
    expect(userTexts[0]).toContain('[name]');
    expect(userTexts[0]).toContain('[birth-date]');
    expect(userTexts[0]).toContain('[address], 3600 Genk');
    expect(userTexts[0]).toContain('[phone] or [phone]');
    expect(userTexts[0]).toContain('[email]');
    expect(userTexts[0]).toContain('IBAN [iban]');
    expect(userTexts[0]).toContain('eID [document-number]');
    expect(userTexts[1]).toContain('card [card]');
    expect(userTexts[1]).toContain('[national-number]');
    expect(comment).toBe('Not helpful, write to [email] or [iban]');
    expect(note).toBe('Please call [phone], I live at [address]');
    // The person left the contact so that someone can reach them: it is kept (and deleted with the handover).
    expect(contact).toBe('+32 (0)470 12 34 56');
  });

  it('still answers the question behind the personal data', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall? My phone is 0470 12 34 56', tenant: 'genk' } });
    expect(res.json()).toMatchObject({ answered: true, topic: 'registration' });
  });
});
