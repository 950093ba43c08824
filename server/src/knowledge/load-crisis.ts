import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ZodType } from 'zod';
import type { Language } from '../language/languages';
import { CRISIS_CATEGORIES } from '../safety/crisis-categories';
import type { CrisisVocabulary } from '../safety/crisis-matcher';
import { crisisAnswersSchema, crisisRoutingSchema, crisisTrainingSchema, crisisVocabularySchema, type CrisisAnswers, type CrisisRouting } from './crisis-schemas';
import type { CrisisCategory } from '../safety/crisis-categories';
import { writerFile } from './writer-file';
import type { KnowledgeIssue } from './knowledge-types';

/** One example message of knowledge/crisis/training/<lang>.yaml. */
export interface CrisisExample {
  lang: string;
  /** A kind of danger, or "not-crisis" for a message about the subject with nobody in danger. */
  label: CrisisCategory | 'not-crisis';
  text: string;
  index: number;
  /** Which file of the language it comes from (fr.yaml is 1, fr-2.yaml is 2…): each was written apart. */
  batch: number;
}

export interface CrisisKnowledge {
  vocabularies: CrisisVocabulary[];
  /** Examples the crisis classifier learns from (written apart from the evals' crisis sets). */
  examples: CrisisExample[];
  routing: CrisisRouting | null;
  answers: Partial<Record<Language, CrisisAnswers>>;
}

type Report = (file: string, field: string, message: string) => void;

function readYaml<T>(file: string, schema: ZodType<T>, report: Report, label: string): T | null {
  let data: unknown;
  try {
    data = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    report(label, '(yaml)', (error as Error).message.split('\n')[0]);
    return null;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) report(label, issue.path.map(String).join('.') || '(root)', issue.message);
  return null;
}

const yamlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);

/** knowledge/crisis/: `<lang>.yaml` vocabularies, `routing.yaml`, `answers/<lang>.yaml`. */
export function loadCrisis(root: string, issues: KnowledgeIssue[]): CrisisKnowledge {
  const dir = path.join(root, 'crisis');
  const report: Report = (file, field, message) => issues.push({ file, field, message });
  const vocabularies: CrisisVocabulary[] = [];
  for (const name of yamlFiles(dir).filter((f) => f !== 'routing.yaml')) {
    const label = `crisis/${name}`;
    const v = readYaml(path.join(dir, name), crisisVocabularySchema, report, label);
    if (!v) continue;
    if (`${v.language}.yaml` !== name) report(label, 'language', `is "${v.language}" but the file is ${name}`);
    vocabularies.push({
      language: v.language,
      patterns: Object.fromEntries(CRISIS_CATEGORIES.map((c) => [c, v[c]])),
      notCrisis: v['not-crisis'],
    });
  }
  const routingFile = path.join(dir, 'routing.yaml');
  const routing = fs.existsSync(routingFile) ? readYaml(routingFile, crisisRoutingSchema, report, 'crisis/routing.yaml') : null;
  if (!fs.existsSync(routingFile)) report('crisis/routing.yaml', '(file)', 'is missing: a crisis answer needs to know whom to send people to');
  const answers: CrisisKnowledge['answers'] = {};
  for (const name of yamlFiles(path.join(dir, 'answers'))) {
    const label = `crisis/answers/${name}`;
    const a = readYaml(path.join(dir, 'answers', name), crisisAnswersSchema, report, label);
    if (!a) continue;
    if (`${a.language}.yaml` !== name) report(label, 'language', `is "${a.language}" but the file is ${name}`);
    answers[a.language] = a;
  }
  if (!answers.en) report('crisis/answers/en.yaml', '(file)', 'is missing: English is every answer\'s fallback');
  const examples: CrisisExample[] = [];
  for (const name of yamlFiles(path.join(dir, 'training'))) {
    const label = `crisis/training/${name}`;
    const t = readYaml(path.join(dir, 'training', name), crisisTrainingSchema, report, label);
    if (!t) continue;
    const { language, batch } = writerFile(name);
    if (language !== t.language) report(label, 'language', `is "${t.language}" but the file is ${name}`);
    for (const key of [...CRISIS_CATEGORIES, 'not-crisis'] as const) t[key].forEach((text, index) => examples.push({ lang: t.language, label: key, text, index, batch }));
  }
  return { vocabularies, examples, routing, answers };
}
