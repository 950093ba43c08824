import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { createChatModel } from '../../server/src/plugins/chat-model';
import { buildTestApp } from '../helpers/test-app';

// No LLM can run here, so LLM mode is driven with LangChain's fake chat model (ARCHITECTURE.md).
async function askWith(model: FakeListChatModel, timeoutMs = 2000) {
  const app = await buildTestApp({ llmTimeoutMs: timeoutMs }, { chatModel: model });
  try {
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } });
    const row = app.db.prepare("SELECT mode FROM messages WHERE role = 'assistant' ORDER BY id DESC LIMIT 1").get() as { mode: string };
    return { body: res.json(), mode: row.mode };
  } finally {
    await app.close();
  }
}

describe('optional LLM mode', () => {
  it('serves the grounded generated answer', async () => {
    const generated = 'Go to the population service of the town hall where you live.\n\n- Bring your passport and your rental contract.';
    const { body, mode } = await askWith(new FakeListChatModel({ responses: [generated] }));
    expect(mode).toBe('llm');
    expect(body.answer).toBe(generated);
    expect(body).toMatchObject({ answered: true, topic: 'registration' });
  });

  it('falls back to the extractive answer when the model invents a phone number', async () => {
    const { body, mode } = await askWith(new FakeListChatModel({ responses: ['Call the town hall on 089 65 44 11.'] }));
    expect(mode).toBe('extractive');
    expect(body.answer).toContain('Register at the population service');
    expect(body.answer).not.toContain('089');
  });

  it('falls back to the extractive answer when the model is too slow', async () => {
    const { body, mode } = await askWith(new FakeListChatModel({ responses: ['late'], sleep: 1500 }), 200);
    expect(mode).toBe('extractive');
    expect(body.answer).toContain('Register at the population service');
  });

  it('loads no model by default and real providers only when configured', async () => {
    expect(await createChatModel({ llmProvider: 'none', llmTimeoutMs: 1000 })).toBeNull();
    const ollama = await createChatModel({ llmProvider: 'ollama', llmModel: 'llama3.1', llmBaseUrl: 'http://127.0.0.1:9', llmTimeoutMs: 1000 });
    expect(ollama?._llmType()).toBe('ollama');
    const openai = await createChatModel({ llmProvider: 'openai', llmModel: 'gpt-x', llmBaseUrl: 'http://127.0.0.1:9/v1', llmTimeoutMs: 1000 });
    expect(openai?._llmType()).toBe('openai');
  });

  it('falls back when the configured endpoint is unreachable', async () => {
    const model = await createChatModel({ llmProvider: 'openai', llmModel: 'gpt-x', llmBaseUrl: 'http://127.0.0.1:9/v1', llmApiKey: 'x', llmTimeoutMs: 1000 });
    const app = await buildTestApp({ llmTimeoutMs: 1000 }, { chatModel: model! });
    try {
      const body = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'How do I register at the town hall?', tenant: 'genk' } })).json();
      expect(body.answer).toContain('Register at the population service');
    } finally {
      await app.close();
    }
  });
});
