import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../language/languages';

export const REGIONS = ['flanders', 'brussels', 'wallonia', 'german-speaking'] as const;
export const ACTOR_REGIONS = [...REGIONS, 'federal'] as const;
export const TOPICS = [
  'registration', 'civic-integration', 'language-courses', 'housing', 'health', 'employment', 'welfare',
  'education', 'social-participation', 'legal-help', 'emergency', 'other',
] as const;
export const PROVINCES = [
  'antwerp', 'limburg', 'east-flanders', 'west-flanders', 'flemish-brabant', 'walloon-brabant', 'hainaut',
  'liege', 'luxembourg', 'namur',
] as const;
export const ACTOR_TYPES = [
  'public-service', 'town-hall', 'welfare-centre', 'integration-agency', 'language-school',
  'employment-service', 'health-insurance', 'health-service', 'housing', 'legal', 'education', 'ngo',
  'platform', 'programme', 'other',
] as const;
export const TRANSLATION_STATUS = ['source', 'reviewed', 'machine-assisted'] as const;
/** What a part of a card answers (issue 10): an answer leads with the part that answers the question. */
export const FACETS = ['what', 'who', 'how', 'documents', 'cost', 'deadline', 'where', 'hours', 'exceptions'] as const;
/** What an organisation does for people, so that a card can name "the population service" of any town. */
export const ACTOR_ROLES = [
  'population-service', 'welfare-centre', 'integration-office', 'language-course-intake', 'job-service', 'legal-aid',
  'housing-help', 'school-enrolment', 'childcare', 'health-insurance', 'mental-health', 'diploma-recognition', 'welcome-point',
] as const;
export const COURSE_LEVELS = ['literacy', 'A1', 'A2', 'B1', 'B2', 'C1'] as const;
export const COURSE_FORMATS = ['day', 'evening', 'weekend', 'online'] as const;

export type Region = (typeof REGIONS)[number];
export type ActorRegion = (typeof ACTOR_REGIONS)[number];
export type Topic = (typeof TOPICS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case');
const language = z.enum(SUPPORTED_LANGUAGES);
// YAML turns bare dates into Date objects; accept both and keep ISO strings.
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
);
export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const nullableString = z.string().trim().min(1).nullish().transform((v) => v ?? null);

export const sourceSchema = z.object({ title: z.string().min(1), url: httpUrl });

export const cardMetaSchema = z.object({
  id: slug,
  topic: z.enum(TOPICS),
  regions: z.array(z.enum([...REGIONS, 'all'])).min(1),
  municipalities: z.array(slug).default([]),
  concepts: z.array(slug).default([]),
  /** Ranking prior: below 1 for niche or catch-all cards that should win only when clearly asked for. */
  weight: z.number().min(0.1).max(2).default(1),
  /** The organisations that help with this card, by id or by role (`role:population-service`): only these are shown. */
  actors: z.array(z.union([slug, z.string().regex(/^role:[a-z-]+$/, 'must be an actor id or role:<role>')])).default([]),
  /** Facets of each part of the text, the same in every language (issue 10). */
  parts: z.object({
    summary: z.array(z.enum(FACETS)).min(1).default(['what']),
    steps: z.array(z.array(z.enum(FACETS)).min(1)).default([]),
    closing: z.array(z.array(z.enum(FACETS)).min(1)).default([]),
  }).optional(),
  /** Whose organisations to show when they differ from the card's topic (a driving-licence card → the town hall). */
  actorTopics: z.array(z.enum(TOPICS)).optional(),
  complete: z.boolean().default(false),
  reviewed: isoDate,
  sources: z.array(sourceSchema).min(1, 'every card names at least one source'),
  /** Per language: its status, or `{ status, by, on }` to record who reviewed it and when (issue 11). */
  translations: z.partialRecord(language, z.union([
    z.enum(TRANSLATION_STATUS).transform((status) => ({ status, by: null, on: null })),
    z.object({
      status: z.enum(TRANSLATION_STATUS),
      by: z.string().trim().min(1).nullish().transform((v) => v ?? null),
      on: isoDate.nullish().transform((v) => v ?? null),
    }).strict(),
  ])),
});

export const cardTextMetaSchema = z.object({
  title: z.string().min(1),
  questions: z.array(z.string().min(1)).default([]),
});

