import type { KnowledgeBase, Tenant } from '../knowledge/knowledge-types';
import type { Language } from '../language/languages';
import type { Region } from '../knowledge/schemas';
import { normalizeText, tokenize } from '../retrieval/text-normalize';

export interface PlaceMention {
  region: Region;
  tenant: Tenant | null;
  text: string;
}

// Region names people use, in our languages; a region alone narrows the rules but not the local actors.
const REGION_NAMES: Record<Region, string[]> = {
  flanders: ['flanders', 'vlaanderen', 'flandre', 'flandres', 'flandern', 'flandes', 'flandra', 'flandria', 'flandriya', 'فلاندرز', 'فلاندر', 'فلاندرن', 'фландрія', 'фландрия', 'faldaras', 'ፍላንደርስ'],
  wallonia: ['wallonia', 'wallonie', 'wallonië', 'wallonien', 'valonia', 'walonia', 'valonya', 'valonie', 'والونيا', 'والوني', 'валлонія', 'валлония', 'валонія', 'ዋሎንያ'],
  brussels: [],
  'german-speaking': ['ostbelgien', 'east belgium', 'german-speaking community', 'deutschsprachige gemeinschaft', 'communaute germanophone', 'duitstalige gemeenschap'],
};

const fold = (s: string) => tokenize(s).join(' ');

// Arabic writes "and", "so", "in/with", "to" and "like" onto the next word (و ف ب ل ك), up to two of them,
// sometimes with the article: "وفبروكسيل", "بالبلجيك".
function arabicStems(word: string): string[] {
  const out = [word];
  const m = /^([وفبلك]{1,2})(ال)?(.{4,})$/u.exec(word);
  if (m) out.push(m[3]);
  if (m?.[1].length === 2) out.push(word.slice(1));
  return out;
}

// Municipality names that are also everyday words in our languages ("as", "boom", "spa", "ans",
// "silly", "manage", "forest"): they count as a place only when written with a capital.
const EVERYDAY_WORDS = new Set([
  'as', 'boom', 'spa', 'ans', 'lens', 'silly', 'manage', 'celles', 'clavier', 'heron', 'bouillon', 'essen',
  'halle', 'geel', 'mol', 'peer', 'bree', 'lint', 'balen', 'olen', 'hove', 'dour', 'vaux', 'lede', 'niel',
  'zele', 'putte', 'bever', 'damme', 'limbourg', 'huy', 'ath', 'olne', 'meix', 'fosses', 'forest', 'lille',
  'hamme', 'tielt', 'brecht', 'malle', 'mesen', 'heers', 'alken', 'retie', 'amel', 'marche', 'beaumont',
  'florenville', 'chiny', 'wanze', 'engis', 'geer', 'faimes', 'honnelles', 'rumes', 'antoing', 'erquelinnes',
  // Four letters or fewer that are words too: "hal" (Turkish: state), "lier" (French: to tie), "vise" (French:
  // aims), "pelt", "leau" (l'eau folded), "luik" (Dutch: hatch), "hoei".
  'hal', 'lier', 'vise', 'pelt', 'leau', 'luik', 'hoei',
]);

export interface TenantRegistry {
  all: Tenant[];
  resolve(key: string | null | undefined): Tenant | null;
  findPlace(text: string): PlaceMention | null;
  /** Back from a stored "region" or "region|slug" key. */
  placeFromKey(key: string): PlaceMention | null;
}

// Languages that write a place name without an ending: a word of theirs that merely starts like a name is
// another word ("gisteren" is not Gistel, "tieners" not Tienen, "herself" not Herselt).
const UNINFLECTED: readonly string[] = ['en', 'nl', 'fr', 'de', 'es'];

/** The words of the knowledge's questions, crisis examples and cards in languages that do not inflect place names. */
export function uninflectedWords(kb: Pick<KnowledgeBase, 'cards' | 'training' | 'crisis'>): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => { for (const w of tokenize(text)) words.add(w); };
  for (const l of [...kb.training.lines, ...kb.crisis.examples]) if (UNINFLECTED.includes(l.lang)) add(l.text);
  for (const c of kb.cards) for (const lang of UNINFLECTED) {
    const t = c.texts[lang as Language];
    if (t) add([t.summary, ...t.steps, ...t.closing].join(' '));
  }
  return words;
}

/**
 * Resolves a tenant by slug, NIS code or any official name or alias, case- and accent-insensitively.
 * `ordinaryWords` (see uninflectedWords) are never read as a place name with an ending.
 */
