import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    chatModel: BaseChatModel | null;
  }
}

type Options = Pick<AppConfig, 'llmProvider' | 'llmBaseUrl' | 'llmModel' | 'llmApiKey' | 'llmTimeoutMs'> & { model?: BaseChatModel };

/** The optional generative model. `none` (the default) loads nothing and makes no network call. */
export async function createChatModel(opts: Options): Promise<BaseChatModel | null> {
  if (opts.model) return opts.model;
  switch (opts.llmProvider) {
    case 'none':
      return null;
    case 'openai': {
      const { ChatOpenAI } = await import('@langchain/openai');
      return new ChatOpenAI({
        model: opts.llmModel ?? 'gpt-4o-mini', apiKey: opts.llmApiKey ?? 'not-needed', temperature: 0, maxRetries: 0,
        timeout: opts.llmTimeoutMs, configuration: opts.llmBaseUrl ? { baseURL: opts.llmBaseUrl } : undefined,
      });
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatOllama({ model: opts.llmModel ?? 'llama3.1', baseUrl: opts.llmBaseUrl, temperature: 0 });
    }
  }
}

export default fp<Options>(
  async (app, opts) => {
    const model = await createChatModel(opts);
    app.decorate('chatModel', model);
    if (model) app.log.info({ provider: opts.llmProvider, model: opts.llmModel }, 'LLM mode on; extractive answers remain the fallback');
  },
  { name: 'chat-model' },
);
