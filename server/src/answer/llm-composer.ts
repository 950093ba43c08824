import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { redact } from '../conversations/redact';
import type { Card } from '../knowledge/knowledge-types';
import type { Actor } from '../knowledge/schemas';
import { LANGUAGE_NAMES, type Language } from '../language/languages';
import type { PromptTemplate } from '../plugins/prompts';
import { actorLine } from './create-composer';
import { createEchoCheck } from './prompt-echo';
import { knownLinks, sanitizeLlmOutput, type KnownLinks } from './sanitize-llm-output';

export interface LlmInput {
  question: string;
  language: Language;
  card: Card;
  extractive: string;
  actors: Actor[];
  /** Receives the answer in checked, sentence-sized pieces as the model writes it (WebSocket streaming). */
  onDelta?: (text: string) => void;
}

export interface LlmComposer {
  /** A grounded answer, or null when the model fails, times out or strays; the caller then serves the extractive one. */
  generate(input: LlmInput): Promise<string | null>;
}

export interface LlmComposerDeps {
  model: BaseChatModel;
  prompt: PromptTemplate;
  timeoutMs: number;
  /** No first token within this time: the model is given up on (issue 13), the extractive answer is served. */
  firstTokenMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

// Numbers and links the model adds beyond its context are the dangerous kind of invention.
function invents(answer: string, context: string): boolean {
  const facts = answer.match(/https?:\/\/\S+|\+?\d[\d ./-]{4,}\d|[\w.+-]+@[\w-]+\.\w+/g) ?? [];
  const normalize = (s: string) => s.replace(/[\s./-]/g, '').replace(/[)\].,]+$/, '');
  const haystack = normalize(context);
  return facts.some((f) => !haystack.includes(normalize(f)));
}

// A piece may be released after a sentence end or a line break; never inside a word, number or link.
const lastBoundary = (s: string) => Math.max(s.lastIndexOf('\n') + 1, ...[...s.matchAll(/[.!?:](?=\s)/g)].map((m) => m.index + 1));

class Stray extends Error {}

function chunkText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c === 'string' ? c : c?.type === 'text' ? String(c.text ?? '') : '')).join('');
  return '';
}

export function createLlmComposer(deps: LlmComposerDeps): LlmComposer {
  const echoes = createEchoCheck(deps.prompt.template);
  const firstTokenMs = Math.min(deps.firstTokenMs ?? deps.timeoutMs, deps.timeoutMs);

  /** The cleaned text, or a Stray error when the text repeats the prompt or invents a number or link. */
  function review(raw: string, known: KnownLinks, context: string): string {
    const clean = sanitizeLlmOutput(raw, known).trim();
    // Both texts: markup can hide an echo from the raw one ("Ques<b></b>tion:"), cleaning can hide one in a link.
    const echo = echoes(raw) ?? echoes(clean);
    if (echo) throw new Stray(`LLM answer ${echo}`);
    if (invents(clean, context)) throw new Stray('LLM answer names a number, address or link its context lacks');
    return clean;
  }

  return {
    async generate({ question, language, card, extractive, actors, onDelta }) {
      const text = card.texts[language] ?? card.texts.en;
      if (!text) return null;
      const cardText = [text.summary, ...text.steps.map((s) => `- ${s}`), ...text.closing].join('\n');
      const actorText = actors.map((a) => actorLine(a, language)).join('\n') || '-';
      // Only redacted words leave for the provider: the person's phone, IBAN or e-mail are not its business.
      const prompt = deps.prompt.render({
        language: LANGUAGE_NAMES[language], question: redact(question), card_title: text.title, card_text: cardText, actors: actorText, extractive,
      });
      const context = `${cardText}\n${actorText}\n${extractive}`;
      const known = knownLinks({
        urls: [...card.sources.map((s) => s.url), ...actors.flatMap((a) => (a.website ? [a.website] : []))],
        phones: actors.flatMap((a) => (a.phone ? [a.phone] : [])),
        emails: actors.flatMap((a) => (a.email ? [a.email] : [])),
        texts: [text.body, context],
      });

      const controller = new AbortController();
      const timers: NodeJS.Timeout[] = [];
      // Not every provider honours the abort signal, so the deadlines are also enforced here.
      let fail: (error: Error) => void = () => {};
      const deadline = new Promise<never>((_, reject) => (fail = reject));
      deadline.catch(() => {});
      const giveUp = (why: string) => {
        controller.abort();
        fail(new Error(why));
      };
      timers.push(setTimeout(() => giveUp(`LLM answer took longer than ${deps.timeoutMs} ms`), deps.timeoutMs));
      const firstToken = setTimeout(() => giveUp(`no first token within ${firstTokenMs} ms`), firstTokenMs);
      timers.push(firstToken);

      const run = async () => {
        let raw = '';
        let released = 0;
        let sent = '';
        for await (const chunk of await deps.model.stream(prompt, { signal: controller.signal })) {
          if (controller.signal.aborted) break;
          const piece = chunkText(chunk.content);
          // Headers and an empty role chunk are not a token: a provider can send those and then stall.
          if (!piece) continue;
          clearTimeout(firstToken);
          raw += piece;
          const cut = lastBoundary(raw);
          if (cut <= released) continue;
          released = cut;
          // Each piece is checked before it leaves; a piece the cleaning still changes waits for the whole.
          const clean = review(raw.slice(0, cut), known, context);
          if (onDelta && clean.length > sent.length && clean.startsWith(sent)) {
            onDelta(clean.slice(sent.length));
            sent = clean;
          }
        }
        if (controller.signal.aborted) throw new Error('LLM answer aborted');
        return review(raw, known, context);
      };

      try {
        const answer = await Promise.race([run(), deadline]);
        return answer || null;
      } catch (error) {
        controller.abort();
        deps.log?.('LLM answer failed; serving the extractive answer', error instanceof Stray ? error.message : error);
        return null;
      } finally {
        for (const t of timers) clearTimeout(t);
      }
    },
  };
}
