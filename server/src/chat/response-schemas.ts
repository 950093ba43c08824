import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import {
  MAX_MESSAGE_LENGTH, TOPIC_VALUES, chatRequestSchema,
  type ActorRef, type ChatResponse, type ClerkReplyRef, type HandoverResponse, type RepliesResponse, type SourceRef,
} from './protocol';

// The response shapes of the public API as zod schemas, for the OpenAPI document (plugins/openapi.ts).
// The wire types stay the interfaces in protocol.ts (the widget imports them); the checks at the bottom
// fail the typecheck as soon as a schema here and its interface disagree, so the docs cannot drift.

/** POST /api/chat as documented: the handler's schema plus the length rule the chat service enforces (413). */
export const chatRequestDocSchema = chatRequestSchema.extend({
  message: z.string().min(1).max(MAX_MESSAGE_LENGTH)
    .describe(`The question, 1–${MAX_MESSAGE_LENGTH} characters after trimming (longer: 413 \`message_too_long\`).`),
});

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe('Safe to show; never echoes the input.'),
  }),
});

const regionSchema = z.enum(['flanders', 'brussels', 'wallonia', 'german-speaking', 'federal']);

export const sourceRefSchema = z.object({ id: z.string(), title: z.string(), url: z.string().nullable() });

export const actorRefSchema = z.object({
  id: z.string(),
  name: z.string().describe('The official name (never translated).'),
  description: z.string().nullable(),
  hours: z.string().nullable(),
  region: regionSchema,
  municipality: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  languages: z.array(z.string()),
});

export const chatResponseSchema = z.object({
  conversationId: z.string(),
  messageId: z.number().int().describe('Id of the stored answer, for POST /api/feedback.'),
  language: z.string().describe('ISO 639-1 code of the answer.'),
  answer: z.string().describe('The short answer, light markdown.'),
  details: z.string().nullable().describe('The rest of the card (a "show all steps" button), or null.'),
  answered: z.boolean().describe('false: an honest "I don\'t know", with a person to ask.'),
  topic: z.enum(TOPIC_VALUES).nullable(),
  sources: z.array(sourceRefSchema),
  actors: z.array(actorRefSchema),
  handover: z.object({ offered: z.boolean() }),
  crisis: z.object({
    category: z.string(),
    calls: z.array(z.object({ label: z.string(), number: z.string(), tel: z.string() })),
  }).optional().describe('Present when the message reads as a person in danger.'),
  human: z.object({ handoverId: z.number().int() }).optional().describe('Present while a clerk answers this conversation.'),
  conversationToken: z.string().optional().describe('Only on the first answer: send it back as `Authorization: Bearer`.'),
});

export const handoverResponseSchema = z.object({ id: z.number().int(), message: z.string(), language: z.string() });

export const clerkReplySchema = z.object({ id: z.number().int(), handoverId: z.number().int(), text: z.string(), language: z.string(), at: z.string() });

export const repliesResponseSchema = z.object({
  replies: z.array(clerkReplySchema),
  handover: z.object({ id: z.number().int(), status: z.enum(['open', 'assigned', 'closed']) }).nullable(),
});

export const feedbackResponseSchema = z.object({ id: z.number().int() });

/** Error responses a public route documents (every one has the catalogue's shape). */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorResponseSchema]));

// Compile-time agreement between the documented schemas and the wire interfaces (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(value: T) => value;
agree<Same<z.output<typeof sourceRefSchema>, SourceRef>>(true);
agree<Same<z.output<typeof actorRefSchema>, ActorRef>>(true);
agree<Same<z.output<typeof chatResponseSchema>, ChatResponse>>(true);
agree<Same<z.output<typeof handoverResponseSchema>, HandoverResponse>>(true);
agree<Same<z.output<typeof clerkReplySchema>, ClerkReplyRef>>(true);
agree<Same<z.output<typeof repliesResponseSchema>, RepliesResponse>>(true);
