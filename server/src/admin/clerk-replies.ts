import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { RTL_LANGUAGES, SUPPORTED_LANGUAGES, type Language } from '../language/languages';
import { AppError } from '../errors';

// Canned replies for clerks in all 15 languages (knowledge/clerk-replies.yaml, issue 12): a Dutch-speaking
// clerk picks one, fills in the date or the documents, and the newcomer reads it in their own language.
export const PLACEHOLDERS = ['date', 'time', 'place', 'documents', 'name', 'phone', 'url'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
const CONSOLE_LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;

const allLanguages = z.object(Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, z.string().min(1)])) as Record<Language, z.ZodString>);
const documentSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: allLanguages }).strict();
const replySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.object(Object.fromEntries(CONSOLE_LANGUAGES.map((l) => [l, z.string().min(1)])) as Record<(typeof CONSOLE_LANGUAGES)[number], z.ZodString>),
  placeholders: z.array(z.enum(PLACEHOLDERS)).default([]),
  text: allLanguages,
}).strict().superRefine((r, ctx) => {
  for (const lang of SUPPORTED_LANGUAGES) {
    const found = [...r.text[lang].matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    for (const p of r.placeholders) if (found.filter((f) => f === p).length !== 1) ctx.addIssue({ code: 'custom', path: ['text', lang], message: `must contain {${p}} exactly once` });
    for (const f of found) if (!r.placeholders.includes(f as Placeholder)) ctx.addIssue({ code: 'custom', path: ['text', lang], message: `unknown placeholder {${f}}` });
  }
});
export const clerkRepliesSchema = z.object({ documents: z.array(documentSchema).default([]), replies: z.array(replySchema).default([]) }).strict();
export type ClerkReplies = z.infer<typeof clerkRepliesSchema>;

export function loadClerkReplies(knowledgeDir: string): ClerkReplies {
  const file = path.join(knowledgeDir, 'clerk-replies.yaml');
  if (!fs.existsSync(file)) return { documents: [], replies: [] };
  return clerkRepliesSchema.parse(YAML.parse(fs.readFileSync(file, 'utf8')));
}

export const cannedValuesSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').optional(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM').optional(),
  place: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  phone: z.string().trim().regex(/^[+0-9 ()./-]{3,30}$/, 'phone must be a phone number').optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  documents: z.array(z.string()).min(1).max(12).optional(),
}).strict();
export type CannedValues = z.infer<typeof cannedValuesSchema>;

/** Dates in the reply's language; Intl knows most of ours, ISO for the rest. */
function formatDate(iso: string, lang: Language): string {
  try {
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

function joinList(items: string[], lang: Language): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The canned reply in the newcomer's language with the clerk's values; 400 when one is missing or unknown. */
export function renderCanned(replies: ClerkReplies, cannedId: string, lang: Language, values: CannedValues): string {
  const reply = replies.replies.find((r) => r.id === cannedId);
  if (!reply) throw new AppError('invalid_request', `Unknown canned reply "${cannedId}".`);
  const missing = reply.placeholders.filter((p) => values[p] === undefined);
  if (missing.length) throw new AppError('invalid_request', `Fill in: ${missing.join(', ')}.`);
  const docs = new Map(replies.documents.map((d) => [d.id, d]));
  const filled: Record<string, string> = {};
  for (const p of reply.placeholders) {
    if (p === 'date') filled.date = formatDate(values.date!, lang);
    else if (p === 'documents') {
      const unknown = values.documents!.filter((d) => !docs.has(d));
      if (unknown.length) throw new AppError('invalid_request', `Unknown document(s): ${unknown.join(', ')}.`);
      filled.documents = joinList(values.documents!.map((d) => docs.get(d)!.text[lang]), lang);
    } else filled[p] = String(values[p]);
  }
  return reply.text[lang].replace(/\{(\w+)\}/g, (_, k: string) => isolate(filled[k] ?? '', lang));
}

/**
 * In a right-to-left reply, a value typed in Latin letters ("Stadhuis Genk, loket 3") is wrapped in Unicode
 * isolates (FSI … PDI) so that the bidi algorithm keeps it in one piece however the line wraps.
 */
export function isolate(value: string, lang: string): string {
  return value && RTL_LANGUAGES.has(lang) ? `\u2068${value}\u2069` : value;
}
