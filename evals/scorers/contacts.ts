import type { KnowledgeCorpus } from './corpus';
import { normUrl } from './corpus';

const URL_RE = /https?:\/\/[^\s)\]>"'*]+/g;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// A number as people write phone numbers and amounts: digit groups joined by space, dot, slash or dash.
const NUMBER_RE = /\+?\d+(?:[ ./-]\d+)*/g;
// Host names shown as link text ("1030.be") are part of the link, not numbers.
const HOST_RE = /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\b/gu;
const strip = (text: string) => text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ').replace(HOST_RE, ' ');

/** Digits only, with Belgium's +32 written as the national 0 prefix, so "+32 2 …" meets "02 …". */
export function numberKey(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return raw.trim().startsWith('+32') ? `0${digits.slice(2)}` : digits.startsWith('0032') ? `0${digits.slice(4)}` : digits;
}

export interface Contacts {
  urls: string[];
  emails: string[];
  /** Number keys with at least three digits (phone numbers, emergency numbers, amounts). */
  numbers: string[];
}

export function extractContacts(text: string): Contacts {
  const urls = text.match(URL_RE) ?? [];
  const emails = text.match(EMAIL_RE) ?? [];
  // Numbers inside URLs and e-mail addresses are part of those, not numbers of their own.
  const rest = strip(text);
  const numbers: string[] = [];
  for (const m of rest.match(NUMBER_RE) ?? []) {
    const key = numberKey(m);
    if (key.length >= 3) numbers.push(key);
    // "call 112 or 1733" style runs: also register each group on its own.
    for (const g of m.split(/[ ./-]/)) if (g.replace(/\D/g, '').length >= 3 && g !== m) numbers.push(numberKey(g));
  }
  return { urls, emails, numbers };
}

/** Phone numbers, e-mail addresses, URLs and other 3+-digit numbers in an answer that appear nowhere in the knowledge. */
export function inventedContacts(answer: string, corpus: Pick<KnowledgeCorpus, 'contacts'>): string[] {
  const found = extractContacts(answer);
  const bad: string[] = [];
  for (const u of found.urls) if (!corpus.contacts.urls.has(normUrl(u))) bad.push(u);
  for (const e of found.emails) if (!corpus.contacts.emails.has(e.toLowerCase())) bad.push(e);
  const text = strip(answer);
  for (const m of text.match(NUMBER_RE) ?? []) {
    const key = numberKey(m);
    if (key.length < 3 || corpus.contacts.numbers.has(key)) continue;
    // A run of known numbers ("112 1733") is fine when every group is known.
    const groups = m.split(/[ ./-]/).map(numberKey).filter((g) => g.length >= 3);
    if (groups.length > 1 && groups.every((g) => corpus.contacts.numbers.has(g)) && m.split(/[ ./-]/).every((g) => g.replace(/\D/g, '').length >= 3)) continue;
    bad.push(m.trim());
  }
  return bad;
}
