import { z } from 'zod';

// The wire contract (docs/api.md). The widget imports the types from here, so both ends agree.
export const MAX_MESSAGE_LENGTH = 2000;
export const TOPIC_VALUES = [
  'registration', 'civic-integration', 'language-courses', 'housing', 'health', 'employment', 'welfare',
  'education', 'social-participation', 'legal-help', 'emergency', 'other',
] as const;

export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');

export const chatRequestSchema = z.object({
  message: z.string({ error: 'message must be a string' }),
  tenant: z.string().trim().min(1).max(120).optional(),
  language: z.string().regex(/^[A-Za-z]{2}(-[A-Za-z]{2})?$/, 'language must be an ISO 639-1 code').optional(),
  conversationId: conversationIdSchema.optional(),
  /** The client's id for this question: a question re-sent after a dropped connection is answered, not stored twice. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientMessageId must be 1–64 letters, digits, - or _').optional(),
});

/** Over the WebSocket the conversation token travels in the frame (a socket has no per-message headers). */
export const askFrameSchema = chatRequestSchema.extend({ type: z.literal('ask'), conversationToken: z.string().max(100).optional() });

/** Live clerk replies for a conversation, and the ones missed since reply id `after` (issue 12). */
export const subscribeFrameSchema = z.object({
  type: z.literal('subscribe'),
  conversationId: conversationIdSchema,
  conversationToken: z.string().max(100),
  after: z.number().int().min(0).default(0),
});

export const feedbackRequestSchema = z.object({
  conversationId: conversationIdSchema,
  messageId: z.number().int().positive(),
  helpful: z.boolean(),
  comment: z.string().max(1000).optional(),
});

export const handoverRequestSchema = z.object({
  conversationId: conversationIdSchema,
  tenant: z.string().trim().min(1).max(120).optional(),
  language: z.string().regex(/^[A-Za-z]{2}$/).optional(),
  contact: z.string().trim().max(200).optional(),
  note: z.string().trim().max(2000).optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
export type HandoverRequest = z.infer<typeof handoverRequestSchema>;
export type Topic = (typeof TOPIC_VALUES)[number];

export interface SourceRef {
  id: string;
  title: string;
  url: string | null;
}

export interface ActorRef {
  id: string;
  /** The official name (never translated). */
  name: string;
  /** What they do for you, in the answer language (null when not written yet). */
  description: string | null;
  /** Opening hours in the answer language, when known. */
  hours: string | null;
  region: 'flanders' | 'brussels' | 'wallonia' | 'german-speaking' | 'federal';
  municipality: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  languages: string[];
}

/** A number to call, shown by the widget as a large tappable `tel:` button above a crisis answer. */
export interface CrisisCallRef {
  label: string;
  number: string;
  tel: string;
}

export interface ChatResponse {
  conversationId: string;
  /** Id of the stored answer, for POST /api/feedback. */
  messageId: number;
  language: string;
  /** The short answer: what answers the question first (markdown). */
  answer: string;
  /** The rest of the card, for a "show all steps" button (markdown), or null. */
  details: string | null;
  answered: boolean;
  topic: Topic | null;
  sources: SourceRef[];
  actors: ActorRef[];
  handover: { offered: boolean };
  /** Present when the message was read as a person in danger: the answer leads with these numbers. */
  crisis?: { category: string; calls: CrisisCallRef[] };
  /** Present while a person (a clerk) answers this conversation: the message went to them (issue 12). */
  human?: { handoverId: number };
  /** Only on the first answer of a conversation: the secret the widget sends back as `Authorization: Bearer`. */
  conversationToken?: string;
}

export interface HandoverResponse {
  id: number;
  message: string;
  language: string;
}

export type ClientFrame = z.input<typeof askFrameSchema> | z.input<typeof subscribeFrameSchema>;

/** A clerk's reply as the widget receives it (REST and WebSocket). */
export interface ClerkReplyRef {
  id: number;
  handoverId: number;
  text: string;
  language: string;
  at: string;
}

export interface RepliesResponse {
  replies: ClerkReplyRef[];
  /** The conversation's latest handover and whether a person is answering it. */
  handover: { id: number; status: 'open' | 'assigned' | 'closed' } | null;
}

export type ServerFrame =
  | { type: 'start'; conversationId: string; language: string; conversationToken?: string }
  | { type: 'reply'; id: number; handoverId: number; text: string; language: string; at: string }
  | { type: 'handover'; handoverId: number; status: 'assigned' | 'closed' }
  | { type: 'delta'; text: string }
  /** The streamed deltas so far are void (a check replaced the LLM answer): the deltas that follow start over. */
  | { type: 'reset' }
  | ({ type: 'done' } & ChatResponse)
  | { type: 'error'; code: string; message: string };

export interface ErrorBody {
  error: { code: string; message: string };
}
