import { actorSchema, type Actor } from '../knowledge/schemas';

export interface SheetRow {
  /** Where the row came from, as a clerk would find it: "actors.csv line 7" or "Limburg!12". */
  where: string;
  values: Record<string, string>;
}

export interface ImportProblem {
  where: string;
  reason: string;
}

// Clerks bring spreadsheets headed in Dutch, French or English; these are the names we accept.
const HEADER_ALIASES: Record<string, string[]> = {
  id: ['id', 'slug', 'code'],
  name: ['name', 'naam', 'nom', 'organisation', 'organisatie', 'organization'],
  type: ['type', 'soort'],
  topics: ['topics', 'topic', 'themes', "thema's", 'themas', 'domaines', 'domain', 'domein'],
  region: ['region', 'regio', 'région', 'gewest'],
  province: ['province', 'provincie'],
  municipalities: ['municipalities', 'municipality', 'gemeente', 'gemeenten', 'commune', 'communes'],
  area: ['area', 'werkgebied', 'zone'],
  address: ['address', 'adres', 'adresse'],
  phone: ['phone', 'telefoon', 'téléphone', 'telephone', 'tel'],
  email: ['email', 'e-mail', 'mail', 'courriel'],
  website: ['website', 'site', 'site web', 'url', 'webpagina'],
  languages: ['languages', 'talen', 'langues'],
  hours: ['hours', 'openingsuren', 'horaires', "heures d'ouverture"],
  source_title: ['source title', 'source_title', 'bron', 'source'],
  source_url: ['source url', 'source_url', 'bron url'],
};

export function canonicalHeader(header: string): string | null {
  const h = header.trim().toLowerCase();
  for (const [key, aliases] of Object.entries(HEADER_ALIASES)) if (aliases.includes(h)) return key;
  return null;
}

const list = (v: string | undefined) => (v ?? '').split(/[;,|]/).map((s) => s.trim()).filter(Boolean);
const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
const slugify = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Turns spreadsheet rows into actors. Every bad row is reported with where it is and why, and
 * the good rows are kept, so one typo does not block a clerk's whole sheet.
 */
export function importActorRows(rows: SheetRow[], known: { tenantSlugs: ReadonlySet<string>; existingIds: ReadonlySet<string> }) {
  const actors: Actor[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    if (Object.values(v).every((x) => !x?.trim())) continue; // blank spacer rows are normal in sheets
    const website = orNull(v.website);
    const sourceUrl = orNull(v.source_url) ?? website;
    const candidate = {
      id: orNull(v.id) ?? slugify(v.name ?? ''),
      name: orNull(v.name),
      type: orNull(v.type)?.toLowerCase() ?? 'other',
      topics: list(v.topics).map((t) => t.toLowerCase()),
      region: orNull(v.region)?.toLowerCase(),
      province: orNull(v.province)?.toLowerCase() ?? null,
      municipalities: list(v.municipalities).map((m) => m.toLowerCase()),
      area: orNull(v.area), address: orNull(v.address), phone: orNull(v.phone), email: orNull(v.email), website,
      languages: list(v.languages).map((l) => l.toLowerCase()), hours: orNull(v.hours),
      sources: sourceUrl ? [{ title: orNull(v.source_title) ?? orNull(v.name) ?? 'Source', url: sourceUrl }] : [],
    };
    const parsed = actorSchema.safeParse(candidate);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`);
      problems.push({ where: row.where, reason: reasons.join('; ') });
      continue;
    }
    const actor = parsed.data;
    const unknown = actor.municipalities.filter((m) => !known.tenantSlugs.has(m));
    if (unknown.length) {
      problems.push({ where: row.where, reason: `municipalities: unknown ${unknown.join(', ')} (use the slug, e.g. "sint-niklaas")` });
      continue;
    }
    if (seen.has(actor.id)) {
      problems.push({ where: row.where, reason: `id: "${actor.id}" appears twice in this import` });
      continue;
    }
    if (known.existingIds.has(actor.id)) {
      problems.push({ where: row.where, reason: `id: "${actor.id}" already exists in the directory; give this row its own id` });
      continue;
    }
    seen.add(actor.id);
    actors.push(actor);
  }
  return { actors, problems };
}
