import type { TurnStep } from '../run-turn';
import type { TurnDeps } from '../turn-deps';
import { note } from '../turn-context';

// A crisis answer's number must be seen before anything else on a phone screen (issue 8).
export const CRISIS_LEAD_CHARS = 200;
const PHONE_RE = /(?<![\w/])(?:\+32\s?|0)\d[\d ./-]{5,14}\d|(?<![\w/.-])1\d{2,3}(?![\w/-])/g;
const digitsOf = (s: string) => s.replace(/\D/g, '').replace(/^32/, '0');

/**
 * Last checks before an answer leaves: a crisis answer leads with its number, every "I don't know"
 * ends with the emergency line, an LLM answer names no number the knowledge does not hold (otherwise the
 * extractive answer is served), and a note says when the question's language is not one we answer in.
 */
export const guard: TurnStep<TurnDeps & { knownNumbers: ReadonlySet<string> }> = {
  name: 'guard',
  always: true,
  run(ctx, deps) {
    const answer = ctx.answer;
    if (!answer) return;
    const lang = ctx.answerLanguage ?? ctx.language?.lang ?? 'en';
    const checks: string[] = [];
    if (ctx.mode === 'crisis') {
      const lead = ctx.crisisAnswer?.calls[0]?.number;
      if (!lead || !answer.answer.slice(0, CRISIS_LEAD_CHARS).includes(lead)) {
        answer.answer = `${deps.crisis.responder.emergencyLine(lang)}\n\n${answer.answer}`;
        checks.push('lead number was missing: emergency line put first');
      } else checks.push(`leads with ${lead}`);
    }
    if (ctx.mode === 'llm' && ctx.extractive) {
      const unknown = (answer.answer.match(PHONE_RE) ?? []).filter((n) => !deps.knownNumbers.has(digitsOf(n)));
      if (unknown.length) {
        answer.answer = ctx.extractive;
        ctx.mode = 'extractive';
        checks.push(`LLM named unknown numbers (${unknown.join(', ')}): extractive answer served`);
      }
    }
    if (!answer.answered) {
      const line = deps.crisis.responder.emergencyLine(lang);
      if (!answer.answer.trimEnd().endsWith(line)) answer.answer = `${answer.answer.trimEnd()}\n\n${line}`;
      checks.push('ends with the emergency line');
    }
    if (ctx.language?.note && ctx.mode !== 'crisis') {
      answer.answer = `${ctx.language.note}\n\n${answer.answer}`;
      checks.push('unsupported-language note');
    }
    note(ctx, this.name, checks.join('; ') || 'ok');
  },
};

/** Every phone number the knowledge holds, as digits: the only numbers an answer may contain. */
export function knownNumbers(phones: Iterable<string>, texts: Iterable<string>): Set<string> {
  const known = new Set<string>();
  for (const p of phones) known.add(digitsOf(p));
  for (const t of texts) for (const m of t.match(PHONE_RE) ?? []) known.add(digitsOf(m));
  return known;
}
