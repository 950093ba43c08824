import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Card } from '../knowledge/knowledge-types';
import type { Actor } from '../knowledge/schemas';
import { LANGUAGE_NAMES, type Language } from '../language/languages';
import type { PromptTemplate } from '../plugins/prompts';
import { actorLine } from './create-composer';

export interface LlmComposer {
  /** A grounded answer, or null when the model fails, times out or strays; the caller then serves the extractive one. */
  generate(input: { question: string; language: Language; card: Card; extractive: string; actors: Actor[] }): Promise<string | null>;
}

// Numbers and links the model adds beyond its context are the dangerous kind of invention.
function invents(answer: string, context: string): boolean {
  const facts = answer.match(/https?:\/\/\S+|\+?\d[\d .\/-]{4,}\d|[\w.+-]+@[\w-]+\.\w+/g) ?? [];
  const normalize = (s: string) => s.replace(/[\s.\/-]/g, '').replace(/[)\].,]+$/, '');
  const haystack = normalize(context);
  return facts.some((f) => !haystack.includes(normalize(f)));
}

export function createLlmComposer(deps: { model: BaseChatModel; prompt: PromptTemplate; timeoutMs: number; log?: (msg: string, err?: unknown) => void }): LlmComposer {
  return {
    async generate({ question, language, card, extractive, actors }) {
      const text = card.texts[language] ?? card.texts.en;
      if (!text) return null;
      const cardText = [text.summary, ...text.steps.map((s) => `- ${s}`), ...text.closing].join('\n');
      const actorText = actors.map((a) => actorLine(a, language)).join('\n') || '-';
      const prompt = deps.prompt.render({
        language: LANGUAGE_NAMES[language], question, card_title: text.title, card_text: cardText, actors: actorText, extractive,
      });
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // Not every provider honours the abort signal, so the deadline is also enforced here.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`LLM answer took longer than ${deps.timeoutMs} ms`));
        }, deps.timeoutMs);
      });
      try {
        const message = await Promise.race([deps.model.invoke(prompt, { signal: controller.signal }), deadline]);
        const answer = typeof message.content === 'string' ? message.content.trim() : '';
        if (!answer || invents(answer, `${cardText}\n${actorText}\n${extractive}`)) return null;
        return answer;
      } catch (error) {
        deps.log?.('LLM answer failed; serving the extractive answer', error);
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
