// Quick per-card checker for content writers; the real validation is `npm run knowledge:check`.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire('/work/main/package.json');
const YAML = require('yaml');
const LANGS = 'en nl fr de ar tr uk ru es fa ps ti so ro pl'.split(' ');
const dir = process.argv[2];
let errors = [];
function fm(file) {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) { errors.push(`${file}: no frontmatter`); return [{}, '']; }
  try { return [YAML.parse(m[1]) ?? {}, m[2]]; } catch (e) { errors.push(`${file}: YAML: ${e.message}`); return [{}, '']; }
}
const [meta] = fm(path.join(dir, 'card.md'));
if (meta.id !== path.basename(dir)) errors.push(`card.md: id ${meta.id} != folder`);
for (const k of ['topic', 'regions', 'sources', 'reviewed', 'translations', 'concepts']) if (!meta[k]) errors.push(`card.md: missing ${k}`);
for (const l of LANGS) {
  const f = path.join(dir, `${l}.md`);
  if (!fs.existsSync(f)) { errors.push(`missing ${l}.md`); continue; }
  if (!meta.translations?.[l]) errors.push(`card.md: translations.${l} missing`);
  const [h, body] = fm(f);
  if (!h.title) errors.push(`${l}.md: no title`);
  if (!Array.isArray(h.questions) || h.questions.length < 3) errors.push(`${l}.md: need >=3 questions`);
  if (!/^\s*- /m.test(body)) errors.push(`${l}.md: no bullet steps`);
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words < 30) errors.push(`${l}.md: body too short (${words} words)`);
}
console.log(errors.length ? errors.join('\n') : `ok ${dir}`);
process.exit(errors.length ? 1 : 0);
