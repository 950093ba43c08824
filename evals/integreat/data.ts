import fs from 'node:fs';
import path from 'node:path';

// Integreat QA / OMoS-QA (Tür an Tür – Digitalfabrik gGmbH, KONVENS 2024), CC-BY-4.0.
export const INTEGREAT_DIR = process.env.INTEGREAT_DIR ?? '/work/shared/benchmarks/integreat-qa';
export const INTEGREAT_LANGS = ['de', 'en', 'fr', 'ar', 'uk'] as const;
export type IntegreatLang = (typeof INTEGREAT_LANGS)[number];
export type Split = 'train' | 'dev' | 'test';

export interface Item {
  id: number;
  question: string;
  context: string;
  pageId: number;
  city: string;
}

export interface Page {
  pageId: number;
  city: string;
  lines: string[];
}

export function readSplit(lang: IntegreatLang, split: Split): Item[] {
  const file = path.join(INTEGREAT_DIR, `${split}_${lang}.jsonl`);
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
}

/** The corpus of a language: every distinct pageId with its context, across train, dev and test (617 pages). */
export function readCorpus(lang: IntegreatLang): Page[] {
  const pages = new Map<number, Page>();
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const item of readSplit(lang, split)) {
      if (!pages.has(item.pageId)) pages.set(item.pageId, { pageId: item.pageId, city: item.city, lines: item.context.split('\n').map((s) => s.trim()).filter(Boolean) });
    }
  }
  return [...pages.values()];
}

export function available(): boolean {
  return fs.existsSync(path.join(INTEGREAT_DIR, 'test_de.jsonl'));
}