// Belgian numbers as people write them: +32 …, 0… or short codes such as 112 and 1813.
const phone = z
  .string()
  .regex(/^(\+?\d[\d ./-]{1,18}\d|\d{3,4})$/, 'must be a phone number (digits, spaces, + . / -)')
  .nullish()
  .transform((v) => v ?? null);
const email = z.email({ message: 'must be an email address' }).nullish().transform((v) => v ?? null);

export const courseSchema = z.object({
  language: z.enum(['nl', 'fr', 'de', 'en']),
  levels: z.array(z.enum(COURSE_LEVELS)).min(1),
  formats: z.array(z.enum(COURSE_FORMATS)).nullish().transform((v) => v ?? []),
  childcare: z.boolean().nullish().transform((v) => v ?? null),
  cost: nullableString,
  intake: nullableString,
});

export const actorSchema = z.object({
  id: slug,
  name: z.string().min(1),
  names: z.partialRecord(z.enum([...SUPPORTED_LANGUAGES]), z.string().min(1)).default({}),
  type: z.enum(ACTOR_TYPES),
  topics: z.array(z.enum(TOPICS)).min(1),
  region: z.enum(ACTOR_REGIONS),
  /** Regions served beyond the home region (a Dutch-language helpline also answers in Brussels). */
  alsoRegions: z.array(z.enum(REGIONS)).nullish().transform((v) => v ?? []),
  province: z.enum(PROVINCES).nullish().transform((v) => v ?? null),
  municipalities: z.array(slug).nullish().transform((v) => v ?? []),
  excludeMunicipalities: z.array(slug).nullish().transform((v) => v ?? []),
  area: nullableString,
  address: nullableString,
  phone,
  email,
  website: httpUrl.nullish().transform((v) => v ?? null),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).nullish().transform((v) => v ?? []),
  /** Opening hours: one text, or one per language (issue 10: never English inside another language). */
  hours: z.union([z.string().trim().min(1), z.partialRecord(z.enum([...SUPPORTED_LANGUAGES]), z.string().min(1))]).nullish().transform((v) => v ?? null),
  /** What the organisation does for people, by role (a card can name `role:population-service`). */
  roles: z.array(z.enum(ACTOR_ROLES)).nullish().transform((v) => v ?? []),
  /** One line per language: what they do for you (issue 10). */
  descriptions: z.partialRecord(z.enum([...SUPPORTED_LANGUAGES]), z.string().min(1)).default({}),
  sources: z.array(sourceSchema).min(1, 'every actor names at least one source'),
  courses: z.array(courseSchema).nullish().transform((v) => v ?? []),
  /** When someone last checked these details (the clerk's console sets it; issue 12). */
  verified: isoDate.nullish().transform((v) => v ?? null),
});

export const glossaryConceptSchema = z.object({
  id: slug,
  topic: z.enum(TOPICS).nullish().transform((v) => v ?? null),
  /** `decline`: a request Welcome Desk must not try to answer from cards (someone's personal file, other people's data). */
  intent: z.enum(['decline']).optional(),
  terms: z.partialRecord(language, z.array(z.string().min(1)).min(1)),
});

export const municipalityRowSchema = z.object({
  nis: z.string().regex(/^\d{5}$/, 'must be a 5-digit NIS code'),
  slug,
  name_nl: z.string(),
  name_fr: z.string(),
  name_de: z.string(),
  name_en: z.string(),
  region: z.enum(REGIONS),
  province: z.union([z.enum(PROVINCES), z.literal('')]),
  lat: z.coerce.number().min(49.4).max(51.6),
  lon: z.coerce.number().min(2.5).max(6.5),
});

const inlineContact = z.object({
  name: z.string().min(1),
  website: httpUrl.nullish().transform((v) => v ?? null),
  phone,
  email,
  address: nullableString,
});

export const tenantOverrideSchema = z.object({
  slug,
  demo: z.boolean().default(false),
  welcome: z.union([z.object({ actor: slug }), inlineContact]).optional(),
  allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/]+$/, 'must be an origin like https://www.example.be')).default([]),
  aliases: z.array(z.string().min(1)).default([]),
});

export type CardMeta = z.infer<typeof cardMetaSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Course = z.infer<typeof courseSchema>;
export type GlossaryConcept = z.infer<typeof glossaryConceptSchema>;
export type MunicipalityRow = z.infer<typeof municipalityRowSchema>;
export type TenantOverride = z.infer<typeof tenantOverrideSchema>;
