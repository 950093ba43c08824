import { CANNED, UNSUPPORTED_GENERIC, UNSUPPORTED_NOTE } from '../../server/src/answer/canned-messages';
import type { Card, KnowledgeBase } from '../../server/src/knowledge/knowledge-types';
import type { Actor } from '../../server/src/knowledge/schemas';
import { withoutThen } from '../../server/src/safety/crisis-answer';
import { extractContacts } from './contacts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A canned template as a whole-line regex; placeholders match any text. */
export function templateRegex(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map(escape);
  return new RegExp(`^(?:\\*\\*)?${parts.join('.+?')}(?::\\*\\*)?$`, 's');
}

/** Everything an answer may legitimately contain, for the grounding and contact-integrity scorers. */
export interface KnowledgeCorpus {
  cards: Map<string, Card>;
  actors: Map<string, Actor>;
  actorByName: Map<string, Actor[]>;
  canned: RegExp[];
  /** Words the composer adds around course offers (levels, formats, childcare). */
  courseWords: Set<string>;
  /** Welcome points of tenants (name, website, phone) for handover lines. */
  welcome: { names: Set<string>; urls: Set<string>; phones: Set<string> };
  contacts: { urls: Set<string>; emails: Set<string>; numbers: Set<string> };
  /** Regions an actor serves beyond its home region. */
  alsoRegions: Map<string, string[]>;
  /** For a regional actor, its local offices: municipal actors of the same region sharing one of its roles. */
  localOffices: Map<string, Set<string>>;
  /** Crisis answers' sentences per language, placeholders as wildcards. */
  crisis: RegExp[];
}

export function cardUnits(card: Card): string[] {
  return Object.values(card.texts).flatMap((t) => (t ? [t.summary, ...t.steps, ...t.closing] : []));
}

export function buildCorpus(kb: Pick<KnowledgeBase, 'cards' | 'actors' | 'tenants'> & Partial<Pick<KnowledgeBase, 'crisis'>>): KnowledgeCorpus {
  const actorByName = new Map<string, Actor[]>();
  for (const a of kb.actors) {
    for (const n of new Set([a.name, ...Object.values(a.names)])) actorByName.set(n, [...(actorByName.get(n) ?? []), a]);
  }
  const canned: RegExp[] = [];
  const courseWords = new Set<string>(['literacy', 'A1', 'A2', 'B1', 'B2', 'C1']);
  for (const m of Object.values(CANNED)) {
    for (const v of Object.values(m)) canned.push(templateRegex(v));
    for (const k of ['evening', 'day', 'weekend', 'online', 'childcare', 'literacy'] as const) courseWords.add(m[k]);
  }
  for (const v of [...Object.values(UNSUPPORTED_NOTE), UNSUPPORTED_GENERIC]) for (const line of Object.values(v)) canned.push(templateRegex(line));
  // Crisis answers and the emergency line that ends every "I don't know" are product copy too.
  const crisis: RegExp[] = [];
  for (const a of Object.values(kb.crisis?.answers ?? {})) {
    if (!a) continue;
    const { language: _l, translation: _t, reviewed: _r, emergencyLine, notInDanger, ...categories } = a;
    canned.push(templateRegex(emergencyLine.replace(/\{[a-z0-9-]+\}/g, '{x}')), templateRegex(notInDanger));
    for (const text of Object.values(categories)) {
      // A "then" sentence that already names its line is said without the list.
      for (const s of [text.lead, text.then, text.then && withoutThen(text.then), ...text.steps].filter(Boolean) as string[]) crisis.push(templateRegex(s.replace(/\{[a-z0-9-]+\}/g, '{x}')));
    }
  }

  const welcome = { names: new Set<string>(), urls: new Set<string>(), phones: new Set<string>() };
  for (const t of kb.tenants) {
    if (!t.welcome) continue;
    welcome.names.add(t.welcome.name);
    if (t.welcome.website) welcome.urls.add(t.welcome.website);
    if (t.welcome.phone) welcome.phones.add(t.welcome.phone);
  }

  const sources: string[] = [];
  for (const c of kb.cards) {
    sources.push(...cardUnits(c), ...c.sources.map((s) => s.url));
    for (const t of Object.values(c.texts)) if (t) sources.push(t.body, t.title);
  }
  for (const a of kb.actors) sources.push(JSON.stringify(a));
  for (const t of kb.tenants) if (t.welcome) sources.push(JSON.stringify(t.welcome));
  for (const m of Object.values(CANNED)) sources.push(...Object.values(m));
  const found = extractContacts(sources.join('\n'));
  return {
    cards: new Map(kb.cards.map((c) => [c.id, c])), actors: new Map(kb.actors.map((a) => [a.id, a])), actorByName,
    canned, courseWords, welcome, crisis, alsoRegions: new Map(kb.actors.map((a) => [a.id, a.alsoRegions ?? []])), localOffices: localOffices(kb.actors),
    contacts: { urls: new Set(found.urls.map(normUrl)), emails: new Set(found.emails.map((e) => e.toLowerCase())), numbers: new Set(found.numbers) },
  };
}

export function normUrl(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/.,;:)]+$/, '');
}

/** Regional actor → its local offices (Actiris → Actiris Schaerbeek, OCMW → OCMW Leuven). */
function localOffices(actors: readonly Actor[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const regional of actors) {
    if (regional.municipalities.length || !regional.roles?.length) continue;
    const local = actors.filter((a) => a.municipalities.length && a.region === regional.region && (a.roles ?? []).some((r) => regional.roles.includes(r)));
    if (local.length) out.set(regional.id, new Set(local.map((a) => a.id)));
  }
  return out;
}
