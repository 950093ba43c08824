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
  region_wide: ['region-wide', 'region wide', 'regionwide', 'hele regio', 'heel het gewest', 'toute la région', 'toute la region', 'regionweit'],
  remove: ['remove', 'delete', 'verwijderen', 'verwijder', 'supprimer', 'entfernen', 'löschen'],
};

// Values as clerks write them in Dutch, French or German (issue 12), mapped to the directory's own words.
const VALUE_ALIASES: Record<string, Record<string, string>> = {
  region: {
    vlaanderen: 'flanders', flandre: 'flanders', flandern: 'flanders', 'vlaams gewest': 'flanders',
    brussel: 'brussels', bruxelles: 'brussels', brüssel: 'brussels', 'brussels hoofdstedelijk gewest': 'brussels', 'région de bruxelles-capitale': 'brussels',
    wallonie: 'wallonia', wallonië: 'wallonia', 'région wallonne': 'wallonia', 'waals gewest': 'wallonia',
    ostbelgien: 'german-speaking', 'deutschsprachige gemeinschaft': 'german-speaking', 'communauté germanophone': 'german-speaking', 'duitstalige gemeenschap': 'german-speaking',
    federaal: 'federal', fédéral: 'federal', föderal: 'federal',
  },
  province: {
    antwerpen: 'antwerp', anvers: 'antwerp', 'oost-vlaanderen': 'east-flanders', 'flandre orientale': 'east-flanders', 'flandre-orientale': 'east-flanders',
    'west-vlaanderen': 'west-flanders', 'flandre occidentale': 'west-flanders', 'flandre-occidentale': 'west-flanders',
    'vlaams-brabant': 'flemish-brabant', 'brabant flamand': 'flemish-brabant', 'waals-brabant': 'walloon-brabant', 'brabant wallon': 'walloon-brabant',
    henegouwen: 'hainaut', luik: 'liege', liège: 'liege', lüttich: 'liege', luxemburg: 'luxembourg', namen: 'namur',
  },
  type: {
    gemeentehuis: 'town-hall', gemeente: 'town-hall', 'maison communale': 'town-hall', commune: 'town-hall', rathaus: 'town-hall',
    ocmw: 'welfare-centre', cpas: 'welfare-centre', öshz: 'welfare-centre', welzijn: 'welfare-centre',
    taalschool: 'language-school', 'école de langues': 'language-school', sprachschule: 'language-school',
    vzw: 'ngo', asbl: 'ngo', vog: 'ngo', vereniging: 'ngo', association: 'ngo',
    huisvesting: 'housing', logement: 'housing', wohnen: 'housing', onderwijs: 'education', enseignement: 'education', 'école': 'education',
    gezondheid: 'health-service', santé: 'health-service', 'juridisch': 'legal', juridique: 'legal', 'tewerkstelling': 'employment-service', emploi: 'employment-service',
  },
  topics: {
    inschrijving: 'registration', inscription: 'registration', anmeldung: 'registration', inburgering: 'civic-integration', intégration: 'civic-integration', integration: 'civic-integration',
    taal: 'language-courses', taallessen: 'language-courses', 'cours de langue': 'language-courses', sprachkurse: 'language-courses',
    wonen: 'housing', huisvesting: 'housing', logement: 'housing', wohnen: 'housing', gezondheid: 'health', santé: 'health', gesundheit: 'health',
    werk: 'employment', emploi: 'employment', arbeit: 'employment', welzijn: 'welfare', 'aide sociale': 'welfare', sociaal: 'welfare',
    onderwijs: 'education', enseignement: 'education', bildung: 'education', 'vrije tijd': 'social-participation', participation: 'social-participation',
    juridisch: 'legal-help', juridique: 'legal-help', recht: 'legal-help', noodgeval: 'emergency', urgence: 'emergency', ander: 'other', autre: 'other',
  },
  languages: {
    nederlands: 'nl', néerlandais: 'nl', niederländisch: 'nl', dutch: 'nl', frans: 'fr', français: 'fr', französisch: 'fr', french: 'fr',
    duits: 'de', allemand: 'de', deutsch: 'de', german: 'de', engels: 'en', anglais: 'en', englisch: 'en', english: 'en',
    arabisch: 'ar', arabe: 'ar', arabic: 'ar', turks: 'tr', turc: 'tr', türkisch: 'tr', turkish: 'tr',
  },
};
const YES = new Set(['yes', 'y', 'ja', 'j', 'oui', 'o', 'x', '1', 'true', 'waar', 'vrai']);

function mapValue(kind: keyof typeof VALUE_ALIASES, value: string): string {
  const v = value.trim().toLowerCase();
  return VALUE_ALIASES[kind][v] ?? v;
}

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
  /** Ids marked for removal (a "remove / verwijderen / supprimer" column set to yes). */
  const removals: { where: string; id: string }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row.values;
    if (Object.values(v).every((x) => !x?.trim())) continue; // blank spacer rows are normal in sheets
    if (YES.has((v.remove ?? '').trim().toLowerCase())) {
      const id = orNull(v.id) ?? slugify(v.name ?? '');
      if (!id) problems.push({ where: row.where, reason: 'remove: say which organisation (its id or name)' });
      else removals.push({ where: row.where, id });
      continue;
    }
    // A row for no municipality in particular must say so: a forgotten cell would otherwise make a local
    // office look region-wide.
    const regionWide = YES.has((v.region_wide ?? '').trim().toLowerCase());
    if (!list(v.municipalities).length && !regionWide) {
      problems.push({ where: row.where, reason: 'municipalities: empty — fill in the municipality, or mark the row region-wide' });
      continue;
    }
    const website = orNull(v.website);
    const sourceUrl = orNull(v.source_url) ?? website;
    const candidate = {
      id: orNull(v.id) ?? slugify(v.name ?? ''),
      name: orNull(v.name),
      type: v.type?.trim() ? mapValue('type', v.type) : 'other',
      topics: list(v.topics).map((t) => mapValue('topics', t)),
      region: v.region?.trim() ? mapValue('region', v.region) : undefined,
      province: v.province?.trim() ? mapValue('province', v.province) : null,
      municipalities: list(v.municipalities).map((m) => m.toLowerCase()),
      area: orNull(v.area), address: orNull(v.address), phone: orNull(v.phone), email: orNull(v.email), website,
      languages: list(v.languages).map((l) => mapValue('languages', l)), hours: orNull(v.hours),
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
  return { actors, problems, removals };
}
