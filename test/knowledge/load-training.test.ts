import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTraining } from '../../server/src/knowledge/load-training';
import type { KnowledgeIssue } from '../../server/src/knowledge/knowledge-types';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function knowledge(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-training-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'training', rel)), { recursive: true });
    fs.writeFileSync(path.join(root, 'training', rel), text);
  }
  return root;
}

describe('training loader', () => {
  it('reads follow-ups from every writer\'s file of a language', () => {
    const root = knowledge({
      'facets/fr.yaml': 'language: fr\ncost:\n  - "et ça coûte combien ?"\n',
      'facets/fr-2.yaml': 'language: fr\ncost:\n  - "c payant ?"\nwhere:\n  - "c\'est où ?"\n',
      'en/health-gp.txt': '# health-gp · en · written 2026-12-06\nwhere is a gp\n# second writer\ngp?\n',
    });
    const issues: KnowledgeIssue[] = [];
    const data = loadTraining(root, new Set(['health-gp']), issues);
    expect(issues).toEqual([]);
    expect(data.facets.map((f) => `${f.lang} ${f.facet} ${f.text}`).sort()).toEqual(['fr cost c payant ?', 'fr cost et ça coûte combien ?', "fr where c'est où ?"]);
    expect(data.lines.map((l) => l.text)).toEqual(['where is a gp', 'gp?']);
  });

  it('names a facet file whose language does not match its name, or is not one of ours', () => {
    const root = knowledge({
      'facets/fr-2.yaml': 'language: nl\ncost:\n  - "kost dat iets?"\n',
      'facets/it.yaml': 'language: it\ncost:\n  - "quanto costa?"\n',
    });
    const issues: KnowledgeIssue[] = [];
    loadTraining(root, new Set(), issues);
    expect(issues.map((i) => [i.file, i.field])).toEqual([['training/facets/fr-2.yaml', 'language'], ['training/facets/it.yaml', 'language']]);
  });
});
