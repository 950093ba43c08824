import path from 'node:path';
import { SUPPORTED_LANGUAGES, type Language } from '../language/languages';
import { checkCrisis } from './check-crisis';
import type { KnowledgeBase, KnowledgeIssue } from './knowledge-types';
import { ACTOR_ROLES, REGIONS, TOPICS, type Region, type Topic } from './schemas';

/** Municipalities on 1 January 2025 (shared/research/municipalities-2025.md). */
export const EXPECTED_MUNICIPALITIES: Record<Region, number> = {
  flanders: 285,
  wallonia: 252, // 261 Walloon municipalities minus the 9 of the German-speaking Community
  'german-speaking': 9,
  brussels: 19,
};

export type CoverageMatrix = Record<Topic, Record<Region, Language[]>>;

export function coverageMatrix(kb: KnowledgeBase): CoverageMatrix {
  const matrix = Object.fromEntries(
    TOPICS.map((t) => [t, Object.fromEntries(REGIONS.map((r) => [r, new Set<Language>()]))]),
  ) as Record<Topic, Record<Region, Set<Language>>>;
  for (const card of kb.cards) {
    const regions = card.regions.includes('all') ? REGIONS : (card.regions as Region[]);
    // A city-only card (Atlas in Antwerp) does not cover its whole region.
    if (card.municipalities.length) continue;
    for (const region of regions) for (const lang of Object.keys(card.texts) as Language[]) matrix[card.topic][region].add(lang);
  }
  return Object.fromEntries(
    TOPICS.map((t) => [t, Object.fromEntries(REGIONS.map((r) => [r, SUPPORTED_LANGUAGES.filter((l) => matrix[t][r].has(l))]))]),
  ) as CoverageMatrix;
}

export function formatCoverage(matrix: CoverageMatrix): string {
  const header = `${'topic'.padEnd(22)}${REGIONS.map((r) => r.padEnd(17)).join('')}`;
  const rows = TOPICS.map((t) => {
    const cells = REGIONS.map((r) => {
      const have = matrix[t][r];
      const missing = SUPPORTED_LANGUAGES.filter((l) => !have.includes(l));
      const cell = missing.length === 0 ? 'all 15' : have.length === 0 ? '—' : `${have.length}/15 -${missing.slice(0, 3).join(',')}${missing.length > 3 ? '…' : ''}`;
      return cell.padEnd(17);
    });
    return `${t.padEnd(22)}${cells.join('')}`;
  });
  return [header, ...rows].join('\n');
}

export interface CheckOptions {
  /** Check the 565-municipality map; off for small fixture sets. */
  expectMunicipalityCounts?: boolean;
}

/** Cross-file checks the per-file schemas cannot do. */
export function checkKnowledge(kb: KnowledgeBase, options: CheckOptions = {}): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const tenantSlugs = new Set(kb.tenants.map((t) => t.slug));
  const conceptIds = new Set<string>();
  const actorIds = new Set(kb.actors.map((a) => a.id));
  const dupes = (kind: string, file: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) issues.push({ file, field: 'id', message: `duplicate ${kind} id "${id}"` });
      seen.add(id);
    }
  };
  dupes('card', 'cards/', kb.cards.map((c) => c.id));
  dupes('actor', 'actors/', kb.actors.map((a) => a.id));
  dupes('concept', 'glossary/', kb.glossary.map((g) => g.id));
  dupes('tenant slug', 'tenants/municipalities.csv', kb.tenants.map((t) => t.slug));
  dupes('NIS code', 'tenants/municipalities.csv', kb.tenants.map((t) => t.nis));
  for (const g of kb.glossary) conceptIds.add(g.id);

  for (const card of kb.cards) {
    const file = `cards/${path.basename(path.dirname(card.dir))}/${card.id}/card.md`;
    if (path.basename(path.dirname(card.dir)) !== card.topic) {
      issues.push({ file, field: 'topic', message: `is "${card.topic}" but the card lies in the "${path.basename(path.dirname(card.dir))}" folder` });
    }
    for (const m of card.municipalities) {
      if (!tenantSlugs.has(m)) issues.push({ file, field: 'municipalities', message: `unknown tenant "${m}"` });
    }
    for (const a of card.actors) {
      if (a.startsWith('role:')) {
        if (!(ACTOR_ROLES as readonly string[]).includes(a.slice(5))) issues.push({ file, field: 'actors', message: `unknown role "${a.slice(5)}" (one of ${ACTOR_ROLES.join(', ')})` });
      } else if (!actorIds.has(a)) issues.push({ file, field: 'actors', message: `unknown actor "${a}"` });
    }
    // The parts' facets are given once and hold for every language: the texts must have as many steps.
    if (card.parts) {
      for (const [lang, text] of Object.entries(card.texts)) {
        if (text!.steps.length !== card.parts.steps.length) issues.push({ file, field: 'parts.steps', message: `${card.parts.steps.length} tagged, but ${lang}.md has ${text!.steps.length} steps` });
        if (card.parts.closing.length && text!.closing.length !== card.parts.closing.length) issues.push({ file, field: 'parts.closing', message: `${card.parts.closing.length} tagged, but ${lang}.md has ${text!.closing.length} closing paragraphs` });
      }
    }
    for (const c of card.concepts) {
      if (!conceptIds.has(c)) issues.push({ file, field: 'concepts', message: `unknown glossary concept "${c}"` });
    }
    if (card.complete) {
      const missing = SUPPORTED_LANGUAGES.filter((l) => !card.texts[l]);
      if (missing.length) issues.push({ file, field: 'complete', message: `marked complete but missing ${missing.join(', ')}` });
    }
    if (!card.texts.en) issues.push({ file, field: 'en.md', message: 'every card needs an English text (the fallback language)' });
  }

  for (const actor of kb.actors) {
    const file = `actors/ (${actor.id})`;
    for (const m of [...actor.municipalities, ...actor.excludeMunicipalities]) {
      if (!tenantSlugs.has(m)) issues.push({ file, field: 'municipalities', message: `unknown tenant "${m}"` });
    }
    if (actor.region === 'federal' && (actor.province || actor.municipalities.length)) {
      issues.push({ file, field: 'region', message: 'a federal actor cannot be bound to a province or municipality' });
    }
    const provinces = new Set(kb.tenants.filter((t) => actor.municipalities.includes(t.slug)).map((t) => t.region));
    if (actor.region !== 'federal' && provinces.size && ![...provinces].every((r) => r === actor.region)) {
      issues.push({ file, field: 'region', message: `region ${actor.region} does not match its municipalities (${[...provinces].join(', ')})` });
    }
  }

  issues.push(...checkCrisis(kb, { requireAllLanguages: options.expectMunicipalityCounts }));

  if (options.expectMunicipalityCounts) {
    for (const region of REGIONS) {
      const n = kb.tenants.filter((t) => t.region === region).length;
      if (n !== EXPECTED_MUNICIPALITIES[region]) {
        issues.push({ file: 'tenants/municipalities.csv', field: 'region', message: `${region} has ${n} municipalities, expected ${EXPECTED_MUNICIPALITIES[region]}` });
      }
    }
  }
  return issues;
}
