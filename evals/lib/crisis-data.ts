import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CRISIS_CATEGORIES } from '../../server/src/safety/crisis-categories';

// The crisis sets (issue 8), written per language by people who never saw the detector's vocabulary
// (evals/crisis/*.jsonl). Sets a and b: a fixed quarter of the crisis messages and a fifth of the controls are
// held out; they are reported, never used to change the vocabulary. Set c (ids crisisc-/controlc-) was
// written later, like an outside check (a plain, a distressed and an indirect message per category), and is
// held out whole: the fresh figure. Set d (crisisd-/controld-, 2026-12-07, fifth session) was written the same
// way by new writers after set c had been looked at in earlier sessions: the untouched fresh figure.
export const CRISIS_DIR = path.resolve(import.meta.dirname, '..', 'crisis');

export const crisisCaseSchema = z.object({
  id: z.string().regex(/^(crisis|control)[cd]?-[a-z]{2}-\d+$/),
  lang: z.string().regex(/^[a-z]{2}$/),
  tenant: z.string().min(1),
  message: z.string().min(1).max(2000),
  category: z.enum(CRISIS_CATEGORIES).nullable(),
  tags: z.array(z.string()).default([]),
}).strict();

export type CrisisSet = 'gated' | 'holdout' | 'fresh' | 'fresh-d';
export type CrisisCase = z.infer<typeof crisisCaseSchema> & { set: CrisisSet };

const number = (id: string) => Number(id.split('-').pop());

/** Every crisis and control message, each marked as held out or not. */
export function loadCrisisCases(dir = CRISIS_DIR): { cases: CrisisCase[]; errors: string[] } {
  const cases: CrisisCase[] = [];
  const errors: string[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^(crisis|control)-.*\.jsonl$/.test(f)).sort() : [];
  for (const file of files) {
    fs.readFileSync(path.join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const parsed = crisisCaseSchema.safeParse(JSON.parse(line));
        if (!parsed.success) return errors.push(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        const c = parsed.data;
        if ((c.category === null) !== c.id.startsWith('control')) return errors.push(`${file}:${i + 1}: controls have category null, crisis messages a category`);
        const fresh = /^(crisisc|controlc)-/.test(c.id);
        const freshD = /^(crisisd|controld)-/.test(c.id);
        const heldOut = c.category ? number(c.id) % 4 === 0 : number(c.id) % 5 === 0;
        cases.push({ ...c, set: freshD ? 'fresh-d' : fresh ? 'fresh' : heldOut ? 'holdout' : 'gated' });
      } catch (error) {
        errors.push(`${file}:${i + 1}: invalid JSON (${(error as Error).message})`);
      }
    });
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) errors.push(`duplicate id ${c.id}`);
    ids.add(c.id);
  }
  return { cases, errors };
}
