import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../language/languages';
import { CRISIS_CATEGORIES, type CrisisCategory } from '../safety/crisis-categories';
import { REGIONS, TRANSLATION_STATUS } from './schemas';

// knowledge/crisis/ (issue 8): the vocabulary per language, who each danger is sent to, and the answers.
const patternList = z.array(z.string().trim().min(1)).nullish().transform((v) => v ?? []);

export const crisisVocabularySchema = z.object({
  // Any ISO 639-1 code: vocabularies of languages we do not answer in still catch a person in danger.
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code'),
  ...(Object.fromEntries(CRISIS_CATEGORIES.map((c) => [c, patternList])) as Record<CrisisCategory, typeof patternList>),
  'not-crisis': patternList,
}).strict();

// knowledge/crisis/training/<lang>.yaml: example messages per kind of danger, and messages about the subject.
const examples = z.array(z.string().trim().min(1)).nullish().transform((v) => v ?? []);
export const crisisTrainingSchema = z.object({
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code'),
  ...(Object.fromEntries(CRISIS_CATEGORIES.map((c) => [c, examples])) as Record<CrisisCategory, typeof examples>),
  'not-crisis': examples,
}).strict();

// Actor and card ids are kebab-case.
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const actorIds = z.array(id).min(1);
/** A value for everywhere (`all`) and/or per region. */
function perRegion<T extends z.ZodTypeAny>(value: T) {
  return z.object({ all: value.optional(), ...(Object.fromEntries(REGIONS.map((r) => [r, value.optional()])) as Record<(typeof REGIONS)[number], z.ZodOptional<T>>) }).strict();
}

// `card`: the card that says more about these numbers, by region; a follow-up builds on it.
export const crisisRouteSchema = z.object({ lead: actorIds, then: perRegion(actorIds).optional(), card: perRegion(id).optional() }).strict();
export const crisisRoutingSchema = z.object(
  Object.fromEntries(CRISIS_CATEGORIES.map((c) => [c, crisisRouteSchema])) as Record<CrisisCategory, typeof crisisRouteSchema>,
).strict();

const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
);
export const crisisTextSchema = z.object({
  lead: z.string().min(1),
  then: z.string().min(1).optional(),
  steps: z.array(z.string().min(1)).default([]),
}).strict();

export const crisisAnswersSchema = z.object({
  language: z.enum(SUPPORTED_LANGUAGES),
  translation: z.enum(TRANSLATION_STATUS),
  reviewed: isoDate,
  emergencyLine: z.string().min(1),
  /** Last line of a crisis answer decided by the classifier alone: "not in danger? ask again in other words". */
  notInDanger: z.string().min(1),
  ...(Object.fromEntries(CRISIS_CATEGORIES.map((c) => [c, crisisTextSchema])) as Record<CrisisCategory, typeof crisisTextSchema>),
}).strict();

export type CrisisVocabularyFile = z.infer<typeof crisisVocabularySchema>;
export type CrisisRoute = z.infer<typeof crisisRouteSchema>;
export type CrisisRouting = z.infer<typeof crisisRoutingSchema>;
export type CrisisText = z.infer<typeof crisisTextSchema>;
export type CrisisAnswers = z.infer<typeof crisisAnswersSchema>;