export function createTenantRegistry(tenants: Tenant[], ordinaryWords: ReadonlySet<string> = new Set()): TenantRegistry {
  const byKey = new Map<string, Tenant>();
  const names = new Map<string, Tenant>();
  for (const t of tenants) {
    byKey.set(t.slug, t);
    byKey.set(t.nis, t);
    for (const name of [...Object.values(t.names), ...t.aliases]) {
      if (!name) continue;
      const key = fold(name);
      if (!byKey.has(key)) byKey.set(key, t);
      if (!names.has(key)) names.set(key, t);
    }
    if (!byKey.has(fold(t.slug))) byKey.set(fold(t.slug), t);
  }
  const maxNameTokens = Math.max(1, ...[...names.keys()].map((k) => k.split(' ').length));
  const regionNames = new Map<string, Region>();
  for (const [region, list] of Object.entries(REGION_NAMES) as [Region, string[]][]) for (const n of list) regionNames.set(fold(n), region);

  function resolve(key: string | null | undefined): Tenant | null {
    if (!key) return null;
    const trimmed = key.trim();
    return byKey.get(trimmed.toLowerCase()) ?? byKey.get(fold(trimmed)) ?? null;
  }

  /**
   * Finds a municipality or region named in a question ("… in Charleroi?", "and in Brussels?").
   * A one-word name that is also an everyday word ("Boom", "Spa", "Ans") counts only when capitalised.
   */
  function findPlace(text: string): PlaceMention | null {
    const matches = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const original = matches.map((m) => m[0]);
    const tokens = original.map((t) => normalizeText(t));
    // Words joined by a hyphen or apostrophe form one name: "Louvain" inside "Louvain-la-Neuve" is not Leuven.
    const joined = (i: number) => i >= 0 && i + 1 < matches.length && /^[-‐‑'’]$/u.test(text.slice(matches[i].index! + matches[i][0].length, matches[i + 1].index!));
    // Longest match first: "Ottignies-Louvain-la-Neuve" before "Louvain".
    for (let size = Math.min(maxNameTokens, 5); size >= 1; size--) {
      for (let i = 0; i + size <= tokens.length; i++) {
        if (joined(i - 1) || joined(i + size - 1)) continue;
        const key = tokens.slice(i, i + size).join(' ');
        const tenant = names.get(key);
        const region = regionNames.get(key);
        if (!tenant && !region) continue;
        if (size === 1 && /\p{Lu}|\p{Ll}/u.test(original[i])) {
          const capitalised = original[i][0] !== original[i][0].toLowerCase();
          // Newcomers type in lower case ("nederlandse les gent"): a name of four letters or more that is no
          // everyday word counts as written; three letters or fewer still need the capital.
          if ((key.length <= 3 || EVERYDAY_WORDS.has(key)) && !capitalised) continue;
          if (key.length <= 2) continue;
        }
        // The words as written, separators included, so that the caller can take them out of the question.
        const span = text.slice(matches[i].index!, matches[i + size - 1].index! + original[i + size - 1].length);
        if (tenant) return { region: tenant.region, tenant, text: span };
        if (region) return { region, tenant: null, text: span };
      }
    }
    return findInflectedPlace(text, matches, joined);
  }

  /**
   * A name written with an ending, when no name matched as written: "Genk'e", "Brüksel'de" and "ብራስልስ'ከ" (a
   * suffix after an apostrophe or hyphen), "Брюсселі", "Brukseli", "brukselde", "انتورپن" (case endings),
   * "ببروكسل", "وفبروكسيل" (Arabic prepositions and conjunctions written onto the word). Only names of six
   * letters or more take an ending without a separator: shorter ones end too many ordinary words ("Mons" in
   * "monster", "Namen" in "namens").
   */
  function findInflectedPlace(text: string, matches: RegExpExecArray[], joined: (i: number) => boolean): PlaceMention | null {
    for (let i = 0; i < matches.length; i++) {
      const word = normalizeText(matches[i][0]);
      // A separator then a short lowercase ending that ends the name ("Genk'e", not "Louvain-la-Neuve").
      const ending = joined(i) && matches[i + 1][0].length <= 4 && matches[i + 1][0] === matches[i + 1][0].toLowerCase() &&
        !/^[-‐‑'’]/u.test(text.slice(matches[i + 1].index! + matches[i + 1][0].length));
      const forms = /\p{Script=Arabic}/u.test(word) ? arabicStems(word) : [word];
      for (const form of forms) {
        // With a separator, or once the Arabic prefixes are off, the name itself counts.
        const tenant = ending || form !== word ? names.get(form) : undefined;
        const found = tenant ?? inflected(form);
        if (!found) continue;
        const end = ending && tenant && form === word ? matches[i + 1].index! + matches[i + 1][0].length : matches[i].index! + matches[i][0].length;
        return { region: found.region, tenant: found, text: text.slice(matches[i].index!, end) };
      }
    }
    return null;
  }

  // Names of six letters or more by their first letters minus the last ("брюссел" for Брюссель), for endings.
  const stems = new Map<string, { tenant: Tenant; length: number }>();
  for (const [key, tenant] of names) if (!key.includes(' ') && key.length >= 6 && !EVERYDAY_WORDS.has(key) && !stems.has(key.slice(0, -1))) stems.set(key.slice(0, -1), { tenant, length: key.length });
  function inflected(word: string): Tenant | null {
    for (let cut = 1; cut <= 4 && word.length - cut >= 5; cut++) {
      const stem = stems.get(word.slice(0, -cut));
      // At most three letters beyond the name without its last letter.
      if (stem && word.length - (stem.length - 1) <= 3 && !names.has(word) && !ordinaryWords.has(word)) return stem.tenant;
    }
    return null;
  }

  function placeFromKey(key: string): PlaceMention | null {
    const [region, slug] = key.split('|');
    if (!(region in REGION_NAMES)) return null;
    const tenant = slug ? byKey.get(slug) ?? null : null;
    return { region: region as Region, tenant, text: tenant?.name ?? region };
  }

  return { all: tenants, resolve, findPlace, placeFromKey };
}
