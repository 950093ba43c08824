import type { ChatResult } from '../../server/src/chat/create-chat-service';
import { SUPPORTED_LANGUAGES } from '../../server/src/language/languages';
import type { KnowledgeBase } from '../../server/src/knowledge/knowledge-types';
import type { TenantRegistry } from '../../server/src/tenants/tenant-registry';
import { scoreCase, type CaseScore } from '../scorers/case-score';
import { buildCorpus } from '../scorers/corpus';
import { computeMetrics, coreOk, type MetricSet } from '../scorers/metrics';
import { loadBlind } from './load-blind';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface BlindPipeline {
  chat: { ask(request: { message: string; tenant: string; conversationId?: string }): Promise<ChatResult> };
  tenants: TenantRegistry;
  knowledge: KnowledgeBase;
}

export interface GroupFigures {
  n: number;
  /** Right abstention, right topic, card in the top 3, right language: what an outside check calls fully right. */
  fullyRight: number;
  topic: number | null;
  hit1: number | null;
  abstentionF1: number | null;
  language: number;
}

export interface BlindRun {
  cases: number;
  errors: string[];
  overall: MetricSet;
  fullyRight: number;
  byLanguage: Record<string, GroupFigures>;
  byTag: Record<string, GroupFigures>;
  /** Median length of first answers (not follow-ups) that answered. */
  medianFirstAnswerChars: number | null;
  scores: CaseScore[];
}

/** Unsupported languages are reported together: a handful of each. */
const groupOf = (lang: string) => ((SUPPORTED_LANGUAGES as readonly string[]).includes(lang) ? lang : 'unsupported');

function figures(xs: CaseScore[]): GroupFigures {
  const m = computeMetrics(xs);
  return {
    n: xs.length, fullyRight: xs.filter(coreOk).length / xs.length,
    topic: m.topicAccuracy.value, hit1: m.hit1.value, abstentionF1: m.abstentionF1.value, language: m.answerLanguage.value ?? 0,
  };
}

/** Every blind question through a pipeline (today's or an older one), scored like the gold sets. */
export async function runBlind(p: BlindPipeline, opts: { onProgress?: (done: number, total: number) => void; dir?: string } = {}): Promise<BlindRun> {
  const { cases, errors } = loadBlind(opts.dir);
  const corpus = buildCorpus(p.knowledge);
  const scores: CaseScore[] = [];
  for (const c of cases) {
    const tenant = p.tenants.resolve(c.tenant);
    if (!tenant) {
      errors.push(`${c.id}: unknown tenant ${c.tenant}`);
      continue;
    }
    const started = performance.now();
    const conversationId = c.conversation ? `blind-${c.conversation}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) : undefined;
    // Answering is synchronous work behind promises: without a macrotask turn now and then, a long run
    // starves timers (vitest's RPC gives up after 60 s without one).
    if (scores.length % 20 === 19) await nextTurn();
    const r = await p.chat.ask({ message: c.question, tenant: c.tenant, conversationId });
    const s = scoreCase(c, r, tenant.region, corpus, performance.now() - started);
    s.lang = groupOf(c.lang);
    scores.push(s);
    opts.onProgress?.(scores.length, cases.length);
  }
  const byLanguage = Object.fromEntries([...new Set(scores.map((s) => s.lang))].sort().map((l) => [l, figures(scores.filter((s) => s.lang === l))]));
  const tags = [...new Set(scores.flatMap((s) => s.tags))].sort();
  const byTag = Object.fromEntries(tags.map((t) => [t, figures(scores.filter((s) => s.tags.includes(t)))]));
  // First answers from a card, without the organisation list the widget shows as cards (as the gold sets measure).
  const firsts = scores.filter((s) => s.firstAnswer).map((s) => s.answerChars).sort((a, b) => a - b);
  return {
    cases: scores.length, errors, overall: computeMetrics(scores), fullyRight: scores.filter(coreOk).length / scores.length,
    byLanguage, byTag, medianFirstAnswerChars: firsts.length ? firsts[Math.floor(firsts.length / 2)] : null, scores,
  };
}

/** What issue 9 asks of the blind test; reported on every run (docs/evals.md says which are met). */
export const BLIND_TARGETS = { topic: 0.92, hit1: 0.85, abstentionF1: 0.9, language: 0.99, worstLanguageTopic: 0.85 };

/**
 * What CI enforces today: just under the figures measured when the blind test was last reported, so that
 * no change makes the product worse on questions nobody tuned it for. Raise them with the product; never
 * lower them to make a change pass. They are not derived from the blind test's failures.
 */
// History: lowered once on 2026-12-07 (topic 0.86, abstention F1 0.70; docs/evals.md "Gates lowered once"),
// raised again the same day to just under topic 0.895, abstention F1 0.820 and the worst language's topic 0.819
// after a second writer's training questions; raised on the seventh session of 2026-12-07 to just under topic
// 0.911, hit@1 0.873, abstention F1 0.835, language 0.976 and the worst language's topic 0.857 after a third
// writer's training questions.
export const BLIND_GATES = { topic: 0.9, hit1: 0.86, abstentionF1: 0.82, language: 0.97, worstLanguageTopic: 0.84 };

export function blindGate(run: BlindRun, gates = BLIND_GATES) {
  const supported = Object.entries(run.byLanguage).filter(([l]) => l !== 'unsupported');
  const worst = Math.min(...supported.map(([, f]) => f.topic ?? 1));
  const checks = [
    { name: `topic ≥ ${gates.topic}`, value: run.overall.topicAccuracy.value ?? 0, ok: (run.overall.topicAccuracy.value ?? 0) >= gates.topic },
    { name: `card hit@1 ≥ ${gates.hit1}`, value: run.overall.hit1.value ?? 0, ok: (run.overall.hit1.value ?? 0) >= gates.hit1 },
    { name: `abstention F1 ≥ ${gates.abstentionF1}`, value: run.overall.abstentionF1.value ?? 0, ok: (run.overall.abstentionF1.value ?? 0) >= gates.abstentionF1 },
    { name: `answer language ≥ ${gates.language}`, value: run.overall.answerLanguage.value ?? 0, ok: (run.overall.answerLanguage.value ?? 0) >= gates.language },
    { name: `topic in the worst language ≥ ${gates.worstLanguageTopic}`, value: worst, ok: worst >= gates.worstLanguageTopic },
  ];
  return checks;
}
