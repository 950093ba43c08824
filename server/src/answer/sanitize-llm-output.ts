import { decodeHTML } from 'entities';

/**
 * The link targets an LLM answer may keep (issue 13, finding 4): only those the knowledge in its prompt holds —
 * the card's sources and links, the organisations' websites, phones and e-mail addresses.
 */
export interface KnownLinks {
  urls: ReadonlySet<string>;
  /** Digits only, a leading +32 read as 0. */
  phones: ReadonlySet<string>;
  emails: ReadonlySet<string>;
}

const URL_RE = /https?:\/\/[^\s<>()[\]"'`]+/gi;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const TRAILING_PUNCT = /[.,;:!?'"»]+$/;

export function normalizeUrl(raw: string): string | null {
  try {
    const u = new URL(raw.replace(TRAILING_PUNCT, ''));
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`.toLowerCase();
  } catch {
    return null;
  }
}

const phoneKey = (raw: string) => raw.replace(/\D/g, '').replace(/^(?:00)?32/, '0');

/** Collects the allowed targets from explicit fields and from every URL written in the given texts. */
export function knownLinks(input: { urls?: Iterable<string>; phones?: Iterable<string>; emails?: Iterable<string>; texts?: Iterable<string> }): KnownLinks {
  const urls = new Set<string>();
  const emails = new Set<string>();
  const addUrl = (u: string) => {
    const n = normalizeUrl(u);
    if (n) urls.add(n);
  };
  for (const u of input.urls ?? []) addUrl(u);
  for (const e of input.emails ?? []) emails.add(e.toLowerCase());
  for (const t of input.texts ?? []) {
    for (const m of t.match(URL_RE) ?? []) addUrl(m);
    for (const m of t.match(EMAIL_RE) ?? []) emails.add(m.toLowerCase());
  }
  const phones = new Set([...(input.phones ?? [])].map(phoneKey).filter(Boolean));
  return { urls, phones, emails };
}

/** Whether a link target may stay: http(s), tel: and mailto: that the knowledge holds; nothing else. */
export function allowedTarget(target: string, known: KnownLinks): boolean {
  const t = target.trim();
  if (/^https?:\/\//i.test(t)) {
    const n = normalizeUrl(t);
    return n !== null && known.urls.has(n);
  }
  const tel = /^tel:(.+)$/i.exec(t);
  if (tel) return known.phones.has(phoneKey(tel[1]));
  const mail = /^mailto:([^?]+)$/i.exec(t);
  if (mail) return known.emails.has(decodeURIComponent(mail[1]).toLowerCase());
  return false;
}

// Markup the widget would show as text, but that must not be served or stored either.
const DROP_WITH_CONTENT = /<(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const AUTOLINK = /<((?:https?:\/\/|mailto:|tel:)[^<>\s]+)>/gi;
// A tag, or a tag left open at the end (`<img src=x onerror=…` with its attributes).
const TAG = /<\/?[a-z][^<>]*(?:>|$)|<![a-z][^<>]*>/gi;
const IMAGE = /!\[[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)?/g;
// The target may hold one level of parentheses (`javascript:alert(1)`, Wikipedia-style URLs).
const LINK = /\[([^\]\n]*)\]\(\s*<?((?:[^()<>\s]|\([^()<>\s]*\))*)>?(?:\s+"[^"\n]*")?\s*\)/g;
// Schemes that run code or smuggle content: never kept, not even as text.
const BAD_SCHEME = /\b(?:java|vb)script\s*:[^\s)\]]*|\bdata\s*:\s*[\w+.-]+\/[\w+.-]+[^\s)\]]*/gi;
const BARE_SCHEME_LINK = /\b(?:mailto|tel):[^\s)\]<>"']+/gi;
// Control characters other than tab and newline (and the bidi overrides that disguise text).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function stripMarkup(text: string): string {
  let out = text;
  // Repeat until stable: `<scr<script></script>ipt>` and entity-encoded tags only show up after one pass.
  // Scripts go (with their content) before other tags, so that a script hidden in a broken tag goes whole.
  for (let i = 0; i < 10; i++) {
    let next = decodeHTML(out).replace(COMMENT, '').replace(DROP_WITH_CONTENT, '');
    if (next === out) next = next.replace(AUTOLINK, '$1').replace(TAG, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Cleans an LLM answer before it is streamed, served or stored: markup stripped (tags, scripts with their
 * content, event-handler attributes, markdown images), links kept only when their target is in the knowledge
 * (otherwise their text stays), and javascript:/vbscript:/data: never survive. The ends are not trimmed, so
 * the cleaned start of an answer is (nearly always) the start of the cleaned whole — which streaming relies on.
 */
export function sanitizeLlmOutput(text: string, known: KnownLinks): string {
  let out = stripMarkup(text.replace(/\r\n?/g, '\n').replace(CONTROL, ''));
  out = out.replace(IMAGE, '');
  out = out.replace(LINK, (whole, label: string, target: string) => (allowedTarget(target, known) ? whole : label));
  out = out.replace(BAD_SCHEME, '');
  out = out.replace(URL_RE, (url) => {
    const trail = TRAILING_PUNCT.exec(url)?.[0] ?? '';
    return allowedTarget(url, known) ? url : trail;
  });
  out = out.replace(BARE_SCHEME_LINK, (link) => (allowedTarget(link.replace(TRAILING_PUNCT, ''), known) ? link : ''));
  // What the removals left behind: empty link brackets, doubled spaces, runs of blank lines.
  return out.replace(/\[\s*\]\(\s*\)/g, '').replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n');
}
