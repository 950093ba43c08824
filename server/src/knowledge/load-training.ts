import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isSupportedLanguage } from '../language/languages';
import type { KnowledgeIssue } from './knowledge-types';
import { writerFile } from './writer-file';

// knowledge/training/ (issue 9): the question model's lines per language and card, the out-of-scope
// class, and short follow-ups by facet. Reviewed like content; knowledge:check validates the file names.
export const OUT_OF_SCOPE = 'out-of-scope';
export const FACETS = ['cost', 'documents', 'deadline', 'hours', 'where', 'eligible', 'children', 'another-language', 'another-place', 'new-topic'] as const;

export interface TrainingFileLine {
  lang: string;
  /** A card id, or "out-of-scope". */
  label: string;
  text: string;
}

export interface FacetLine {
  lang: string;
  facet: (typeof FACETS)[number];
  text: string;
  /** Position within its facet's list (every fifth is held out to measure the facet model). */
  index: number;
}

export interface TrainingData {
  lines: TrainingFileLine[];
  facets: FacetLine[];
}

export function readTrainingFile(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

export function loadTraining(root: string, cardIds: ReadonlySet<string>, issues: KnowledgeIssue[]): TrainingData {
  const dir = path.join(root, 'training');
  const data: TrainingData = { lines: [], facets: [] };
  if (!fs.existsSync(dir)) return data;
  for (const lang of fs.readdirSync(dir).sort()) {
    const langDir = path.join(dir, lang);
    if (lang === 'facets' || !fs.statSync(langDir).isDirectory()) continue;
    if (!isSupportedLanguage(lang)) issues.push({ file: `training/${lang}`, field: '(folder)', message: 'is not a supported language code' });
    for (const file of fs.readdirSync(langDir).sort()) {
      const label = path.basename(file, '.txt');
      const rel = `training/${lang}/${file}`;
      if (!file.endsWith('.txt')) issues.push({ file: rel, field: '(file)', message: 'training files are <card-id>.txt or out-of-scope.txt' });
      else if (label !== OUT_OF_SCOPE && !cardIds.has(label)) issues.push({ file: rel, field: '(file)', message: `no card "${label}"` });
      else for (const text of readTrainingFile(path.join(langDir, file))) data.lines.push({ lang, label, text });
    }
  }
  const facetDir = path.join(dir, 'facets');
  for (const file of fs.existsSync(facetDir) ? fs.readdirSync(facetDir).filter((f) => f.endsWith('.yaml')).sort() : []) {
    const rel = `training/facets/${file}`;
    let parsed: Record<string, unknown>;
    try {
      parsed = (YAML.parse(fs.readFileSync(path.join(facetDir, file), 'utf8')) ?? {}) as Record<string, unknown>;
    } catch (error) {
      issues.push({ file: rel, field: '(yaml)', message: (error as Error).message.split('\n')[0] });
      continue;
    }
    const lang = String(parsed.language ?? '');
    if (writerFile(file).language !== lang || !isSupportedLanguage(lang)) issues.push({ file: rel, field: 'language', message: `must be the file's language (${path.basename(file, '.yaml')})` });
    for (const key of Object.keys(parsed)) {
      if (key !== 'language' && !(FACETS as readonly string[]).includes(key)) issues.push({ file: rel, field: key, message: `unknown facet (one of ${FACETS.join(', ')})` });
    }
    for (const facet of FACETS) {
      const list = parsed[facet];
      if (!Array.isArray(list)) continue;
      list.forEach((text, index) => data.facets.push({ lang, facet, text: String(text), index }));
    }
  }
  return data;
}
