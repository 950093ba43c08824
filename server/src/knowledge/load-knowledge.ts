import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';
import type { ZodType } from 'zod';
import { isSupportedLanguage, type Language } from '../language/languages';
import type { Card, CardText, KnowledgeBase, KnowledgeIssue, Tenant } from './knowledge-types';
import { loadCrisis } from './load-crisis';
import { loadTraining } from './load-training';
import { parseCardBody, parseFrontmatter } from './parse-frontmatter';
import {
  actorSchema, cardMetaSchema, cardTextMetaSchema, glossaryConceptSchema, municipalityRowSchema,
  tenantOverrideSchema, type Actor, type GlossaryConcept, type TenantOverride,
} from './schemas';

export class KnowledgeError extends Error {
  constructor(readonly issues: KnowledgeIssue[]) {
    super(
      `Knowledge is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.slice(0, 40).map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join('\n') +
        (issues.length > 40 ? `\n  … and ${issues.length - 40} more` : ''),
    );
  }
}

interface Loader {
  root: string;
  issues: KnowledgeIssue[];
}

function rel(loader: Loader, file: string): string {
  return path.relative(loader.root, file) || file;
}

function validate<T>(loader: Loader, file: string, schema: ZodType<T>, data: unknown, prefix = ''): T | null {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    loader.issues.push({ file: rel(loader, file), field, message: issue.message });
  }
  return null;
}

function listFiles(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .sort();
}

function loadCard(loader: Loader, dir: string): Card | null {
  const metaFile = path.join(dir, 'card.md');
  if (!fs.existsSync(metaFile)) {
    loader.issues.push({ file: rel(loader, dir), field: 'card.md', message: 'card folder has no card.md' });
    return null;
  }
  let meta;
  try {
    meta = validate(loader, metaFile, cardMetaSchema, parseFrontmatter(fs.readFileSync(metaFile, 'utf8')).data);
  } catch (error) {
    loader.issues.push({ file: rel(loader, metaFile), field: 'frontmatter', message: (error as Error).message });
    return null;
  }
  if (!meta) return null;
  if (meta.id !== path.basename(dir)) {
    loader.issues.push({ file: rel(loader, metaFile), field: 'id', message: `must equal the folder name "${path.basename(dir)}"` });
  }
  const texts: Card['texts'] = {};
  for (const file of listFiles(dir, '.md')) {
    const lang = path.basename(file, '.md');
    if (lang === 'card') continue;
    if (!isSupportedLanguage(lang)) {
      loader.issues.push({ file: rel(loader, file), field: 'file name', message: `"${lang}" is not a supported language code` });
      continue;
    }
    try {
      const { data, body } = parseFrontmatter(fs.readFileSync(file, 'utf8'));
      const head = validate(loader, file, cardTextMetaSchema, data);
      if (!head) continue;
      const parsed = parseCardBody(body);
      if (!parsed.summary) {
        loader.issues.push({ file: rel(loader, file), field: 'body', message: 'the body must start with a direct-answer paragraph' });
        continue;
      }
      texts[lang] = { lang, title: head.title, questions: head.questions, body, ...parsed } satisfies CardText;
      if (!meta.translations[lang]) {
        loader.issues.push({ file: rel(loader, metaFile), field: `translations.${lang}`, message: `${lang}.md exists but its translation status is not recorded` });
      }
    } catch (error) {
      loader.issues.push({ file: rel(loader, file), field: 'frontmatter', message: (error as Error).message });
    }
  }
  for (const lang of Object.keys(meta.translations) as Language[]) {
    if (!texts[lang] && fs.existsSync(path.join(dir, `${lang}.md`)) === false) {
      loader.issues.push({ file: rel(loader, metaFile), field: `translations.${lang}`, message: `status recorded but ${lang}.md is missing` });
    }
  }
  return { ...meta, texts, dir };
}

/**
 * A YAML document as plain, flat values. The parser builds its strings piece by piece, and the server keeps the
 * organisations, glossary and municipality files for its whole life: copied once through JSON, they took
 * 37 MB less heap for the actors alone (94.8 → about 38 MB for the knowledge; measured with --expose-gc).
 */
function flatYaml(source: string): unknown {
  const data: unknown = YAML.parse(source);
  return data === undefined ? data : JSON.parse(JSON.stringify(data));
}

function loadYamlList<T>(loader: Loader, file: string, schema: ZodType<T>): T[] {
  let data: unknown;
  try {
    data = flatYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    loader.issues.push({ file: rel(loader, file), field: '(yaml)', message: (error as Error).message.split('\n')[0] });
    return [];
  }
  if (data == null) return [];
  if (!Array.isArray(data)) {
    loader.issues.push({ file: rel(loader, file), field: '(root)', message: 'must be a YAML list' });
    return [];
  }
  return data.flatMap((item, index) => {
    const label = item && typeof item === 'object' && 'id' in item ? `[${index}:${String(item.id)}]` : `[${index}]`;
    const value = validate(loader, file, schema, item, label);
    return value ? [value] : [];
  });
}

function loadTenants(loader: Loader, dir: string, actors: Actor[]): Tenant[] {
  const csvFile = path.join(dir, 'municipalities.csv');
  if (!fs.existsSync(csvFile)) {
    loader.issues.push({ file: rel(loader, csvFile), field: '(file)', message: 'municipalities.csv is missing' });
    return [];
  }
  const rows = parseCsv(fs.readFileSync(csvFile, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as unknown[];
  const overrides = new Map<string, TenantOverride>();
  for (const file of listFiles(path.join(dir, 'overrides'), '.yaml')) {
    try {
      const o = validate(loader, file, tenantOverrideSchema, flatYaml(fs.readFileSync(file, 'utf8')));
      if (o) overrides.set(o.slug, o);
    } catch (error) {
      loader.issues.push({ file: rel(loader, file), field: '(yaml)', message: (error as Error).message.split('\n')[0] });
    }
  }
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  // Without a welcome point of its own, a municipality's first contact is its population service (issue 11).
  const populationService = new Map<string, Actor>();
  for (const a of actors) if (a.roles.includes('population-service')) for (const m of a.municipalities) if (!populationService.has(m)) populationService.set(m, a);
  const tenants: Tenant[] = [];
  rows.forEach((row, index) => {
    const r = validate(loader, csvFile, municipalityRowSchema, row, `line ${index + 2}`);
    if (!r) return;
    const names = Object.fromEntries(
      (['nl', 'fr', 'de', 'en'] as const).map((l) => [l, r[`name_${l}`]]).filter(([, v]) => v),
    ) as Tenant['names'];
    const primary = r.region === 'flanders' ? names.nl : r.region === 'german-speaking' ? names.de : names.fr;
    const o = overrides.get(r.slug);
    let welcome: Tenant['welcome'] = null;
    if (o?.welcome && 'actor' in o.welcome) {
      const actor = actorsById.get(o.welcome.actor);
      if (actor) {
        welcome = { name: actor.name, actorId: actor.id, website: actor.website, phone: actor.phone, email: actor.email, address: actor.address };
      } else {
        loader.issues.push({ file: rel(loader, path.join(dir, 'overrides', `${r.slug}.yaml`)), field: 'welcome.actor', message: `unknown actor "${o.welcome.actor}"` });
      }
    } else if (o?.welcome && 'name' in o.welcome) {
      welcome = { actorId: null, ...o.welcome };
    } else {
      const actor = populationService.get(r.slug);
      if (actor) welcome = { name: actor.name, actorId: actor.id, website: actor.website, phone: actor.phone, email: actor.email, address: actor.address };
    }
    tenants.push({
      slug: r.slug, nis: r.nis, name: primary ?? names.nl ?? names.fr ?? names.de ?? r.slug, names,
      region: r.region, province: r.province || null, lat: r.lat, lon: r.lon,
      demo: o?.demo ?? false, welcome, allowedOrigins: o?.allowedOrigins ?? [], aliases: o?.aliases ?? [],
    });
  });
  const aliasFile = path.join(dir, 'aliases.yaml');
  if (fs.existsSync(aliasFile)) {
    const aliases = YAML.parse(fs.readFileSync(aliasFile, 'utf8')) as Record<string, string[]> | null;
    const bySlug = new Map(tenants.map((t) => [t.slug, t]));
    for (const [slug, list] of Object.entries(aliases ?? {})) {
      const tenant = bySlug.get(slug);
      if (!tenant) loader.issues.push({ file: rel(loader, aliasFile), field: slug, message: 'unknown tenant slug' });
      else if (Array.isArray(list)) tenant.aliases.push(...list.map(String));
    }
  }
  for (const slug of overrides.keys()) {
    if (!tenants.some((t) => t.slug === slug)) {
      loader.issues.push({ file: rel(loader, path.join(dir, 'overrides', `${slug}.yaml`)), field: 'slug', message: `no municipality with slug "${slug}"` });
    }
  }
  return tenants;
}

export function hashKnowledge(root: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(path.relative(root, full)).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  if (fs.existsSync(root)) walk(root);
  return hash.digest('hex').slice(0, 16);
}

export interface LoadResult {
  knowledge: KnowledgeBase;
  issues: KnowledgeIssue[];
}

/** Reads and validates everything; `issues` lists each problem with its file and field. */
export function loadKnowledge(root: string): LoadResult {
  const loader: Loader = { root: path.resolve(root), issues: [] };
  const cards = listDirs(path.join(loader.root, 'cards'))
    .flatMap((topicDir) => listDirs(topicDir))
    .map((dir) => loadCard(loader, dir))
    .filter((c): c is Card => c !== null);
  const actors = listFiles(path.join(loader.root, 'actors'), '.yaml').flatMap((f) => loadYamlList(loader, f, actorSchema));
  const glossary: GlossaryConcept[] = listFiles(path.join(loader.root, 'glossary'), '.yaml').flatMap((f) =>
    loadYamlList(loader, f, glossaryConceptSchema),
  );
  const tenants = loadTenants(loader, path.join(loader.root, 'tenants'), actors);
  const crisis = loadCrisis(loader.root, loader.issues);
  const training = loadTraining(loader.root, new Set(cards.map((c) => c.id)), loader.issues);
  return { knowledge: { cards, actors, tenants, glossary, crisis, training, hash: hashKnowledge(loader.root) }, issues: loader.issues };
}

/** For the app: any problem stops the start with a message naming the file and field. */
export function loadKnowledgeStrict(root: string): KnowledgeBase {
  const { knowledge, issues } = loadKnowledge(root);
  if (issues.length) throw new KnowledgeError(issues);
  return knowledge;
}
