import { z } from 'zod';
import { TOPIC_VALUES } from '../../server/src/chat/protocol';
import { ACTOR_REGIONS, REGIONS, type Region } from '../../server/src/knowledge/schemas';
import { SUPPORTED_LANGUAGES } from '../../server/src/language/languages';

// The gold-set format (docs/evals.md). One JSON object per line in evals/datasets/*.jsonl.
export const DATASETS = ['core', 'out-of-scope', 'adversarial', 'multi-turn', 'language-id', 'blind'] as const;
export type DatasetName = (typeof DATASETS)[number];

const lang = z.enum(SUPPORTED_LANGUAGES);
export const TAGS = [
  'paraphrase', 'typo', 'code-mixed', 'short', 'follow-up', 'out-of-scope', 'injection', 'pii', 'long-story',
  'abuse', 'other-country', 'unrelated', 'not-covered', 'place-named', 'colloquial', 'formal', 'question-word',
  'small-talk', 'region-switch', 'language-switch', 'greeting', 'thanks', 'keyword', 'latin-script',
  'dialect', 'story', 'unsupported-language', 'no-override',
] as const;

/** What a follow-up turn asks about, relative to the previous answer (issue 9). */
export const FACETS = ['cost', 'documents', 'deadline', 'hours', 'where', 'eligible', 'children', 'another-language', 'another-place', 'new-topic'] as const;

export const expectSchema = z.object({
  topics: z.array(z.enum(TOPIC_VALUES)).default([]),
  cards: z.array(z.string()).default([]),
  answered: z.boolean(),
  actors: z.array(z.string()).default([]),
  actorRegions: z.array(z.enum(ACTOR_REGIONS)).default([]),
  language: lang,
}).strict().refine((e) => !e.answered || e.topics.length > 0, 'answered cases need at least one topic')
  .refine((e) => e.answered || e.cards.length === 0, 'unanswered cases list no cards');

// The language a question is written in: one of ours, or any other ISO 639-1 code (unsupported-language cases).
const questionLang = z.string().regex(/^[a-z]{2}$/);

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  tenant: z.string().min(1),
  lang: questionLang,
  /** Region the question is about when it names another place; defaults to the tenant's region. */
  region: z.enum(REGIONS).optional(),
  tags: z.array(z.enum(TAGS)).default([]),
  parallel_id: z.string().optional(),
  must_include: z.array(z.string().min(1)).default([]),
  must_not_include: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
};

export const singleCaseSchema = z.object({ ...base, question: z.string().min(1).max(2000), expect: expectSchema }).strict();

export const turnSchema = z.object({
  question: z.string().min(1).max(2000),
  lang: questionLang,
  facet: z.enum(FACETS).optional(),
  region: z.enum(REGIONS).optional(),
  expect: expectSchema,
  must_include: z.array(z.string().min(1)).default([]),
  must_not_include: z.array(z.string().min(1)).default([]),
}).strict();

export const multiTurnCaseSchema = z.object({ ...base, turns: z.array(turnSchema).min(2).max(6) }).strict();

export const langIdCaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  text: z.string().min(1).max(60),
  lang,
  tags: z.array(z.enum(TAGS)).default([]),
}).strict().refine((c) => c.text.trim().split(/\s+/).length <= 3, 'language-ID messages have 1–3 words');

export type Expect = z.infer<typeof expectSchema>;
export type SingleCase = z.infer<typeof singleCaseSchema>;
export type MultiTurnCase = z.infer<typeof multiTurnCaseSchema>;
export type LangIdCase = z.infer<typeof langIdCaseSchema>;

/** One question to ask, flattened: a single case, or one turn of a conversation. */
export interface AskCase {
  id: string;
  dataset: DatasetName;
  conversation: string | null;
  turn: number;
  tenant: string;
  question: string;
  lang: string;
  /** For follow-up turns: what the turn asks about (blind set). */
  facet?: string;
  region: Region | null;
  expect: Expect;
  tags: string[];
  parallelId: string | null;
  mustInclude: string[];
  mustNotInclude: string[];
}
